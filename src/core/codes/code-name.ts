/** What the bundled tables call a code, and the order names are shown in. */

/**
 * Which table a name comes from; `winhttp`/`wininet` split `winhttp-errors.tsv` by header,
 * `setup` is Windows setup's result codes (`setup-results.tsv`).
 */
export type CodeTable =
  | 'wu'
  | 'bits'
  | 'do'
  | 'cbs'
  | 'setup'
  | 'hresults'
  | 'win32'
  | 'winhttp'
  | 'wininet'
  | 'ntstatus';

export type CodeScheme = 'hresult' | 'win32' | 'ntstatus';

/** cbs-errors.tsv `family`: which name prefix a facility-15 code carries. */
export type CbsFamily = 'CBS' | 'PSFX' | 'SPAPI';

export type CodeName = {
  name: string;
  table: CodeTable;
  scheme: CodeScheme;
  /** Set for Win32 names: the 16-bit code; the name is catalogued at its HRESULT_FROM_WIN32. */
  win32Code?: number;
  /** Set when the header defines this name as another name (win32-errors.tsv `alias_of`). */
  aliasOf?: string;
  /** Set for Windows Update names: wu-errors.tsv `component_prefix` (PT, DS, GENERAL, …). */
  component?: string;
  /** Set for cbs-errors.tsv names: its `family` column. */
  cbsFamily?: CbsFamily;
};

/** A name with the 32-bit value it is catalogued at (a Win32 name: its wrapped value). */
export type NamedValue = { value: number; name: CodeName };

/**
 * DESIGN.md "One code, several names": the product's own table (WU, BITS, DO, CBS, setup),
 * then `hresults`, then wrapped Win32 (WinHTTP before WinINet), then NTSTATUS, aliases last.
 * Plain Win32 and WinHTTP never share a value (12xxx live only in winhttp-errors.tsv), so
 * they share a slot; so do CBS and setup (facility 15 vs 0xC19…). Lower sorts first.
 */
const TABLE_ORDER: Readonly<Record<CodeTable, number>> = {
  wu: 0,
  bits: 1,
  do: 2,
  cbs: 3,
  setup: 3,
  hresults: 4,
  win32: 5,
  winhttp: 5,
  wininet: 6,
  ntstatus: 7,
};
const ALIAS_ORDER = 8;

export const nameOrder = (name: CodeName): number =>
  name.aliasOf === undefined ? TABLE_ORDER[name.table] : ALIAS_ORDER;
