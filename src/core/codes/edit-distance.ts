/**
 * Optimal-string-alignment distance (Damerau–Levenshtein where each substring is edited once):
 * insertions, deletions, substitutions and swaps of two neighbours each cost 1. Inputs are
 * short runs of hex digit values (a code has 8), compared in place in a shared array so the
 * did-you-mean loop allocates nothing; rows live in reused buffers.
 */

const MAX_LENGTH = 16;
const rows = [0, 1, 2].map(() => new Int32Array(MAX_LENGTH + 1));

/** A run of digits: `length` values of `digits` from `start`. */
export type DigitRun = { digits: ArrayLike<number>; start: number; length: number };

/**
 * The distance between `a` and `b`, or `max + 1` as soon as it must exceed `max` (a row's
 * smallest entry never decreases further down).
 */
export function editDistance(a: DigitRun, b: DigitRun, max = MAX_LENGTH): number {
  if (a.length > MAX_LENGTH || b.length > MAX_LENGTH) {
    throw new RangeError(`editDistance: at most ${MAX_LENGTH} digits`);
  }
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const at = (run: DigitRun, i: number): number => run.digits[run.start + i] ?? -1;
  let [before, previous, current] = rows as [Int32Array, Int32Array, Int32Array];
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    const ai = at(a, i - 1);
    for (let j = 1; j <= b.length; j++) {
      const bj = at(b, j - 1);
      let best = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (ai === bj ? 0 : 1),
      );
      if (i > 1 && j > 1 && ai === at(b, j - 2) && at(a, i - 2) === bj) {
        best = Math.min(best, (before[j - 2] ?? 0) + 1);
      }
      current[j] = best;
      if (best < rowMin) rowMin = best;
    }
    if (rowMin > max) return max + 1;
    [before, previous, current] = [previous, current, before];
  }
  return Math.min(previous[b.length] ?? 0, max + 1);
}

/** Hex text → digit values (0–15); undefined when a character is not a hex digit. */
export function hexDigits(text: string): Uint8Array | undefined {
  const digits = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const value = parseInt(text.charAt(i), 16);
    if (Number.isNaN(value)) return undefined;
    digits[i] = value;
  }
  return digits;
}

export const run = (digits: ArrayLike<number>, start = 0, length = digits.length): DigitRun => ({
  digits,
  start,
  length,
});
