import { stem } from './stem.js';

/**
 * Text → the terms the index holds and queries ask for. One function for both sides, so a
 * word is found exactly when the query's form of it equals the document's.
 *
 * - Folded: NFKD, combining marks dropped, lower case, ß/æ/œ spelt out ("Überprüfung" →
 *   "uberprufung", "Straße" → "strasse", "ошибка" stays Cyrillic, "ё" → "е").
 * - Split on anything that is not a letter or digit, so `WU_E_PT_SOAPCLIENT_INITIALIZE`
 *   yields "soapclient" and "initialize"; camel case is split too ("WinHttpSendRequest" →
 *   "winhttpsendrequest", "win", "http", "send", "request").
 * - English (ASCII) words are stemmed; other scripts are only folded.
 * - A few words that say nothing are dropped.
 */

const STOP_WORDS = new Set([
  'a',
  'an',
  'the',
  'of',
  'to',
  'in',
  'on',
  'for',
  'is',
  'it',
  'my',
  'and',
  'or',
  'with',
  'at',
  'be',
  'this',
  'that',
  'i',
  'me',
  'how',
  'what',
  'does',
  'do',
  'was',
  'are',
  'as',
  'by',
]);

/** Letters NFKD leaves whole that people type as two: "Straße" is searched as "strasse". */
const LIGATURES: Readonly<Record<string, string>> = { ß: 'ss', æ: 'ae', œ: 'oe' };

/** Plain ASCII: NFKD, marks and ligatures change nothing, lower case is all (most words). */
// eslint-disable-next-line no-control-regex -- the whole ASCII range, control characters too
const ASCII = /^[\u0000-\u007f]*$/;

export const fold = (text: string): string =>
  ASCII.test(text)
    ? text.toLowerCase()
    : text
        .normalize('NFKD')
        .replace(/\p{M}+/gu, '')
        .toLowerCase()
        .replace(/[ßæœ]/g, (letter) => LIGATURES[letter] ?? letter);

const WORD = /[\p{L}\p{N}]+/gu;
/** A name of words joined by underscores, as the code tables write them. */
export const SYMBOLIC_NAME = /[\p{L}\p{N}]+(?:_[\p{L}\p{N}]+)+/gu;
/** Lower-to-upper boundaries inside a word as written: "WinHttp" → "Win", "Http". */
const CAMEL_PART = /[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+/g;

/** Stems are asked for the same few thousand words again and again: remembered, bounded. */
const stems = new Map<string, string>();
const MAX_STEMS = 100_000;
export function termOf(foldedWord: string): string {
  let term = stems.get(foldedWord);
  if (term === undefined) {
    term = stem(foldedWord);
    if (stems.size >= MAX_STEMS) stems.clear();
    stems.set(foldedWord, term);
  }
  return term;
}

export const isStopWord = (foldedWord: string): boolean => STOP_WORDS.has(foldedWord);

/** The words of a text as written (for snippets) with their offsets. */
export function wordsWithOffsets(text: string): { word: string; index: number }[] {
  return [...text.matchAll(WORD)].map((m) => ({ word: m[0], index: m.index }));
}

/**
 * Every word of a text folded but not stemmed, camel-case parts too, with symbolic names
 * (`WU_E_PT_SOAPCLIENT_INITIALIZE`) also whole: what a half-typed word is a prefix of.
 */
export function foldedWords(text: string): string[] {
  const words: string[] = [];
  for (const [written] of text.matchAll(WORD)) {
    const folded = fold(written);
    words.push(folded);
    if (/[a-z][A-Z]/.test(written))
      for (const part of written.match(CAMEL_PART) ?? []) words.push(fold(part));
  }
  for (const [name] of text.matchAll(SYMBOLIC_NAME)) words.push(fold(name));
  return words;
}

/** Every term of a text, in order, repeats kept (term frequency counts). */
export function analyze(text: string): string[] {
  const terms: string[] = [];
  for (const match of text.matchAll(WORD)) {
    const written = match[0];
    const folded = fold(written);
    if (!isStopWord(folded)) terms.push(termOf(folded));
    // Camel case written inside one word: also its parts, so "http" finds "WinHttpOpen".
    if (/[a-z][A-Z]/.test(written)) {
      for (const part of written.match(CAMEL_PART) ?? []) {
        const foldedPart = fold(part);
        if (foldedPart !== folded && !isStopWord(foldedPart)) terms.push(termOf(foldedPart));
      }
    }
  }
  return terms;
}
