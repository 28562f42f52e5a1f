import { fold, isStopWord, termOf, wordsWithOffsets } from './analyze-text.js';
import { synonymsOf } from './synonyms.js';
import { allowedEdits } from './typo-distance.js';
import { completionsOf, nearTerms, type Vocabulary } from './vocabulary-lookup.js';

/**
 * The words of a query as groups of alternatives. Each group is one word typed; a document
 * scores for a group by its best alternative (the word itself, a synonym, the word joined with
 * its neighbour, a typo's correction, a completion of the last word). Groups are OR-ed and
 * scored by how many match, so one unknown word ("wont") never empties the answer.
 */

export type AlternativeKind = 'word' | 'joined' | 'synonym' | 'typo' | 'prefix';

export interface Alternative {
  /** All of these terms must be in the document (one term, or a synonym phrase). */
  terms: readonly string[];
  weight: number;
  kind: AlternativeKind;
}

export interface QueryGroup {
  /** The word as typed, folded. */
  word: string;
  alternatives: Alternative[];
}

export interface WordQuery {
  groups: QueryGroup[];
}

/** How much an alternative counts against the word itself. */
export const ALTERNATIVE_WEIGHT: Readonly<Record<AlternativeKind, number>> = {
  word: 1,
  joined: 1,
  synonym: 0.6,
  typo: 0.5,
  prefix: 0.7,
};

/** Above this, a query is cut: a pasted page is still a query, but only its start counts. */
export const MAX_QUERY_WORDS = 32;
/** Completions of the last word, most frequent first. */
const MAX_PREFIX_COMPLETIONS = 12;
const MAX_TYPO_CORRECTIONS = 6;
const MIN_PREFIX_LENGTH = 2;

const alt = (terms: readonly string[], kind: AlternativeKind): Alternative => ({
  terms,
  weight: ALTERNATIVE_WEIGHT[kind],
  kind,
});

function addAlternative(group: QueryGroup, alternative: Alternative): void {
  const key = alternative.terms.join(' ');
  const known = group.alternatives.find((a) => a.terms.join(' ') === key);
  if (known === undefined) group.alternatives.push(alternative);
  else if (known.weight < alternative.weight) Object.assign(known, alternative);
}

/** Words, synonyms and joined neighbours: everything that needs no vocabulary. */
export function parseWords(text: string): WordQuery {
  const words = wordsWithOffsets(text)
    .map(({ word }) => fold(word))
    .filter((word) => !isStopWord(word))
    .slice(0, MAX_QUERY_WORDS);
  const terms = words.map(termOf);
  const groups: QueryGroup[] = words.map((word, i) => ({
    word,
    alternatives: [alt([terms[i] ?? word], 'word')],
  }));
  groups.forEach((group, i) => {
    const term = terms[i] ?? group.word;
    for (const phrase of synonymsOf([term])) addAlternative(group, alt(phrase, 'synonym'));
    const next = groups[i + 1];
    if (next === undefined) return;
    // "soap client" finds SOAPCLIENT; "update server" finds "wsus" (for both words).
    const joined = termOf(group.word + next.word);
    addAlternative(group, alt([joined], 'joined'));
    addAlternative(next, alt([joined], 'joined'));
    for (const phrase of synonymsOf([term, terms[i + 1] ?? next.word])) {
      addAlternative(group, alt(phrase, 'synonym'));
      addAlternative(next, alt(phrase, 'synonym'));
    }
  });
  return { groups };
}

/** Indexed terms → in how many documents each is; what typo and prefix expansion look in. */
export type { Vocabulary };

/**
 * Adds, for words the index does not hold as typed, the indexed terms one or two edits away,
 * and for the last word (when `lastIsPrefix`: the person is still typing) its completions.
 */
export function expandWithVocabulary(
  query: WordQuery,
  vocabulary: Vocabulary,
  lastIsPrefix: boolean,
): WordQuery {
  const groups = query.groups.map((group, index) => {
    const expanded: QueryGroup = { word: group.word, alternatives: [...group.alternatives] };
    const [own] = group.alternatives;
    const term = own?.terms[0] ?? group.word;
    const edits = allowedEdits(group.word);
    if (edits > 0 && !vocabulary.has(term) && !vocabulary.has(group.word)) {
      for (const corrected of nearTerms(
        vocabulary,
        term,
        group.word,
        edits,
        MAX_TYPO_CORRECTIONS,
      )) {
        addAlternative(expanded, alt([corrected], 'typo'));
      }
    }
    if (lastIsPrefix && index === query.groups.length - 1) {
      const completions =
        group.word.length < MIN_PREFIX_LENGTH
          ? []
          : completionsOf(vocabulary, group.word, MAX_PREFIX_COMPLETIONS);
      for (const completion of completions) {
        addAlternative(expanded, alt([completion], 'prefix'));
      }
    }
    return expanded;
  });
  return { groups };
}

/** Every term any alternative needs: what the index is asked for. */
export const termsOf = (query: WordQuery): string[] => [
  ...new Set(query.groups.flatMap((g) => g.alternatives.flatMap((a) => a.terms))),
];
