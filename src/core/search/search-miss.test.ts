import { describe, expect, it } from 'vitest';
import { MAX_MISS_QUERY_CHARS, normalizeMissQuery, searchMissKind } from './search-miss.js';

describe('normalizeMissQuery', () => {
  it.each([
    ['Printer on FIRE!', 'printer on fire'],
    ['  printer\u0000on\tfire  ', 'printer on fire'],
    ['"update" AND (proxy*)', 'update and proxy'],
    ['Überprüfung fehlgeschlagen', 'uberprufung fehlgeschlagen'],
    ['!!! ???', ''],
  ])('%j → %j', (q, normalized) => {
    expect(normalizeMissQuery(q)).toBe(normalized);
  });

  it('cuts a long paste at a whole word within the limit', () => {
    const normalized = normalizeMissQuery('windows update '.repeat(100));
    expect(normalized.length).toBeLessThanOrEqual(MAX_MISS_QUERY_CHARS);
    expect(normalized.endsWith('windows') || normalized.endsWith('update')).toBe(true);
  });
});

describe('searchMissKind', () => {
  const outcome = { exactCodes: 0, didYouMean: 0, results: 0, bestCoverage: 0 };
  it.each([
    [{}, 'zero'],
    [{ results: 3, bestCoverage: 0.34 }, 'weak'],
    [{ didYouMean: 1 }, 'weak'],
    [{ results: 3, bestCoverage: 0.5 }, undefined],
    [{ exactCodes: 1 }, undefined],
  ])('%j → %s', (partial, kind) => {
    expect(searchMissKind({ ...outcome, ...partial })).toBe(kind);
  });
});
