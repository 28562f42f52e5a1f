import { describe, expect, it } from 'vitest';
import { RangeMax } from './range-max.js';

/** The slow answer: sort the range's positions by value, largest first, leftmost on ties. */
const byWalking = (values: number[], from: number, to: number, count: number): number[] =>
  Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i)
    .sort((a, b) => (values[b] as number) - (values[a] as number) || a - b)
    .slice(0, count);

describe('RangeMax', () => {
  it('gives the same positions as walking the range, for every range of a random list', () => {
    let seed = 7;
    const values = Array.from({ length: 67 }, () => (seed = (seed * 48271) % 2147483647) % 9);
    const table = new RangeMax(values);
    for (let from = 0; from <= values.length; from++)
      for (let to = from; to <= values.length; to++) {
        expect(table.top(from, to, 5)).toEqual(byWalking(values, from, to, 5));
        expect(table.argMax(from, to)).toBe(byWalking(values, from, to, 1)[0] ?? -1);
      }
  });

  it('answers an empty list and an empty range with nothing', () => {
    expect(new RangeMax([]).top(0, 0, 3)).toEqual([]);
    expect(new RangeMax([4, 2]).top(1, 1, 3)).toEqual([]);
  });
});
