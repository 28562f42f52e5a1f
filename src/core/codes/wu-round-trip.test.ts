import { expect, it } from 'vitest';
import { loadWindowsTables } from '../../adapters/catalog/load-windows-tables.js';
import { buildCatalog } from './catalog.js';
import { readNotation } from './read-notation.js';

const tables = await loadWindowsTables();
const catalog = buildCatalog(tables);
const wu = tables.find((t) => t.file === 'wu-errors.tsv')?.text ?? '';
const [header = '', ...lines] = wu.trimEnd().split('\n');
const columns = header.split('\t');
const rows = lines.map((line) => {
  const cells = line.split('\t');
  return {
    hex: cells[columns.indexOf('hex')] ?? '',
    name: cells[columns.indexOf('symbolic_name')] ?? '',
  };
});

it('has the 477 rows SOURCES.md promises', () => {
  expect(rows).toHaveLength(477);
});

it.each(rows)('$hex reads back as a known code named $name', ({ hex, name }) => {
  const result = readNotation(hex, catalog);
  expect(result.ok).toBe(true);
  if (!result.ok) return;
  const [top] = result.value;
  expect(top).toMatchObject({ code: hex, known: true, rank: 1 });
  expect(top?.names.map((n) => n.name)).toContain(name);
  expect(top?.names[0]?.table).toBe('wu');
});
