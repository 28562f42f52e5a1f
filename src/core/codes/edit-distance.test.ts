import { expect, it } from 'vitest';
import { editDistance, hexDigits, run } from './edit-distance.js';

const distance = (a: string, b: string, max?: number): number => {
  const [x, y] = [hexDigits(a), hexDigits(b)];
  if (x === undefined || y === undefined) throw new Error(`${a} or ${b} is not hex`);
  return editDistance(run(x), run(y), max);
};

it.each<[string, string, number]>([
  ['80244001', '80244001', 0],
  ['80244011', '80244001', 1],
  ['8024401', '80244001', 1],
  ['802440011', '80244001', 1],
  ['80424001', '80244001', 1],
  ['0244001', '80244001', 1],
  ['8D020002', '80D02002', 2],
  ['', 'ABC', 3],
])('%j → %j is %d', (a, b, expected) => {
  expect(distance(a, b)).toBe(expected);
  expect(distance(b, a)).toBe(expected);
});

it('stops at max + 1 when the distance must be larger', () => {
  expect(distance('12345678', 'ABCDEF01', 2)).toBe(3);
  expect(distance('1234', '12345678', 2)).toBe(3);
});

it('refuses a character that is not a hex digit', () => {
  expect(hexDigits('80244O01')).toBeUndefined();
});
