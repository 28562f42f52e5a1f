import type { Catalog } from '../codes/catalog.js';
import { formatCode, hresultFromWin32 } from '../codes/code-value.js';
import { readNotation } from '../codes/read-notation.js';
import type { Reading } from '../codes/reading.js';
import { nearNames } from './near-names.js';

/**
 * The codes in a query. Exact readings are what `readNotation` reads today (the whole query
 * as one notation, or codes in it as text): unchanged by anything here. Fuzzy readings are
 * what a person probably meant where nothing exact was read — the "codes in real
 * writing" — each with its reason; they are shown as "did you mean", always after exact ones.
 */

export interface FuzzyCode {
  code: string;
  value: number;
  names: readonly string[];
  reason: string;
  /** 0 = a rewrite we are sure of (a dropped prefix, a trailing L); more = further off. */
  distance: number;
}

export interface QueryCodes {
  exact: Reading[];
  fuzzy: FuzzyCode[];
}

const MAX_FUZZY = 5;

/** Rewrites of real-world writing into a notation the reader knows, with why. */
const REWRITES: ReadonlyArray<{
  pattern: RegExp;
  to: (m: RegExpExecArray) => string;
  reason: string;
}> = [
  {
    // "1900101-40017": a setup result without its 0xC, with its extend code.
    pattern: /\b(?:0x)?(1900\d{3})\s*-\s*(?:0x)?([0-9a-f]{5})\b/i,
    to: (m) => `0xC${m[1] ?? ''} - 0x${m[2] ?? ''}`,
    reason: 'A setup result written without its 0xC prefix, with its extend code.',
  },
  {
    pattern: /\b(?:0x)?(c?1900\d{3})\b/i,
    to: (m) => `0x${(m[1] ?? '').toUpperCase().startsWith('C') ? '' : 'C'}${m[1] ?? ''}`,
    reason: 'A setup result written without its 0xC prefix.',
  },
  {
    // "0x80244001L", "80244001h": C's long suffix, assembler's hex suffix.
    pattern: /\b((?:0x)?[0-9a-f]{8})[lh]\b/i,
    to: (m) => ((m[1] ?? '').toLowerCase().startsWith('0x') ? (m[1] ?? '') : `0x${m[1] ?? ''}`),
    reason: 'A code written with a trailing L or h.',
  },
  {
    // "0x8024 4001", "8024 4001": a code split by a space.
    pattern: /\b(?:0x)?([0-9a-f]{4})[\s-]([0-9a-f]{4})\b/i,
    to: (m) => `0x${m[1] ?? ''}${m[2] ?? ''}`,
    reason: 'A code split by a space.',
  },
];

/** "WinHttpReceiveResponse failed: 12002": the WinHTTP/WinINet range, 12000–12199. */
const INTERNET_DECIMAL = /\b(12[01]\d{2})\b/g;

export function readQueryCodes(text: string, catalog: Catalog): QueryCodes {
  const read = readNotation(text, catalog);
  const exact = read.ok ? read.value : [];
  const seen = new Set(exact.map((r) => r.value));
  const fuzzy: FuzzyCode[] = [];
  const add = (value: number, reason: string, distance: number): void => {
    if (seen.has(value) || !catalog.isKnown(value)) return;
    seen.add(value);
    fuzzy.push({
      code: formatCode(value),
      value,
      names: catalog.namesOf(value).map((n) => n.name),
      reason,
      distance,
    });
  };

  for (const rewrite of REWRITES) {
    const match = rewrite.pattern.exec(text);
    if (!match) continue;
    const again = readNotation(rewrite.to(match), catalog);
    if (again.ok) for (const reading of again.value) add(reading.value, rewrite.reason, 0);
  }
  for (const match of text.matchAll(INTERNET_DECIMAL)) {
    add(
      hresultFromWin32(Number(match[1])),
      `${match[1] ?? ''} is in the WinHTTP and WinINet range (12000–12199): the Win32 code wrapped as an HRESULT.`,
      0,
    );
  }
  for (const near of nearNames(text, catalog)) add(near.value, near.reason, near.distance);
  // Mistyped digits: what the reader suggests for input it could not read, nearest first.
  if (exact.every((r) => !r.known)) {
    const suggestions = read.ok
      ? exact.flatMap((r) => r.suggestions ?? [])
      : read.reason.suggestions;
    for (const code of suggestions.slice(0, MAX_FUZZY)) {
      add(
        Number.parseInt(code.slice(2), 16) >>> 0,
        'A known code a digit or a look-alike letter away from what was typed.',
        1,
      );
    }
  }
  return { exact, fuzzy: fuzzy.slice(0, MAX_FUZZY) };
}
