import type { Catalog } from './catalog.js';
import { formatCode } from './code-value.js';
import { replaceLookAlikes } from './look-alikes.js';
import { MAX_HEX_DIGITS } from './notation-patterns.js';

/**
 * Canonical codes a person probably meant when their input does not parse. Two mistakes are
 * common enough to fix: a letter typed for a look-alike digit (`80244O01`), and a digit too
 * many. Known codes come first; at most MAX_SUGGESTIONS.
 */

const MAX_SUGGESTIONS = 10;

const LOOK_ALIKE_HEX = /^[0-9A-FOQILSZG]+$/;
const ALL_HEX = /^[0-9A-F]+$/;

export function suggestCodes(input: string, catalog: Catalog): string[] {
  const values: number[] = [];
  for (const word of input.toUpperCase().split(/[^0-9A-Z_]+/)) {
    const prefixed = word.startsWith('0X');
    const body = prefixed ? word.slice(2) : word;
    if (body === '') continue;
    if (LOOK_ALIKE_HEX.test(body) && !ALL_HEX.test(body)) {
      // A bare word must look like a full code with digits in it; "LOG" or "DISABLED" are words.
      const codeLike = prefixed
        ? body.length <= MAX_HEX_DIGITS
        : body.length === MAX_HEX_DIGITS && /\d/.test(body);
      if (codeLike) {
        values.push(parseInt(replaceLookAlikes(body), 16));
      }
    } else if (
      ALL_HEX.test(body) &&
      body.length > MAX_HEX_DIGITS &&
      (prefixed || /\d/.test(body))
    ) {
      values.push(...shortenings(body).filter((value) => catalog.isKnown(value)));
    }
  }
  const unique = [...new Set(values)];
  const known = unique.filter((value) => catalog.isKnown(value));
  const unknown = unique.filter((value) => !catalog.isKnown(value));
  return [...known, ...unknown].slice(0, MAX_SUGGESTIONS).map(formatCode);
}

/** Eight-digit codes inside a longer run: zeros padded in front, one extra digit, a window. */
function shortenings(body: string): number[] {
  const candidates = new Set<string>();
  const unpadded = body.replace(/^0+/, '');
  if (unpadded.length <= MAX_HEX_DIGITS) candidates.add(unpadded || '0');
  if (body.length === MAX_HEX_DIGITS + 1) {
    for (let i = 0; i < body.length; i++) candidates.add(body.slice(0, i) + body.slice(i + 1));
  }
  candidates.add(body.slice(0, MAX_HEX_DIGITS));
  candidates.add(body.slice(-MAX_HEX_DIGITS));
  return [...candidates].map((digits) => parseInt(digits, 16));
}
