import { fail, ok, type Result } from '../result.js';
import type { CbsFamily, CodeName, CodeTable, NamedValue } from './code-name.js';
import { hresultFromWin32, MAX_WIN32_CODE } from './code-value.js';
import { SETUP_SPECS } from './parse-setup-tables.js';
import {
  readHex,
  readName,
  readSmallNumber,
  tableSpec,
  type Cells,
  type ParsedTable,
  type TableSpec,
} from './table-cells.js';

export type { FacilityRow, NumberedName, ParsedTable, SetupResultRow } from './table-cells.js';

/**
 * Reads the TSV tables of `data/windows/` (format in its SOURCES.md) from text. Columns are
 * found by header name, not position, so a table may gain columns without breaking this.
 */

type Extra = (cell: Cells) => Result<Partial<CodeName>>;
const NO_EXTRA: Extra = () => ok({});

/** The tables whose rows are HRESULT or NTSTATUS values written in a `hex` column. */
const hexTable =
  (table: CodeTable, nameColumn: string, extra: Extra = NO_EXTRA) =>
  (cell: Cells): Result<NamedValue> => {
    const value = readHex(cell('hex'), 'hex');
    if (!value.ok) return value;
    const name = readName(cell(nameColumn), nameColumn);
    if (!name.ok) return name;
    const more = extra(cell);
    if (!more.ok) return more;
    const scheme = table === 'ntstatus' ? 'ntstatus' : 'hresult';
    return ok({ value: value.value, name: { name: name.value, table, scheme, ...more.value } });
  };

/** wu-errors.tsv `component_prefix`: an upper-case word (SOURCES.md lists the rule). */
const wuComponent: Extra = (cell) => {
  const component = cell('component_prefix');
  return /^[A-Z]+$/.test(component)
    ? ok({ component })
    : fail(`component_prefix "${component}" is not an upper-case word`);
};

const CBS_FAMILIES: readonly CbsFamily[] = ['CBS', 'PSFX', 'SPAPI'];
const cbsFamily: Extra = (cell) => {
  const family = CBS_FAMILIES.find((known) => known === cell('family'));
  return family === undefined
    ? fail(`family "${cell('family')}" is not one of ${CBS_FAMILIES.join(', ')}`)
    : ok({ cbsFamily: family });
};

/** Win32 tables: catalogued at HRESULT_FROM_WIN32, which must agree with the code column. */
const win32Table =
  (tableOf: (cell: Cells) => Result<CodeTable>) =>
  (cell: Cells): Result<NamedValue> => {
    const code = readSmallNumber(cell('code'), 'code', 5, MAX_WIN32_CODE);
    if (!code.ok) return fail(`code "${cell('code')}" is not a 16-bit decimal Win32 code`);
    const wrapped = readHex(cell('hresult_from_win32'), 'hresult_from_win32');
    if (!wrapped.ok) return wrapped;
    if (wrapped.value !== hresultFromWin32(code.value)) {
      return fail(
        `hresult_from_win32 ${cell('hresult_from_win32')} is not HRESULT_FROM_WIN32(${code.value})`,
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
      win32Code: code.value,
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
  'wu-errors.tsv': tableSpec(
    'codes',
    ['hex', 'symbolic_name', 'component_prefix'],
    hexTable('wu', 'symbolic_name', wuComponent),
  ),
  'bits-errors.tsv': tableSpec('codes', ['hex', 'name'], hexTable('bits', 'name')),
  'delivery-optimization-errors.tsv': tableSpec('codes', ['hex', 'name'], hexTable('do', 'name')),
  'cbs-errors.tsv': tableSpec(
    'codes',
    ['hex', 'name', 'family'],
    hexTable('cbs', 'name', cbsFamily),
  ),
  'hresults.tsv': tableSpec('codes', ['hex', 'name'], hexTable('hresults', 'name')),
  'ntstatus.tsv': tableSpec('codes', ['hex', 'name'], hexTable('ntstatus', 'name')),
  'win32-errors.tsv': tableSpec(
    'codes',
    ['code', 'hresult_from_win32', 'name', 'alias_of'],
    win32Table(() => ok('win32')),
  ),
  'winhttp-errors.tsv': tableSpec(
    'codes',
    ['code', 'hresult_from_win32', 'name', 'header'],
    win32Table(byHeader),
  ),
  'facilities.tsv': tableSpec('facilities', ['facility', 'name'], (cell) => {
    const facility = readSmallNumber(cell('facility'), 'facility', 4, 0x1fff);
    if (!facility.ok) return fail(`facility "${cell('facility')}" is not a 13-bit decimal number`);
    const name = readName(cell('name'), 'name');
    return name.ok ? ok({ facility: facility.value, name: name.value }) : name;
  }),
  ...SETUP_SPECS,
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
  return spec.parse(name, lines, cellsOf);
}
