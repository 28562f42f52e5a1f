import { nameOrder, type CodeName, type NamedValue } from './code-name.js';
import { buildTailIndex, type TailIndex } from './name-tails.js';
import { parseTable } from './parse-tables.js';

/** What the bundled tables know, answered from maps built once (see `buildCatalog`). */
export interface Catalog {
  /** Every name of a 32-bit value, in DESIGN.md's order, each name once; [] when unknown. */
  namesOf(value: number): readonly CodeName[];
  /** Case-insensitive exact name → where it is catalogued (one value per name in practice). */
  valueOfName(name: string): readonly NamedValue[];
  /** Case-insensitive: the distinct names with a proper `_`-bounded suffix equal to `tail`. */
  namesEndingWith(tail: string): readonly string[];
  facilityName(facility: number): string | undefined;
  /** In a table: with a name, or (setup results the docs leave unnamed) with a label only. */
  isKnown(value: number): boolean;
  /** Our short words for a setup result code (setup-results.tsv `label`). */
  labelOf(value: number): string | undefined;
  /** Names of a setup extend code's parts (setup-extend-phases/operations.tsv). */
  setupPhaseName(phase: number): string | undefined;
  setupOperationName(operation: number): string | undefined;
  /** Every known value, ascending; the same array on every call. */
  values(): readonly number[];
}

export type TableText = { file: string; text: string };

const NONE: readonly never[] = Object.freeze([]);

/**
 * Builds the catalog from the tables' text. A table that does not parse is a broken install,
 * not bad user input, so this throws with the file and line instead of returning a Result.
 */
export function buildCatalog(tables: ReadonlyArray<TableText>): Catalog {
  const byValue = new Map<number, CodeName[]>();
  const facilities = new Map<number, string>();
  const labels = new Map<number, string>();
  const phases = new Map<number, string>();
  const operations = new Map<number, string>();
  const addName = (value: number, name: CodeName): void => {
    const names = byValue.get(value);
    if (names === undefined) byValue.set(value, [name]);
    else names.push(name);
  };

  for (const { file, text } of tables) {
    const parsed = parseTable(file, text);
    if (!parsed.ok) throw new Error(`code tables: ${parsed.reason}`);
    const table = parsed.value;
    if (table.kind === 'facilities') {
      for (const row of table.rows) facilities.set(row.facility, row.name);
    } else if (table.kind === 'setup-phases') {
      for (const row of table.rows) phases.set(row.number, row.name);
    } else if (table.kind === 'setup-operations') {
      for (const row of table.rows) operations.set(row.number, row.name);
    } else if (table.kind === 'setup-results') {
      for (const row of table.rows) {
        labels.set(row.value, row.label);
        if (row.name !== undefined) addName(row.value, row.name);
      }
    } else {
      for (const { value, name } of table.rows) addName(value, name);
    }
  }

  const byName = new Map<string, NamedValue[]>();
  for (const [value, names] of byValue) {
    const ordered = names.length > 1 ? orderAndDedupe(names) : names;
    byValue.set(value, ordered);
    for (const name of ordered) {
      const key = name.name.toUpperCase();
      const entries = byName.get(key);
      if (entries === undefined) byName.set(key, [{ value, name }]);
      else entries.push({ value, name });
    }
  }
  // The names as most look-ups write them, upper- or lower-case: found without upper-casing
  // the input first (a new string, hashed and compared in full). A key is here only when its
  // upper-case is the `byName` key, so a hit answers what `byName` would.
  const byWrittenName = new Map<string, NamedValue[]>();
  for (const [key, entries] of byName) {
    if (key.toUpperCase() === key) byWrittenName.set(key, entries);
    const lower = key.toLowerCase();
    if (lower.toUpperCase() === key) byWrittenName.set(lower, entries);
  }
  // The value maps asked on every look-up, keyed by the value as int32 (see `slotOf`).
  const namesBySlot = new Map<number, readonly CodeName[]>();
  for (const [value, names] of byValue) namesBySlot.set(value | 0, names);
  const labelsBySlot = new Map<number, string>();
  for (const [value, label] of labels) labelsBySlot.set(value | 0, label);
  const known = Object.freeze(
    [...new Set([...byValue.keys(), ...labels.keys()])].sort((a, b) => a - b),
  );

  // Only name-tail readings need this; building it lazily keeps startup to the plain maps.
  let tails: TailIndex | undefined;
  const tailIndex = (): TailIndex =>
    (tails ??= buildTailIndex(
      (function* () {
        for (const entries of byName.values()) if (entries[0]) yield entries[0].name.name;
      })(),
    ));

  return {
    namesOf: (value) => (isSlot(value) ? namesBySlot.get(value | 0) : undefined) ?? NONE,
    valueOfName: (name) =>
      byWrittenName.get(name) ??
      (mayUpperCaseToAnother(name) ? byName.get(name.toUpperCase()) : undefined) ??
      NONE,
    namesEndingWith: (tail) => tailIndex().get(tail.toUpperCase()) ?? NONE,
    facilityName: (facility) => facilities.get(facility),
    isKnown: (value) =>
      isSlot(value) && (namesBySlot.has(value | 0) || labelsBySlot.has(value | 0)),
    labelOf: (value) => (isSlot(value) ? labelsBySlot.get(value | 0) : undefined),
    setupPhaseName: (phase) => phases.get(phase),
    setupOperationName: (operation) => operations.get(operation),
    values: () => known,
  };
}

/**
 * Catalogued values are 32-bit unsigned (they come from canonical codes). Such a value as int32
 * is a small integer for V8, where the unsigned form of most error codes (2^31 and up) is a
 * heap number that a Map hashes and compares more slowly; `value | 0` is one-to-one on them.
 * Any other number (negative, fractional, too large) is in no table.
 */
const isSlot = (value: number): boolean => value >>> 0 === value;

/**
 * False when `name.toUpperCase()` is `name` itself (ASCII with no lower-case letter): every
 * such `byName` key is in `byWrittenName`, so a miss there is a miss.
 */
function mayUpperCaseToAnother(name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if ((c >= 97 && c <= 122) || c >= 128) return true;
  }
  return false;
}

/** Stable sort keeps file order inside one slot; a name in two tables (SPAPI) stays once. */
function orderAndDedupe(names: CodeName[]): CodeName[] {
  const sorted = names.slice().sort((a, b) => nameOrder(a) - nameOrder(b));
  const seen = new Set<string>();
  return sorted.filter((name) => {
    const key = name.name.toUpperCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
