import { analyze } from './analyze-text.js';
import {
  FIELD_WEIGHTS,
  SEARCH_FIELDS,
  type SearchDocument,
  type SearchField,
} from './search-document.js';
import type { Vocabulary, WordQuery } from './word-query.js';

/**
 * Relevance, computed here (not by the index) so that every adapter ranks alike: for each
 * query word, its best alternative's weight × the sum over fields of field weight ×
 * (1 + log tf) × idf; a document that matches more of the words ranks above one that matches
 * fewer (coverage squared). The index only finds candidates.
 */

export interface Scored {
  document: SearchDocument;
  score: number;
  /** The terms that matched: what the snippet highlights. */
  matched: ReadonlySet<string>;
  /** How many of the query's words matched. */
  coverage: number;
}

type FieldTerms = Record<SearchField, Map<string, number>>;

function countTerms(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const term of analyze(text)) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}

/**
 * Analysed fields by document id, reused while the text is the same: an adapter that hands out
 * fresh objects on every query (SQLite parses JSON) still costs one analysis per document.
 */
const analyzed = new Map<string, { fields: SearchDocument['fields']; terms: FieldTerms }>();
const MAX_CACHED = 20_000;

const sameFields = (a: SearchDocument['fields'], b: SearchDocument['fields']): boolean =>
  a.name === b.name && a.title === b.title && a.causes === b.causes && a.body === b.body;

function termsOfDocument(document: SearchDocument): FieldTerms {
  const cached = analyzed.get(document.id);
  if (cached && sameFields(cached.fields, document.fields)) return cached.terms;
  const terms = {
    name: countTerms(document.fields.name),
    title: countTerms(document.fields.title),
    causes: countTerms(document.fields.causes),
    body: countTerms(document.fields.body),
  };
  if (analyzed.size >= MAX_CACHED) analyzed.clear();
  analyzed.set(document.id, { fields: document.fields, terms });
  return terms;
}

export interface IndexStats {
  vocabulary: Vocabulary;
  documents: number;
}

export function scoreDocument(
  document: SearchDocument,
  query: WordQuery,
  stats: IndexStats,
): Scored {
  const fields = termsOfDocument(document);
  const idf = (term: string): number =>
    Math.log(1 + stats.documents / (1 + (stats.vocabulary.get(term) ?? 0)));
  const termScore = (term: string): number => {
    let sum = 0;
    for (const field of SEARCH_FIELDS) {
      const tf = fields[field].get(term) ?? 0;
      if (tf > 0) sum += FIELD_WEIGHTS[field] * (1 + Math.log(tf));
    }
    return sum * idf(term);
  };
  const matched = new Set<string>();
  let total = 0;
  let covered = 0;
  for (const group of query.groups) {
    let best = 0;
    let bestTerms: readonly string[] = [];
    for (const alternative of group.alternatives) {
      const scores = alternative.terms.map(termScore);
      if (scores.some((s) => s === 0)) continue;
      const value = (alternative.weight * scores.reduce((a, b) => a + b, 0)) / scores.length;
      if (value > best) {
        best = value;
        bestTerms = alternative.terms;
      }
    }
    if (best > 0) {
      covered++;
      total += best;
      for (const term of bestTerms) matched.add(term);
    }
  }
  const coverage = query.groups.length === 0 ? 0 : covered / query.groups.length;
  return { document, score: total * coverage * coverage, matched, coverage: covered };
}

/**
 * Best first. Popularity (look-ups) only breaks ties: scores equal to two decimal places
 * are a tie, and nothing else lets a popular page pass a more relevant one.
 */
export function rankDocuments(
  documents: readonly SearchDocument[],
  query: WordQuery,
  stats: IndexStats,
  popularity: (document: SearchDocument) => number = () => 0,
): Scored[] {
  return documents
    .map((document) => scoreDocument(document, query, stats))
    .filter((scored) => scored.score > 0)
    .map((scored) => ({
      scored,
      tie: Math.round(scored.score * 100),
      pop: popularity(scored.document),
    }))
    .sort(
      (a, b) =>
        b.tie - a.tie ||
        b.pop - a.pop ||
        (a.scored.document.id < b.scored.document.id
          ? -1
          : a.scored.document.id > b.scored.document.id
            ? 1
            : 0),
    )
    .map(({ scored }) => scored);
}
