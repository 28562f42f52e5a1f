import { describe, expect, it } from 'vitest';
import { loadWindowsCatalog } from '../../adapters/catalog/load-windows-tables.js';
import { suggestNearCodes } from './did-you-mean.js';
import { editDistance, hexDigits, run } from './edit-distance.js';

const catalog = await loadWindowsCatalog();
const near = (input: string, limit?: number): [string, number][] =>
  suggestNearCodes(input, catalog, limit).map((n) => [n.code, n.distance]);

describe('suggestNearCodes: mistyped codes', () => {
  it.each<[string, string, string, number]>([
    ['the letter O for zero', '80244O01', '0x80244001', 0],
    ['a lower-case l for one, with 0x', '0x8024400l', '0x80244001', 0],
    ['several look-alikes', '8OO7OOO5', '0x80070005', 0],
    ['the leading 8 missing', '0244001', '0x80244001', 1],
    ['two digits swapped', '80424001', '0x80244001', 1],
    ['an NTSTATUS with O for 0', 'C0000O22', '0xC0000022', 0],
  ])('%s: %j → %s first, at distance %d', (_what, input, code, distance) => {
    expect(near(input)[0]).toEqual([code, distance]);
  });

  it.each<[string, string, string, number]>([
    ['a dropped digit (7 digits)', '8024401', '0x80244001', 1],
    ['an extra digit (9 digits)', '802440011', '0x80244001', 1],
    ['a doubled digit', '802444001', '0x80244001', 1],
    ['two extra digits (10 digits)', '8002440011', '0x80244001', 2],
    ['the first two digits swapped', '1C900101', '0xC1900101', 1],
    ['inside a sentence', 'error 8O24400l in the log', '0x80244001', 0],
  ])('%s: %j → %s among the top 8, at distance %d', (_what, input, code, distance) => {
    expect(near(input)).toContainEqual([code, distance]);
  });

  it('ranks by distance, then by value: 80244010 before 80244016 for a dropped last digit', () => {
    // WU_E_PT_EXCEEDED_MAX_SERVER_TRIPS and WU_E_PT_HTTP_STATUS_BAD_REQUEST, both one insertion away.
    const found = near('8024401', 50);
    const at = (code: string): number => found.findIndex(([c]) => c === code);
    expect(found[at('0x80244010')]).toEqual(['0x80244010', 1]);
    expect(found[at('0x80244016')]).toEqual(['0x80244016', 1]);
    expect(at('0x80244010')).toBeLessThan(at('0x80244016'));
    const distances = found.map(([, d]) => d);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
  });

  it('puts the look-alike reading (distance 0) before its neighbours', () => {
    expect(near('80244O16').slice(0, 2)).toEqual([
      ['0x80244016', 0],
      ['0x80240016', 1],
    ]);
  });

  it('suggests only known codes, with their names, and never what was typed', () => {
    const found = suggestNearCodes('80244001', catalog);
    expect(found.length).toBe(8);
    expect(found.map((n) => n.code)).not.toContain('0x80244001');
    for (const n of found) {
      expect(catalog.isKnown(n.value)).toBe(true);
      expect(n.names).toEqual(catalog.namesOf(n.value));
    }
  });

  it.each([['hello'], ['LOG DISABLED'], ['-2145107967'], ['12345'], ['80244001123456'], ['']])(
    '%j has no suggestions (no word that looks like a code)',
    (input) => {
      expect(suggestNearCodes(input, catalog)).toEqual([]);
    },
  );

  it('respects the limit', () => {
    expect(suggestNearCodes('8024401', catalog, 3)).toHaveLength(3);
  });
});

describe('the search finds exactly what a full scan finds at the nearest distance', () => {
  const values = catalog.values();
  const digitsOf = (value: number): string => value.toString(16).toUpperCase().padStart(8, '0');
  const scan = (query: string): [string, number][] => {
    const q = hexDigits(query);
    if (q === undefined) throw new Error(query);
    const found: [number, number][] = [];
    for (const value of values) {
      if (digitsOf(value) === query) continue;
      const d = editDistance(run(q), run(hexDigits(digitsOf(value)) ?? q), 2);
      if (d <= 2) found.push([value, d]);
    }
    found.sort(([a, da], [b, db]) => da - db || a - b);
    // Two edits away counts only when nothing is one edit (or none) away.
    const nearest = found.some(([, d]) => d <= 1) ? found.filter(([, d]) => d <= 1) : found;
    return nearest.map(([v, d]) => [`0x${digitsOf(v)}`, d]);
  };

  it.each([
    ['0244001'],
    ['802440011'],
    ['8024A1O5'.replace('O', '0')],
    ['C000022A1'],
    ['12345678'],
    ['ABCDEF12'],
    ['8007000'],
    ['887A0001'],
    ['00000'.padEnd(8, '7')],
    ['0030200'],
  ])('%j', (query) => {
    expect(near(query, 100_000)).toEqual(scan(query));
  });
});
