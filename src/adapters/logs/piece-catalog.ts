import type { Catalog } from '../../core/codes/catalog.js';
import type { CodeName, NamedValue } from '../../core/codes/code-name.js';
import type { ReadingCatalog } from '../../core/logs/log-reading.js';

/**
 * The part of the catalog a piece worker reads with, sent to it instead of the code tables: a
 * code's first name (a finding's `name`), and the first value of each name that extract-codes.ts
 * can look up (`(F) STATUS_…`, `NTSTATUS_FROM_WIN32(ERROR_…)`: names led by STATUS_ or ERROR_).
 * Loading the tables in each worker cost it a tenth of a second and tens of MB; this is a few
 * thousand entries, and the answers are the real catalog's.
 */
export type PieceCatalog = {
  firstNames: [number, CodeName][];
  statusNames: [string, NamedValue][];
};

const LOOKED_UP = /^(?:STATUS|ERROR)_/;

export function pieceCatalog(catalog: Catalog): PieceCatalog {
  const firstNames: [number, CodeName][] = [];
  const statusNames = new Map<string, NamedValue>();
  for (const value of catalog.values()) {
    const names = catalog.namesOf(value);
    if (names[0]) firstNames.push([value, names[0]]);
    for (const { name } of names) {
      const upper = name.toUpperCase();
      if (!LOOKED_UP.test(upper) || statusNames.has(upper)) continue;
      const first = catalog.valueOfName(upper)[0];
      if (first) statusNames.set(upper, first);
    }
  }
  return { firstNames, statusNames: [...statusNames] };
}

/** The catalog a piece is read with, from what the reading thread sent. */
export function fromPieceCatalog(data: PieceCatalog): ReadingCatalog {
  const first = new Map(data.firstNames);
  const named = new Map(data.statusNames);
  return {
    namesOf: (value) => {
      const name = first.get(value);
      return name ? [name] : [];
    },
    valueOfName: (name) => {
      const value = named.get(name.toUpperCase());
      return value ? [value] : [];
    },
  };
}
