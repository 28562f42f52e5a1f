import { analyze, fold } from './analyze-text.js';

/**
 * What the search box holds while a person types, read for search-as-you-type: the words
 * before the last as terms (analysed as the index analyses), the last one as the start of a
 * word, folded but not stemmed ("servici" is the start of "servicing", not of its stem
 * "servic"). A symbolic name stays whole ("WU_E_PT_S"); a box ending in a space or a mark has
 * no prefix, all its words are complete.
 */
export interface PrefixQuery {
  /** Terms every match must hold (the complete words). */
  terms: readonly string[];
  /** The start of a word a match must hold; '' when the last word is complete. */
  prefix: string;
}

/** The last run of letters, digits and underscores, starting with a letter or digit. */
const LAST_WORD = /[\p{L}\p{N}][\p{L}\p{N}_]*$/u;

export function readPrefixQuery(text: string): PrefixQuery {
  const last = LAST_WORD.exec(text);
  const start = last === null ? text.length : last.index;
  return {
    terms: [...new Set(analyze(text.slice(0, start)))],
    prefix: last === null ? '' : fold(last[0]),
  };
}
