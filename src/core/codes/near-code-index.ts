import { editDistance, run, type DigitRun } from './edit-distance.js';

/**
 * Known codes within two edits of a digit string, without scanning every code: a SymSpell
 * deletion index. Two strings within edit distance 2 both reach a common string by deleting at
 * most two characters each, so each code is indexed under every such deletion of its eight
 * hex digits, and a query looks up its own deletions; candidates are then checked with the
 * real distance. Keys are numbers (the digits read as hex, and the length, since leading zeros
 * count) and codes are ids into flat arrays: about 0.4 M entries for 11 k codes.
 */

export type NearIndex = {
  /** Known values within two edits of `digits` (digit values 0–15), with their distance. */
  within2(digits: Uint8Array): Map<number, number>;
};

const CODE_DIGITS = 8;
const MAX_EDITS = 2;

/** The key of `digits` without the positions `skipA` and `skipB` (-1: none). */
function keyWithout(digits: DigitRun, skipA: number, skipB: number): number {
  let key = 0;
  let length = 0;
  for (let i = 0; i < digits.length; i++) {
    if (i === skipA || i === skipB) continue;
    key = key * 16 + (digits.digits[digits.start + i] ?? 0);
    length++;
  }
  return key * 16 + length;
}

/** Every key of `digits` with up to two positions deleted, never shorter than 6 digits. */
function deletionKeys(digits: DigitRun, visit: (key: number) => void): void {
  const n = digits.length;
  const keep = (deleted: number): boolean => n - deleted >= CODE_DIGITS - MAX_EDITS;
  if (n <= CODE_DIGITS) visit(keyWithout(digits, -1, -1));
  if (!keep(1)) return;
  for (let a = 0; a < n; a++) {
    if (n - 1 <= CODE_DIGITS) visit(keyWithout(digits, a, -1));
    if (!keep(2)) continue;
    for (let b = a + 1; b < n; b++) visit(keyWithout(digits, a, b));
  }
}

export function buildNearIndex(values: readonly number[]): NearIndex {
  const digits = new Uint8Array(values.length * CODE_DIGITS);
  values.forEach((value, id) => {
    for (let i = 0; i < CODE_DIGITS; i++) {
      digits[id * CODE_DIGITS + i] = Math.floor(value / 16 ** (CODE_DIGITS - 1 - i)) % 16;
    }
  });
  const index = new Map<number, number[]>();
  values.forEach((_value, id) => {
    deletionKeys(run(digits, id * CODE_DIGITS, CODE_DIGITS), (key) => {
      const holders = index.get(key);
      if (holders === undefined) index.set(key, [id]);
      // Deleting either of two equal neighbours gives the same key; keep the id once.
      else if (holders[holders.length - 1] !== id) holders.push(id);
    });
  });

  // A stamp per code marks it checked in this query, without a Set per call.
  const checked = new Uint32Array(values.length);
  let stamp = 0;
  return {
    within2(query) {
      stamp = stamp === 0xffffffff ? 1 : stamp + 1;
      if (stamp === 1) checked.fill(0);
      const near = new Map<number, number>();
      const asked = run(query);
      deletionKeys(asked, (key) => {
        for (const id of index.get(key) ?? []) {
          if (checked[id] === stamp) continue;
          checked[id] = stamp;
          const distance = editDistance(
            asked,
            run(digits, id * CODE_DIGITS, CODE_DIGITS),
            MAX_EDITS,
          );
          const value = values[id];
          if (distance <= MAX_EDITS && value !== undefined) near.set(value, distance);
        }
      });
      return near;
    },
  };
}
