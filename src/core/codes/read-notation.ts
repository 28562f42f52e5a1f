import type { Catalog } from './catalog.js';
import { formatCode } from './code-value.js';
import { suggestNearCodes } from './did-you-mean.js';
import { ACCEPTED_FORMS } from './notation-patterns.js';
import { suggestCodes } from './notation-suggestions.js';
import { readToken } from './read-token.js';
import {
  NO_READING,
  type Candidate,
  type NotationError,
  type Reading,
  type TokenReading,
} from './reading.js';
import { fail, ok, type Result } from '../result.js';
import { scanText } from './scan-text.js';
import { readSetupExtend } from './setup-extend.js';
import { valueFacts } from './value-facts.js';

/**
 * Any notation of a code → its readings, most likely first (DESIGN.md "Canonical forms",
 * "Code intelligence"). Input that is one token is read by the notation rules; anything else
 * is searched for codes as text. Input with no reading is an error with suggestions.
 */

/** Input beyond this is a log, not a notation; the log parsers read those. */
const MAX_INPUT_LENGTH = 4096;
const MAX_AMBIGUOUS_SUGGESTIONS = 10;
const MAX_SUGGESTIONS = 10;
/** Did-you-mean on an unknown reading: a few, nearest first. */
const MAX_READING_SUGGESTIONS = 5;

export function readNotation(input: string, catalog: Catalog): Result<Reading[], NotationError> {
  const text = input.trim();
  if (text === '')
    return fail({ message: `The input is empty. ${ACCEPTED_FORMS}`, suggestions: [] });
  if (text.length > MAX_INPUT_LENGTH) {
    return fail({
      message: `The input is ${text.length} characters; a notation or a sentence around it is at most ${MAX_INPUT_LENGTH}. Paste long logs into the log analysis instead.`,
      suggestions: [],
    });
  }

  const whole: TokenReading = hasSpace(text) ? NO_READING : readToken(text, catalog);
  if (whole.kind === 'read') return ok(rank(whole.candidates, catalog, text));
  if (whole.kind === 'invalid') {
    return fail(withSuggestions(`${whole.message} ${ACCEPTED_FORMS}`, suggestAll(text, catalog)));
  }
  if (whole.kind === 'ambiguous') return fail(ambiguousTail(whole.tail, whole.names, catalog));

  const inText = scanText(text, catalog);
  if (inText.length > 0) return ok(rank(inText, catalog, text));
  return fail(
    withSuggestions(
      `"${text}" is not a code notation, and no code was found in it. ${ACCEPTED_FORMS}`,
      suggestAll(text, catalog),
    ),
  );
}

/** `/\s/.test(text)`, by a loop over char codes for ASCII text (a regex call costs more). */
function hasSpace(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Tab, line feed, vertical tab, form feed, carriage return, space.
    if (c === 32 || (c >= 9 && c <= 13)) return true;
    // Past ASCII the regex knows Unicode's spaces (U+00A0, U+2028, U+FEFF, …).
    if (c >= 128) return /\s/.test(text);
  }
  return false;
}

/** The sure fixes (look-alike letters, an extra digit) first, then the nearest known codes. */
function suggestAll(text: string, catalog: Catalog): string[] {
  const sure = suggestCodes(text, catalog);
  const near = suggestNearCodes(text, catalog, MAX_SUGGESTIONS).map((n) => n.code);
  return [...new Set([...sure, ...near])].slice(0, MAX_SUGGESTIONS);
}

/**
 * Candidates arrive in rule order; one value is one reading, at its best place. A value no
 * table names is still known when the code wrapped inside it is (HRESULT_FROM_NT, …).
 */
function rank(candidates: readonly Candidate[], catalog: Catalog, input: string): Reading[] {
  // Most inputs have one candidate: no list of values seen is needed for it.
  const only = candidates.length === 1 ? candidates[0] : undefined;
  if (only !== undefined) return [readingOf(only, 1, catalog, input)];
  // A plain array: there are only ever a few candidates, and a Set costs more to make.
  const seen: number[] = [];
  const readings: Reading[] = [];
  for (const candidate of candidates) {
    if (seen.includes(candidate.value)) continue;
    seen.push(candidate.value);
    readings.push(readingOf(candidate, readings.length + 1, catalog, input));
  }
  return readings;
}

/** A fresh object for every call: callers may add to the readings they are handed. */
function readingOf(candidate: Candidate, rank: number, catalog: Catalog, input: string): Reading {
  const { value, notation } = candidate;
  const facts = valueFacts(value, catalog);
  const knownVia = facts.knownVia;
  const reading: Reading = {
    code: facts.code,
    value,
    notation,
    known: facts.known,
    names: facts.names,
    rank,
    reason:
      knownVia === undefined
        ? candidate.reason
        : `${candidate.reason} No table names it, but it is ${knownVia}.`,
  };
  if (facts.label !== undefined) reading.label = facts.label;
  if (knownVia !== undefined) reading.knownVia = knownVia;
  if (candidate.extend !== undefined) {
    reading.extend = readSetupExtend(candidate.extend, catalog);
  }
  if (!reading.known && (notation === 'hex' || notation === 'bare-hex')) {
    const near = suggestNearCodes(candidate.written ?? input, catalog, MAX_READING_SUGGESTIONS);
    if (near.length > 0) reading.suggestions = near.map((n) => n.code);
  }
  return reading;
}

function withSuggestions(message: string, suggestions: string[]): NotationError {
  const hint = suggestions.length > 0 ? ` Did you mean ${suggestions.slice(0, 3).join(', ')}?` : '';
  return { message: message + hint, suggestions };
}

function ambiguousTail(tail: string, names: readonly string[], catalog: Catalog): NotationError {
  const examples = names.slice(0, 3).join(', ');
  const suggestions = [
    ...new Set(
      names
        .slice(0, MAX_AMBIGUOUS_SUGGESTIONS)
        .flatMap((name) => catalog.valueOfName(name).map(({ value }) => formatCode(value))),
    ),
  ];
  return {
    message: `"${tail}" ends ${names.length} names (${examples}${names.length > 3 ? ', …' : ''}); write more of the name, or the whole name. ${ACCEPTED_FORMS}`,
    suggestions,
  };
}
