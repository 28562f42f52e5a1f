import { fail, ok, type Result } from '../result.js';
import type { NamedValue } from './code-name.js';
import { isCanonical, valueOfCode } from './code-value.js';

/**
 * The shared machinery of the `data/windows/` table readers: cells found by header name (so a
 * table may gain columns without breaking its reader), and one row reader per file kind.
 */

export type FacilityRow = { facility: number; name: string };

/** setup-results.tsv: `name` may be empty (the docs give none); `label` is our short words. */
export type SetupResultRow = { value: number; label: string } & Partial<NamedValue>;

/** A numbered part of a setup extend code (phase or operation) and its name. */
export type NumberedName = { number: number; name: string };

type RowOf = {
  codes: NamedValue;
  facilities: FacilityRow;
  'setup-results': SetupResultRow;
  'setup-phases': NumberedName;
  'setup-operations': NumberedName;
};
type Kind = keyof RowOf;

export type ParsedTable = { [K in Kind]: { kind: K; file: string; rows: RowOf[K][] } }[Kind];

export type Cells = (column: string) => string;

export type TableSpec = {
  columns: readonly string[];
  parse: (
    file: string,
    lines: readonly string[],
    cellsOf: (line: string) => Cells,
  ) => Result<ParsedTable>;
};

export function tableSpec<K extends Kind>(
  kind: K,
  columns: readonly string[],
  read: (cell: Cells) => Result<RowOf[K]>,
): TableSpec {
  return {
    columns,
    parse: (file, lines, cellsOf) => {
      const rows = readRows(file, lines, cellsOf, read);
      // TS cannot correlate K across the mapped union; kind and rows come from the same K.
      return rows.ok ? ok({ kind, file, rows: rows.value } as ParsedTable) : rows;
    },
  };
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

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function readHex(text: string, column: string): Result<number> {
  return isCanonical(text)
    ? ok(valueOfCode(text))
    : fail(`${column} "${text}" is not 0x + 8 upper-case hex digits`);
}

export function readName(text: string, column: string): Result<string> {
  return NAME.test(text) ? ok(text) : fail(`${column} "${text}" is not a symbolic name`);
}

/** A small decimal number of at most `digits` digits and at most `max`. */
export function readSmallNumber(
  text: string,
  column: string,
  digits: number,
  max: number,
): Result<number> {
  const value = Number(text);
  return new RegExp(`^\\d{1,${digits}}$`).test(text) && value <= max
    ? ok(value)
    : fail(`${column} "${text}" is not a decimal number from 0 to ${max}`);
}
