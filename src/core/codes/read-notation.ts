import type { Catalog } from './catalog.js';
import { formatCode } from './code-value.js';
import { ACCEPTED_FORMS } from './notation-patterns.js';
import { suggestCodes } from './notation-suggestions.js';
import { readToken } from './read-token.js';
import type { Candidate, NotationError, Reading, TokenReading } from './reading.js';
import { fail, ok, type Result } from '../result.js';
import { scanText } from './scan-text.js';

/**
 * Any notation of a code → its readings, most likely first (DESIGN.md "Canonical forms",
 * "Code intelligence"). Input that is one token is read by the notation rules; anything else
 * is searched for codes as text. Input with no reading is an error with suggestions.
 */

/** Input beyond this is a log, not a notation; the log parsers read those. */
const MAX_INPUT_LENGTH = 4096;
const MAX_AMBIGUOUS_SUGGESTIONS = 10;

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

  const whole: TokenReading = /\s/.test(text) ? { kind: 'none' } : readToken(text, catalog);
  if (whole.kind === 'read') return ok(rank(whole.candidates, catalog));
  if (whole.kind === 'invalid') {
    return fail(withSuggestions(`${whole.message} ${ACCEPTED_FORMS}`, suggestCodes(text, catalog)));
  }
  if (whole.kind === 'ambiguous') return fail(ambiguousTail(whole.tail, whole.names, catalog));

  const inText = scanText(text, catalog);
  if (inText.length > 0) return ok(rank(inText, catalog));
  return fail(
    withSuggestions(
      `"${text}" is not a code notation, and no code was found in it. ${ACCEPTED_FORMS}`,
      suggestCodes(text, catalog),
    ),
  );
}

/** Candidates arrive in rule order; one value is one reading, at its best place. */
function rank(candidates: readonly Candidate[], catalog: Catalog): Reading[] {
  const seen = new Set<number>();
  const readings: Reading[] = [];
  for (const { value, notation, reason } of candidates) {
    if (seen.has(value)) continue;
    seen.add(value);
    const names = catalog.namesOf(value);
    readings.push({
      code: formatCode(value),
      value,
      notation,
      known: names.length > 0,
      names,
      rank: readings.length + 1,
      reason,
    });
  }
  return readings;
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
