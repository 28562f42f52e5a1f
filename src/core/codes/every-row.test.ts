import { expect, it } from 'vitest';
import { loadWindowsTables } from '../../adapters/catalog/load-windows-tables.js';
import { buildCatalog } from './catalog.js';
import { hresultFromWin32 } from './code-value.js';
import { decodeCode } from './decode-hresult.js';
import { readNotation } from './read-notation.js';

/**
 * Issue 3: every row of every code table goes through parse → decode → lookup and gets its
 * name back. Rows are read here with a plain TSV split, not the parser under test; each table
 * is one test listing every row that failed, so a missing name names its row.
 */

const tables = await loadWindowsTables();
const catalog = buildCatalog(tables);

type Row = (column: string) => string;
function rowsOf(file: string): Row[] {
  const text = tables.find((t) => t.file === file)?.text ?? '';
  const [header = '', ...lines] = text.trimEnd().split('\n');
  const columns = header.split('\t');
  return lines.map((line) => {
    const cells = line.split('\t');
    return (column) => cells[columns.indexOf(column)] ?? '';
  });
}

/** Each check returns a problem, or undefined. */
function namesRead(input: string, code: string, name: string, first = true): string | undefined {
  const result = readNotation(input, catalog);
  if (!result.ok) return `${input}: refused: ${result.reason.message}`;
  const readings = first ? result.value.slice(0, 1) : result.value;
  const reading = readings.find((r) => r.code === code);
  if (reading === undefined)
    return `${input}: no reading ${code} (got ${result.value.map((r) => r.code).join(', ')})`;
  if (!reading.known) return `${input}: ${code} read as unknown`;
  if (name !== '' && !reading.names.some((n) => n.name === name)) {
    return `${input}: ${code} lacks ${name} (has ${reading.names.map((n) => n.name).join(', ')})`;
  }
  return undefined;
}

/** Tables of 32-bit values in a `hex` column, with their row counts from SOURCES.md. */
it.each<[string, string, number]>([
  ['wu-errors.tsv', 'symbolic_name', 477],
  ['hresults.tsv', 'name', 3591],
  ['ntstatus.tsv', 'name', 2981],
  ['bits-errors.tsv', 'name', 147],
  ['delivery-optimization-errors.tsv', 'name', 82],
  ['cbs-errors.tsv', 'name', 100],
  ['setup-results.tsv', 'name', -1],
])('%s: every row reads back by hex, signed decimal and name', (file, nameColumn, count) => {
  const rows = rowsOf(file);
  if (count >= 0) expect(rows).toHaveLength(count);
  else expect(rows.length).toBeGreaterThan(0);
  const problems: string[] = [];
  for (const cell of rows) {
    const hex = cell('hex');
    const name = cell(nameColumn);
    const value = parseInt(hex.slice(2), 16);
    if (decodeCode(value, catalog).hex !== hex) problems.push(`${hex}: decodes to another hex`);
    problems.push(
      ...[
        namesRead(hex, hex, name),
        // A small positive value written in decimal reads as Win32 first (or, with 8 digits, as
        // hex first): its own reading is then a later one, which is still there.
        namesRead(cell('signed_decimal'), hex, name, cell('signed_decimal').startsWith('-')),
        name === '' ? undefined : namesRead(name, hex, name, false),
        name === '' && catalog.labelOf(value) === undefined
          ? `${hex}: no name and no label`
          : undefined,
      ].filter((problem) => problem !== undefined),
    );
  }
  expect(problems).toEqual([]);
});

/** Win32 tables: a row is catalogued at its HRESULT_FROM_WIN32 and decodes back to its code. */
it.each<[string, number]>([
  ['win32-errors.tsv', 3221],
  ['winhttp-errors.tsv', 156],
])('%s: every row reads back by code, wrapped hex and name', (file, count) => {
  const rows = rowsOf(file);
  expect(rows).toHaveLength(count);
  const problems: string[] = [];
  for (const cell of rows) {
    const code = Number(cell('code'));
    const wrapped = cell('hresult_from_win32');
    const name = cell('name');
    if (parseInt(wrapped.slice(2), 16) !== hresultFromWin32(code)) {
      problems.push(`${name}: hresult_from_win32 is not HRESULT_FROM_WIN32(${code})`);
    }
    const inside = decodeCode(hresultFromWin32(code), catalog).wrapped;
    // Win32 code 0 wraps to 0, which is not a FACILITY_WIN32 value.
    if (
      code !== 0 &&
      !(inside?.scheme === 'win32' && inside.code === code && inside.names.includes(name))
    ) {
      problems.push(`${wrapped}: decode does not give Win32 ${code} ${name}`);
    }
    problems.push(
      ...[
        namesRead(String(code), wrapped, name),
        namesRead(wrapped, wrapped, name),
        namesRead(name, wrapped, name, false),
      ].filter((problem) => problem !== undefined),
    );
  }
  expect(problems).toEqual([]);
});
