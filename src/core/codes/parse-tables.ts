import { fail, ok, type Result } from '../result.js';
import type { CodeName, CodeTable, NamedValue } from './code-name.js';
import { hresultFromWin32, MAX_WIN32_CODE } from './code-value.js';

/**
 * Reads the TSV tables of `data/windows/` (format in its SOURCES.md) from text. Columns are
 * found by header name, not position, so a table may gain columns without breaking this.
 */

export type FacilityRow = { facility: number; name: string };

export type ParsedTable =
  | { kind: 'codes'; file: string; rows: NamedValue[] }
  | { kind: 'facilities'; file: string; rows: FacilityRow[] };

type Cells = (column: string) => string;

type TableSpec =
  | { kind: 'codes'; columns: readonly string[]; read: (cell: Cells) => Result<NamedValue> }
  | { kind: 'facilities'; columns: readonly string[]; read: (cell: Cells) => Result<FacilityRow> };

const HEX32 = /^0x[0-9A-F]{8}$/;
const DECIMAL = /^\d{1,5}$/;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function readHex(text: string, column: string): Result<number> {
  return HEX32.test(text)
    ? ok(parseInt(text.slice(2), 16))
    : fail(`${column} "${text}" is not 0x + 8 upper-case hex digits`);
}

function readName(text: string, column: string): Result<string> {
  return NAME.test(text) ? ok(text) : fail(`${column} "${text}" is not a symbolic name`);
}

/** The tables whose rows are HRESULT or NTSTATUS values written in a `hex` column. */
const hexTable =
  (table: CodeTable, nameColumn: string) =>
  (cell: Cells): Result<NamedValue> => {
    const value = readHex(cell('hex'), 'hex');
    if (!value.ok) return value;
    const name = readName(cell(nameColumn), nameColumn);
    if (!name.ok) return name;
    const scheme = table === 'ntstatus' ? 'ntstatus' : 'hresult';
    return ok({ value: value.value, name: { name: name.value, table, scheme } });
  };

/** Win32 tables: catalogued at HRESULT_FROM_WIN32, which must agree with the code column. */
const win32Table =
  (tableOf: (cell: Cells) => Result<CodeTable>) =>
  (cell: Cells): Result<NamedValue> => {
    const codeText = cell('code');
    const code = Number(codeText);
    if (!DECIMAL.test(codeText) || code > MAX_WIN32_CODE) {
      return fail(`code "${codeText}" is not a 16-bit decimal Win32 code`);
    }
    const wrapped = readHex(cell('hresult_from_win32'), 'hresult_from_win32');
    if (!wrapped.ok) return wrapped;
    if (wrapped.value !== hresultFromWin32(code)) {
      return fail(
        `hresult_from_win32 ${cell('hresult_from_win32')} is not HRESULT_FROM_WIN32(${code})`,
      );
    }
    const name = readName(cell('name'), 'name');
    if (!name.ok) return name;
    const table = tableOf(cell);
    if (!table.ok) return table;
    const entry: CodeName = {
      name: name.value,
      table: table.value,
      scheme: 'win32',
      win32Code: code,
    };
    const aliasOf = cell('alias_of');
    if (aliasOf !== '') entry.aliasOf = aliasOf;
    return ok({ value: wrapped.value, name: entry });
  };

const byHeader = (cell: Cells): Result<CodeTable> => {
  const header = cell('header');
  if (header === 'winhttp.h') return ok('winhttp');
  if (header === 'wininet.h') return ok('wininet');
  return fail(`header "${header}" is neither winhttp.h nor wininet.h`);
};

const SPECS: Readonly<Record<string, TableSpec>> = {
  'wu-errors.tsv': {
    kind: 'codes',
    columns: ['hex', 'symbolic_name'],
    read: hexTable('wu', 'symbolic_name'),
  },
  'bits-errors.tsv': { kind: 'codes', columns: ['hex', 'name'], read: hexTable('bits', 'name') },
  'delivery-optimization-errors.tsv': {
    kind: 'codes',
    columns: ['hex', 'name'],
    read: hexTable('do', 'name'),
  },
  'cbs-errors.tsv': { kind: 'codes', columns: ['hex', 'name'], read: hexTable('cbs', 'name') },
  'hresults.tsv': { kind: 'codes', columns: ['hex', 'name'], read: hexTable('hresults', 'name') },
  'ntstatus.tsv': { kind: 'codes', columns: ['hex', 'name'], read: hexTable('ntstatus', 'name') },
  'win32-errors.tsv': {
    kind: 'codes',
    columns: ['code', 'hresult_from_win32', 'name', 'alias_of'],
    read: win32Table(() => ok('win32')),
  },
  'winhttp-errors.tsv': {
    kind: 'codes',
    columns: ['code', 'hresult_from_win32', 'name', 'header'],
    read: win32Table(byHeader),
  },
  'facilities.tsv': {
    kind: 'facilities',
    columns: ['facility', 'name'],
    read: (cell) => {
      const text = cell('facility');
      const facility = Number(text);
      if (!/^\d{1,4}$/.test(text) || facility > 0x1fff) {
        return fail(`facility "${text}" is not a 13-bit decimal number`);
      }
      const name = readName(cell('name'), 'name');
      return name.ok ? ok({ facility, name: name.value }) : name;
    },
  },
};

/** The files a catalog is built from, in the order a loader should hand them over. */
export const TABLE_FILES: readonly string[] = Object.keys(SPECS);

const baseName = (file: string): string => file.slice(file.lastIndexOf('/') + 1);

export function parseTable(file: string, text: string): Result<ParsedTable> {
  const name = baseName(file);
  const spec = SPECS[name];
  if (spec === undefined)
    return fail(`${name}: not a known table (known: ${TABLE_FILES.join(', ')})`);
  const lines = text.split('\n');
  const header = (lines[0] ?? '').replace(/\r$/, '').split('\t');
  const index = new Map(header.map((column, i) => [column, i]));
  const missing = spec.columns.filter((column) => !index.has(column));
  if (missing.length > 0) return fail(`${name}: header lacks column(s) ${missing.join(', ')}`);

  const cellsOf = (line: string): Cells => {
    const cells = line.split('\t');
    return (column) => cells[index.get(column) ?? -1] ?? '';
  };
  if (spec.kind === 'codes') {
    const rows = readRows(name, lines, cellsOf, spec.read);
    return rows.ok ? ok({ kind: 'codes', file: name, rows: rows.value }) : rows;
  }
  const rows = readRows(name, lines, cellsOf, spec.read);
  return rows.ok ? ok({ kind: 'facilities', file: name, rows: rows.value }) : rows;
}

function readRows<T>(
  file: string,
  lines: readonly string[],
  cellsOf: (line: string) => Cells,
  read: (cell: Cells) => Result<T>,
): Result<T[]> {
  const rows: T[] = [];
  for (let n = 1; n < lines.length; n++) {
    const line = (lines[n] ?? '').replace(/\r$/, '');
    if (line === '') continue;
    const row = read(cellsOf(line));
    if (!row.ok) return fail(`${file}:${n + 1}: ${row.reason}`);
    rows.push(row.value);
  }
  return ok(rows);
}
