import type { Catalog } from './catalog.js';
import { SYMBOLIC_NAME } from './notation-patterns.js';
import { NO_READING, type TokenReading } from './reading.js';

/**
 * A symbolic name, case-insensitive. An exact name always wins; otherwise a distinctive tail
 * (a `_`-bounded suffix of exactly one name in all tables) reads as that name.
 */
export function readNameToken(token: string, catalog: Catalog): TokenReading {
  // Numbers, the most frequent tokens, fail on their first character: no regex call for them.
  const first = token.charCodeAt(0);
  if (!isNameStart(first) || !SYMBOLIC_NAME.test(token)) return NO_READING;

  const exact = catalog.valueOfName(token);
  if (exact.length > 0) {
    return {
      kind: 'read',
      candidates: exact.map(({ value, name }) => ({
        value,
        notation: 'name',
        reason: `The exact symbolic name ${name.name}.`,
      })),
    };
  }

  const tail = token.toUpperCase();
  const holders = catalog.namesEndingWith(tail);
  const only = holders.length === 1 ? holders[0] : undefined;
  if (only === undefined) {
    return holders.length > 1 ? { kind: 'ambiguous', tail, names: holders } : NO_READING;
  }
  return {
    kind: 'read',
    candidates: catalog.valueOfName(only).map(({ value }) => ({
      value,
      notation: 'name-tail',
      reason: `${only} is the only name in the tables that ends in _${tail}.`,
    })),
  };
}

/** SYMBOLIC_NAME's first character: a letter or `_`. */
const isNameStart = (c: number): boolean =>
  (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
