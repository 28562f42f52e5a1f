import { describe, expect, it } from 'vitest';
import type { Risk } from '../articles/schema.js';
import type { FixTally } from './fix-estimate.js';
import {
  describeSuccess,
  estimatedSuccess,
  MIN_SAMPLE,
  orderFixes,
  priorMean,
  successShown,
} from './fix-estimate.js';

const tally = (fixed: number, stillFailing: number, couldNotDo = 0): FixTally => ({
  fixed,
  stillFailing,
  couldNotDo,
});
const fixes = (spec: string) =>
  spec.split(' ').map((part) => {
    const [id, risk] = part.split(':') as [string, string];
    const r: Risk = risk === 'd' ? 'destructive' : risk === 'm' ? 'moderate' : 'safe';
    return { id, risk: r };
  });

describe('fix estimate', () => {
  it('seeds the prior from the editorial position: earlier is likelier', () => {
    expect(priorMean(0, 5)).toBeCloseTo(0.6);
    expect(priorMean(4, 5)).toBeCloseTo(0.2);
    expect(priorMean(0, 1)).toBeCloseTo(0.6);
    expect(estimatedSuccess(tally(0, 0), 0, 3)).toBeGreaterThan(
      estimatedSuccess(tally(0, 0), 1, 3),
    );
  });

  it('moves with outcomes, and more with more of them', () => {
    const few = estimatedSuccess(tally(3, 0), 2, 3);
    const many = estimatedSuccess(tally(300, 0), 2, 3);
    expect(few).toBeGreaterThan(priorMean(2, 3));
    expect(many).toBeGreaterThan(few);
    expect(many).toBeGreaterThan(0.95);
    // "Could not do it" says nothing about whether the fix works.
    expect(estimatedSuccess(tally(0, 0, 500), 1, 3)).toBeCloseTo(priorMean(1, 3));
  });

  it.each<[string, string, Record<string, FixTally>, string]>([
    ["no outcomes: the editor's order", 'a:s b:s c:s', {}, 'a b c'],
    ['a small sample does not reorder', 'a:s b:s', { a: tally(0, 29), b: tally(29, 0) }, 'a b'],
    [
      'one fix past the minimum sample is not compared with fixes below it',
      'a:s b:s',
      { a: tally(0, 20), b: tally(40, 0) },
      'a b',
    ],
    [
      'both past the minimum: the better one first',
      'a:s b:s',
      { a: tally(5, 30), b: tally(30, 5) },
      'b a',
    ],
    [
      'a destructive fix never moves ahead of a safe one',
      'a:s b:d',
      { a: tally(0, 500), b: tally(500, 0) },
      'a b',
    ],
    [
      'each risk level keeps its slots; only same-level fixes trade places',
      'a:s b:m c:s d:m e:d',
      { a: tally(1, 60), c: tally(60, 1), b: tally(1, 60), d: tally(60, 1), e: tally(100, 0) },
      'c d a b e',
    ],
    [
      'a fix below the minimum keeps its slot while others trade around it',
      'a:s b:s c:s',
      { a: tally(1, 60), b: tally(3, 3), c: tally(60, 1) },
      'c b a',
    ],
    [
      'a fix without a risk counts as moderate',
      'a:m b',
      { a: tally(0, 50), b: tally(50, 0) },
      'b a',
    ],
  ])('%s', (_name, spec, tallies, expected) => {
    const list = fixes(spec).map((f) => (f.id === 'b' && !spec.includes('b:') ? { id: 'b' } : f));
    const ordered = orderFixes(list, new Map(Object.entries(tallies)));
    expect(ordered.map((f) => f.id).join(' ')).toBe(expected);
  });

  it.each<[string, FixTally, ReturnType<typeof successShown>]>([
    ['below the minimum sample: nothing shown', tally(20, MIN_SAMPLE - 21), undefined],
    ['"could not do" does not count towards the sample', tally(10, 10, 100), undefined],
    ['at the minimum sample', tally(15, 15), { percent: 50, people: 30, low: 33, high: 67 }],
    ['62% of 1,240', tally(769, 471), { percent: 62, people: 1240, low: 59, high: 65 }],
    [
      'all fixed: the interval stays below 100',
      tally(30, 0),
      { percent: 100, people: 30, low: 89, high: 100 },
    ],
  ])('%s', (_name, t, expected) => {
    expect(successShown(t)).toEqual(expected);
  });

  it('says it in words with the interval', () => {
    const shown = successShown(tally(769, 471));
    expect(shown && describeSuccess(shown, 'Windows 11')).toBe(
      'worked for 62% of 1,240 people on Windows 11 (95% interval 59–65%)',
    );
  });
});
