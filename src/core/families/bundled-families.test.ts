import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadWindowsCatalog } from '../../adapters/catalog/load-windows-tables.js';
import { readFamilyFiles } from '../../adapters/content/read-families.js';
import { loadFamilyIndex } from '../../app/load-families.js';
import type { FamilyIndex } from './family-index.js';
import { readFamilyMarkdown } from './family-markdown.js';
import type { Family } from './family-schema.js';

/**
 * The real `content/families/*.md` against the real tables: the bundled families must build,
 * cover what issue 3 ("Families") asks for, and give every Windows Update code its line.
 */

const catalog = await loadWindowsCatalog();
const files = readFamilyFiles();
const parsed: Family[] = files.flatMap((file) => {
  const read = readFamilyMarkdown(file.text);
  return read.ok ? [read.value] : [];
});

let index: FamilyIndex | undefined;
let buildError = '';
try {
  index = loadFamilyIndex(files, catalog);
} catch (error) {
  buildError = error instanceof Error ? error.message : String(error);
}

const REQUIRED = [
  'wu-general',
  'wu-pt',
  'wu-ds',
  'wu-dm',
  'wu-au',
  'wu-uh',
  'wu-setup',
  'wu-ee',
  'wu-drv',
  'wu-inventory',
  'wu-reporter',
  'wu-sls',
  'wu-sih',
  'wu-ol',
  'wu-wutask',
  'win32-wrapped',
  'network-winhttp',
  'http-status',
  'bits',
  'delivery-optimization',
  'cbs-servicing',
  'windows-setup',
  'ntstatus',
];

/** data/windows/wu-errors.tsv: each row's value and component_prefix, columns found by header. */
const wuRows = (() => {
  const text = readFileSync(
    new URL('../../../data/windows/wu-errors.tsv', import.meta.url),
    'utf8',
  );
  const [header = '', ...rows] = text.split('\n').filter((line) => line.trim() !== '');
  const columns = header.split('\t');
  const hex = columns.indexOf('hex');
  const component = columns.indexOf('component_prefix');
  return rows.map((row) => {
    const cells = row.split('\t');
    return { hex: cells[hex] ?? '', component: cells[component] ?? '' };
  });
})();
const components = [...new Set(wuRows.map((row) => row.component))].sort();

describe('bundled families', () => {
  it('build into an index with no problem', () => {
    expect(buildError).toBe('');
  });

  it.each(REQUIRED)('include %s', (id) => {
    expect(files.map((file) => file.path)).toContain(`families/${id}.md`);
    expect(parsed.map((family) => family.id)).toContain(id);
  });

  it('read all 477 Windows Update codes from the table', () => {
    expect(wuRows).toHaveLength(477);
  });

  it.each(components)('give every %s code a line in the family of that component', (component) => {
    const holder = parsed.find(
      (family) => 'wuComponent' in family.match && family.match.wuComponent === component,
    );
    expect(holder, `a family with match { wuComponent: ${component} }`).toBeDefined();
    const listed = new Set(holder?.codes.map((code) => code.code));
    const missing = wuRows.filter((row) => row.component === component && !listed.has(row.hex));
    expect(missing.map((row) => row.hex)).toEqual([]);
  });

  it('answer noteFor every Windows Update code from the family of its component', () => {
    expect(index, buildError).toBeDefined();
    const wrong = wuRows.filter((row) => {
      const note = index?.noteFor(parseInt(row.hex.slice(2), 16));
      const family = note === undefined ? undefined : index?.get(note.family);
      return (
        note === undefined ||
        note.text.trim() === '' ||
        family === undefined ||
        !('wuComponent' in family.match) ||
        family.match.wuComponent !== row.component
      );
    });
    expect(wrong.map((row) => `${row.hex} ${row.component}`)).toEqual([]);
  });
});
