import { describe, expect, it } from 'vitest';
import { loadWindowsCatalog } from '../adapters/catalog/load-windows-tables.js';
import type { ContentFile } from './content-file.js';
import { loadFamilyIndex } from './load-families.js';

const catalog = await loadWindowsCatalog();

const familyFile = (id: string, match: string, extra = ''): ContentFile => ({
  path: `families/${id}.md`,
  text: [
    '---',
    `id: ${id}`,
    `title: ${id}`,
    `match: ${match}`,
    'priority: 10',
    'retry: { when: after-fix, reason: "r" }',
    '---',
    'What it means.',
    '',
    '## What generally helps',
    '- Restart.',
    extra,
  ].join('\n'),
});

describe('loadFamilyIndex', () => {
  it('indexes good files', () => {
    const index = loadFamilyIndex(
      [familyFile('bits', '{ table: bits }'), familyFile('ntstatus', '{ table: ntstatus }')],
      catalog,
    );
    expect(index.list().map((f) => f.id)).toEqual(['bits', 'ntstatus']);
  });

  it('throws one error naming every bad file and every problem', () => {
    const files = [
      familyFile('bits', '{ table: nope }'),
      { ...familyFile('other-name', '{ table: bits }'), path: 'families/renamed.md' },
      familyFile(
        'win32-wrapped',
        '{ wrapped: win32 }',
        '## Codes\n- `0x80244001` WU_E_PT_SOAPCLIENT_INITIALIZE: x',
      ),
      familyFile('wu-wutask', '{ wuComponent: WUTASK }'),
    ];
    expect(() => loadFamilyIndex(files, catalog)).toThrow(
      [
        'families: 4 problem(s)',
        '  families/bits.md: line 4: match.table: Invalid option: expected one of "wu"|"bits"|"do"|"cbs"|"hresults"|"win32"|"winhttp"|"wininet"|"ntstatus"|"setup"',
        '  families/renamed.md: id "other-name" must equal the file name "renamed"',
        "  family win32-wrapped: 0x80244001 WU_E_PT_SOAPCLIENT_INITIALIZE does not match the family's rule (wrapped: win32)",
        '  family wu-wutask: ## Codes lacks 5 of the 5 codes of component WUTASK: 0x8024B001, 0x8024B002, 0x8024B003, 0x8024B004, 0x8024B005',
      ].join('\n'),
    );
  });
});
