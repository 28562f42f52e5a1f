import type { SearchMissKind } from '../demand-ports.js';
import { fold, wordsWithOffsets } from './analyze-text.js';

/**
 * What editors are shown of a search that answered badly. The query is normalised, so that
 * "Printer on FIRE!" and "printer on fire" are one row: folded words joined by single spaces,
 * punctuation and control characters gone, cut to whole words within MAX_MISS_QUERY_CHARS (a
 * pasted page is recorded by its start, and a long paste with a path or a name in it is cut).
 */
export const MAX_MISS_QUERY_CHARS = 200;

export function normalizeMissQuery(q: string): string {
  let normalized = '';
  for (const { word } of wordsWithOffsets(q)) {
    const next = normalized === '' ? fold(word) : `${normalized} ${fold(word)}`;
    if (next.length > MAX_MISS_QUERY_CHARS) break;
    normalized = next;
  }
  return normalized;
}

export interface SearchOutcome {
  /** Codes read exactly from the query. */
  exactCodes: number;
  didYouMean: number;
  /** Articles and codes by meaning found (all pages). */
  results: number;
  /** The largest share (0…1) of the query's words that one result matched. */
  bestCoverage: number;
}

/** Below this share of the query's words matched by the best result, the answer is weak. */
export const WEAK_COVERAGE = 0.5;

/**
 * `zero` when nothing at all was found; `weak` when no code was read exactly and no result
 * matched half of the words (did-you-mean codes alone are weak: the code was not read);
 * undefined when the answer is good.
 */
export function searchMissKind(outcome: SearchOutcome): SearchMissKind | undefined {
  if (outcome.exactCodes > 0) return undefined;
  if (outcome.results === 0 && outcome.didYouMean === 0) return 'zero';
  return outcome.bestCoverage < WEAK_COVERAGE ? 'weak' : undefined;
}
