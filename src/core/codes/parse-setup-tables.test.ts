import { describe, expect, it } from 'vitest';
import { buildCatalog } from './catalog.js';
import { parseTable } from './parse-tables.js';
import { readSetupExtend } from './setup-extend.js';

const tsv = (...lines: string[][]): string => lines.map((l) => l.join('\t')).join('\n') + '\n';

const RESULTS = tsv(
  ['hex', 'signed_decimal', 'name', 'label', 'source'],
  ['0xC1800118', '-1048575720', '', 'Upgrade package cannot be decrypted', 'docs:x'],
  ['0xC1900101', '-1047527167', 'MOSETUP_E_SETUP_PLATFORM', 'Generic setup failure', 'docs:x'],
);
const PHASES = tsv(['phase', 'name', 'source'], ['4', 'SP_EXECUTION_OOBE_BOOT', 'docs:x']);
const OPERATIONS = tsv(
  ['operation', 'hex', 'name', 'source'],
  ['13', '0x000D', 'SP_EXECUTION_OP_MIGRATE_DATA', 'docs:x'],
);

describe('setup tables', () => {
  it('reads result codes, with or without a symbolic name, each with its label', () => {
    const parsed = parseTable('setup-results.tsv', RESULTS);
    expect(parsed.ok && parsed.value).toEqual({
      kind: 'setup-results',
      file: 'setup-results.tsv',
      rows: [
        { value: 0xc1800118, label: 'Upgrade package cannot be decrypted' },
        {
          value: 0xc1900101,
          label: 'Generic setup failure',
          name: { name: 'MOSETUP_E_SETUP_PLATFORM', table: 'setup', scheme: 'hresult' },
        },
      ],
    });
  });

  it.each([
    ['setup-extend-phases.tsv', PHASES, { kind: 'setup-phases', number: 4 }],
    ['setup-extend-operations.tsv', OPERATIONS, { kind: 'setup-operations', number: 13 }],
  ])('reads %s', (file, text, { kind, number }) => {
    const parsed = parseTable(file, text);
    expect(parsed.ok && parsed.value.kind).toBe(kind);
    expect(parsed.ok && parsed.value.rows).toEqual([expect.objectContaining({ number })]);
  });

  it.each([
    [
      'setup-results.tsv',
      'hex\tsigned_decimal\tname\tlabel\n0xC1900101\t5\tX\tY\n',
      /signed_decimal 5/,
    ],
    ['setup-results.tsv', 'hex\tname\tlabel\n0xC1900101\tX\t\n', /label "" is empty/],
    ['setup-results.tsv', 'hex\tname\tlabel\n0xC1900101\tnot a name\tY\n', /name "not a name"/],
    ['setup-extend-phases.tsv', 'phase\tname\n10\tX\n', /phase "10"/],
    ['setup-extend-operations.tsv', 'operation\thex\tname\n13\t0x000E\tX\n', /hex "0x000E"/],
  ])('refuses a bad row of %s: %s', (file, text, reason) => {
    const parsed = parseTable(file, text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toMatch(reason);
  });

  it('catalogues names and labels, and names the parts of an extend code', () => {
    const catalog = buildCatalog([
      { file: 'setup-results.tsv', text: RESULTS },
      { file: 'setup-extend-phases.tsv', text: PHASES },
      { file: 'setup-extend-operations.tsv', text: OPERATIONS },
    ]);
    expect(catalog.isKnown(0xc1800118)).toBe(true);
    expect(catalog.namesOf(0xc1800118)).toEqual([]);
    expect(catalog.labelOf(0xc1800118)).toBe('Upgrade package cannot be decrypted');
    expect(catalog.valueOfName('mosetup_e_setup_platform')[0]?.value).toBe(0xc1900101);
    expect(catalog.values()).toEqual([0xc1800118, 0xc1900101]);
    expect(readSetupExtend(0x4000d, catalog)).toEqual({
      value: 0x4000d,
      hex: '0x4000D',
      phase: { number: 4, name: 'SP_EXECUTION_OOBE_BOOT' },
      operation: { number: 13, name: 'SP_EXECUTION_OP_MIGRATE_DATA' },
    });
    expect(readSetupExtend(0x30018, catalog)).toEqual({
      value: 0x30018,
      hex: '0x30018',
      phase: { number: 3 },
      operation: { number: 24 },
    });
  });
});
