/**
 * Words of text and what they are made of, found by loops over char codes: on a look-up's
 * path a regex call, a cut-out word or an object per word each cost more than the reading
 * itself (profiled: bench/codes.mjs's mix).
 */

/** A word's make-up, as bits: what the notation patterns would ask of it. */
export const WordShape = {
  /** Every character a digit 0-9 (a plain decimal; never a `-N` word). */
  digits: 1,
  /** Every character a hex digit 0-9, A-F, a-f. */
  hex: 2,
  /** At least one digit. */
  someDigit: 4,
  /** At least one `_`. */
  underscore: 8,
  /** `-` then digits: TEXT_TOKEN's signed number. */
  negative: 16,
} as const;

const DIGITS = WordShape.digits;
const HEX = WordShape.hex;
const SOME_DIGIT = WordShape.someDigit;
const UNDERSCORE = WordShape.underscore;
const NEGATIVE = WordShape.negative;

const isWordChar = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** The value of a hex digit's char code, or -1. */
export function hexDigitValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  const lower = c | 32;
  return lower >= 97 && lower <= 102 ? lower - 87 : -1;
}

/**
 * Per ASCII character, by table look-ups: whether a word has it (`WORD`), which all-of bits a
 * word keeps when it has it (`KEEP`) and which some-of bits it gains (`ADD`). A look-up per
 * character, not a chain of comparisons: the loop runs over every character of the text.
 */
const WORD = new Uint8Array(128);
const KEEP = new Uint8Array(128).fill(0xff & ~(DIGITS | HEX));
const ADD = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  WORD[c] = isWordChar(c) ? 1 : 0;
  if (isDigit(c)) {
    KEEP[c] = 0xff;
    ADD[c] = SOME_DIGIT;
  } else if (c === 95) {
    KEEP[c] = 0xff & ~(DIGITS | HEX);
    ADD[c] = UNDERSCORE;
  } else if (hexDigitValue(c) >= 0) {
    KEEP[c] = 0xff & ~DIGITS;
  }
}

/** The shape bits of one character of a word, given the bits so far (all-of bits fall away). */
function shapeWith(shape: number, c: number): number {
  if (c >= 128) return shape & ~(DIGITS | HEX);
  return (shape & (KEEP[c] ?? 0)) | (ADD[c] ?? 0);
}

/**
 * The shape of `text[start, end)`, every character taken as it is (a `-` or a space is neither
 * digit nor hex). Empty: no bits, as no pattern of one or more characters matches it.
 */
export function shapeOf(text: string, start = 0, end = text.length): number {
  if (end <= start) return 0;
  let shape = DIGITS | HEX;
  for (let i = start; i < end; i++) shape = shapeWith(shape, text.charCodeAt(i));
  return shape;
}

/**
 * Only the `digits` and `hex` bits of `shapeOf`, and it stops as soon as both have fallen
 * away: a name's second letter usually settles it.
 */
export function numberShapeOf(text: string, start = 0): number {
  if (text.length <= start) return 0;
  let shape = DIGITS | HEX;
  for (let i = start; i < text.length && shape !== 0; i++) {
    const c = text.charCodeAt(i);
    shape &= c < 128 ? (KEEP[c] ?? 0) : 0;
  }
  return shape;
}

/** `text[start, end)` read as hex digits (the caller knows they are; at most 13 of them). */
export function hexValue(text: string, start = 0, end = text.length): number {
  let value = 0;
  for (let i = start; i < end; i++) value = value * 16 + hexDigitValue(text.charCodeAt(i));
  return value;
}

/**
 * Calls `visit` with each word of TEXT_TOKEN (notation-patterns.ts), in text order: its start,
 * its end and its shape. With `codeLikeOnly`, only the words with a digit or `_` (those that
 * may be a code); the others are skipped without being cut out of the text.
 */
export function forEachWord(
  text: string,
  codeLikeOnly: boolean,
  visit: (start: number, end: number, shape: number) => void,
): void {
  const length = text.length;
  let i = 0;
  while (i < length) {
    const c = text.charCodeAt(i);
    const negative =
      c === 45 &&
      isDigit(text.charCodeAt(i + 1)) &&
      !(i > 0 && (isWordChar(text.charCodeAt(i - 1)) || text.charCodeAt(i - 1) === 45));
    if (!negative && (c >= 128 || WORD[c] === 0)) {
      i++;
      continue;
    }
    const start = i;
    let shape: number;
    if (negative) {
      i++;
      while (i < length && isDigit(text.charCodeAt(i))) i++;
      shape = NEGATIVE | SOME_DIGIT;
    } else {
      shape = DIGITS | HEX;
      for (; i < length; i++) {
        const d = text.charCodeAt(i);
        if (d >= 128 || WORD[d] === 0) break;
        shape = (shape & (KEEP[d] ?? 0)) | (ADD[d] ?? 0);
      }
    }
    if (!codeLikeOnly || (shape & (SOME_DIGIT | UNDERSCORE)) !== 0) visit(start, i, shape);
  }
}

/** The words of TEXT_TOKEN with where they start (see `forEachWord`). */
export function textTokens(text: string, codeLikeOnly = false): { word: string; index: number }[] {
  const tokens: { word: string; index: number }[] = [];
  forEachWord(text, codeLikeOnly, (start, end) => {
    tokens.push({ word: text.slice(start, end), index: start });
  });
  return tokens;
}
