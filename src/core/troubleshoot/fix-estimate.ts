import type { Risk } from '../articles/schema.js';

/**
 * How well a fix works, estimated from outcomes. Each fix starts from a Beta prior seeded
 * from its editorial position (the editor put the likeliest first), so a handful of answers
 * moves it little; real outcomes take over as they accumulate.
 */

/** The outcome counts of one fix on one platform. */
export interface FixTally {
  fixed: number;
  stillFailing: number;
  couldNotDo: number;
}

export const emptyTally = (): FixTally => ({ fixed: 0, stillFailing: 0, couldNotDo: 0 });

/** People who did the fix and said whether it worked; "could not do it" says nothing of that. */
export const triedBy = (t: FixTally): number => t.fixed + t.stillFailing;

/** Below this many people, the editor's order stands and no percentage is shown. */
export const MIN_SAMPLE = 30;

/** The prior's weight in pseudo-answers: enough that a few early answers do not swing it. */
export const PRIOR_STRENGTH = 10;

/** The prior's mean for the fix at `position` (0-based) of `count`: 0.6 first, down to 0.2. */
export function priorMean(position: number, count: number): number {
  if (count <= 1) return 0.6;
  return 0.6 - (0.4 * position) / (count - 1);
}

/** The posterior mean of Beta(prior) updated with the fix's fixed / still-failing answers. */
export function estimatedSuccess(t: FixTally, position: number, count: number): number {
  const mean = priorMean(position, count);
  const alpha = mean * PRIOR_STRENGTH + t.fixed;
  const beta = (1 - mean) * PRIOR_STRENGTH + t.stillFailing;
  return alpha / (alpha + beta);
}

export const RISK_ORDER: readonly Risk[] = ['safe', 'moderate', 'destructive'];

export interface OrderableFix {
  id: string;
  risk?: Risk | undefined;
}

/**
 * The fixes in the order to try them. Only fixes of the same risk level trade places, and
 * each level keeps the slots the editor gave it, so a destructive fix never moves ahead of a
 * safe one. Within a level, only fixes that `MIN_SAMPLE` people have tried are reordered (by
 * estimated success, among the slots they hold); a fix with less evidence stays where the
 * editor put it. A fix without a risk counts as moderate (the schema's lint requires one).
 */
export function orderFixes<F extends OrderableFix>(
  fixes: readonly F[],
  tallies: ReadonlyMap<string, FixTally>,
): F[] {
  const result = [...fixes];
  const estimate = (index: number): number =>
    estimatedSuccess(tallies.get(fixes[index]!.id) ?? emptyTally(), index, fixes.length);
  for (const risk of RISK_ORDER) {
    const slots = fixes
      .map((fix, index) => ({ fix, index }))
      .filter(({ fix }) => (fix.risk ?? 'moderate') === risk)
      .filter(({ fix }) => triedBy(tallies.get(fix.id) ?? emptyTally()) >= MIN_SAMPLE);
    const ranked = [...slots].sort(
      (a, b) => estimate(b.index) - estimate(a.index) || a.index - b.index,
    );
    slots.forEach((slot, k) => {
      result[slot.index] = ranked[k]!.fix;
    });
  }
  return result;
}

export interface SuccessShown {
  /** Whole percent of the people who tried it for whom it worked. */
  percent: number;
  people: number;
  /** A 95% Wilson score interval, in whole percent. */
  low: number;
  high: number;
}

/** "Worked for 62% of 1,240 people", only past `MIN_SAMPLE`; undefined below it. */
export function successShown(t: FixTally): SuccessShown | undefined {
  const n = triedBy(t);
  if (n < MIN_SAMPLE) return undefined;
  const p = t.fixed / n;
  const z = 1.96;
  const denominator = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / denominator;
  return {
    percent: Math.round(p * 100),
    people: n,
    low: Math.round(Math.max(0, centre - half) * 100),
    high: Math.round(Math.min(1, centre + half) * 100),
  };
}

/** The sentence pages and the CLI show. */
export function describeSuccess(shown: SuccessShown, platformName: string): string {
  return `worked for ${shown.percent}% of ${shown.people.toLocaleString('en-US')} people on ${platformName} (95% interval ${shown.low}–${shown.high}%)`;
}
