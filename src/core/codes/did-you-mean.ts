import type { Catalog } from './catalog.js';
import type { CodeName } from './code-name.js';
import { formatCode } from './code-value.js';
import { replaceLookAlikes } from './look-alikes.js';
import { hexDigits } from './edit-distance.js';
import { buildNearIndex, type NearIndex } from './near-code-index.js';
import { buildKnownBits, type KnownBits } from './known-bits.js';

/**
 * Did you mean: the known codes nearest a mistyped one — a letter for a look-alike digit
 * (`80244O01`), a dropped, doubled or swapped digit, a missing leading `8` (`0244001`), 7 or 9
 * digits. Distance is the edit distance (optimal string alignment) between the digits typed and
 * a code's eight hex digits; a look-alike letter read as its digit costs nothing. Nearest first,
 * then by value, so the answer is deterministic; callers may re-rank equal distances (by how
 * often codes are looked up), which is why the distance is returned.
 */

export type NearCode = {
  code: string;
  value: number;
  distance: number;
  names: readonly CodeName[];
};

/** Typos of an 8-digit code: 6 to 10 characters (two edits either way). */
const MIN_DIGITS = 6;
const MAX_DIGITS = 10;
const CODE_DIGITS = 8;

// Built once per catalog, on first use; the deletion index only on the first far-off query.
const knownBits = new WeakMap<Catalog, KnownBits>();
const knownOf = (catalog: Catalog): KnownBits => {
  let known = knownBits.get(catalog);
  if (known === undefined) {
    known = buildKnownBits(catalog.values());
    knownBits.set(catalog, known);
  }
  return known;
};
const indexes = new WeakMap<Catalog, NearIndex>();
const indexOf = (catalog: Catalog): NearIndex => {
  let index = indexes.get(catalog);
  if (index === undefined) {
    index = buildNearIndex(catalog.values());
    indexes.set(catalog, index);
  }
  return index;
};

export function suggestNearCodes(input: string, catalog: Catalog, limit = 8): NearCode[] {
  const best = new Map<number, number>();
  for (const { digits, typed } of codeLikeWords(input)) {
    for (const [value, distance] of nearValues(digits, catalog)) {
      // What was typed, written plainly, is not a suggestion for itself.
      if (distance === 0 && typed === digits) continue;
      const seen = best.get(value);
      if (seen === undefined || distance < seen) best.set(value, distance);
    }
  }
  return [...best]
    .sort(([a, da], [b, db]) => da - db || a - b)
    .slice(0, limit)
    .map(([value, distance]) => ({
      code: formatCode(value),
      value,
      distance,
      names: catalog.namesOf(value),
    }));
}

/**
 * The words that look like a code: hex digits (after `0x`, and with look-alike letters read as
 * digits) with at least one real digit, 6–10 long. A word after `-` is a signed decimal.
 */
function codeLikeWords(input: string): { digits: string; typed: string }[] {
  const words: { digits: string; typed: string }[] = [];
  for (const match of input.toUpperCase().matchAll(/-?[0-9A-Z]+/g)) {
    const word = match[0];
    if (word.startsWith('-') || !/\d/.test(word)) continue;
    const typed = word.startsWith('0X') ? word.slice(2) : word;
    if (typed.length < MIN_DIGITS || typed.length > MAX_DIGITS) continue;
    const digits = replaceLookAlikes(typed);
    if (/^[0-9A-F]+$/.test(digits)) words.push({ digits, typed });
  }
  return words;
}

/**
 * Distance 0 and 1 by generating every one-edit string of eight digits (a few hundred set
 * look-ups); distance 2, from the deletion index, only when nothing is that near. Codes two
 * edits away are rarely what was meant when one edit away already finds a real code, and in
 * the dense Windows Update ranges a two-edit search visits hundreds of codes (measured: it
 * made an average suggestion cost 5–10 times more).
 */
/** 16 ** n for the digit positions of a code: a table, since `**` was this loop's main cost. */
const POWERS_OF_16 = Array.from({ length: CODE_DIGITS + 1 }, (_, n) => 16 ** n);

function nearValues(digits: string, catalog: Catalog): Map<number, number> {
  const near = new Map<number, number>();
  const known = knownOf(catalog);
  const consider = (value: number, distance: number): void => {
    if (known.has(value) && !near.has(value)) near.set(value, distance);
  };
  // One edit, done on numbers rather than strings: this loop is the whole cost of most queries.
  if (digits.length === CODE_DIGITS) {
    const value = parseInt(digits, 16) >>> 0;
    consider(value, 0);
    for (let nibble = 0; nibble < CODE_DIGITS; nibble++) {
      const shift = nibble * 4;
      const own = (value >>> shift) & 15;
      const cleared = value & ~(15 << shift);
      for (let digit = 0; digit < 16; digit++) {
        if (digit !== own) consider((cleared | (digit << shift)) >>> 0, 1);
      }
      const left = (value >>> (shift + 4)) & 15;
      if (nibble < CODE_DIGITS - 1 && left !== own) {
        consider(((value & ~(255 << shift)) | (own << (shift + 4)) | (left << shift)) >>> 0, 1);
      }
    }
  } else if (digits.length === CODE_DIGITS - 1) {
    const value = parseInt(digits, 16);
    for (let right = 0; right < CODE_DIGITS; right++) {
      const scale = POWERS_OF_16[right] ?? 0;
      const low = value % scale;
      const high = Math.floor(value / scale);
      for (let digit = 0; digit < 16; digit++) {
        consider(high * scale * 16 + digit * scale + low, 1);
      }
    }
  } else if (digits.length === CODE_DIGITS + 1) {
    for (let at = 0; at < digits.length; at++) {
      consider(parseInt(digits.slice(0, at) + digits.slice(at + 1), 16) >>> 0, 1);
    }
  }
  const asDigits = hexDigits(digits);
  if (near.size === 0 && asDigits !== undefined) {
    for (const [value, distance] of indexOf(catalog).within2(asDigits)) {
      if (!near.has(value)) near.set(value, distance);
    }
  }
  return near;
}

/** Exported for tests and benchmarks that must not pay the index build inside a timing. */
export const warmNearCodes = (catalog: Catalog): void => {
  knownOf(catalog);
  indexOf(catalog);
};
