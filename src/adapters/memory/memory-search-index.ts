import type { SearchFilters, SearchIndex } from '../../core/search-ports.js';
import { analyze } from '../../core/search/analyze-text.js';
import { PrefixDictionary, type PrefixMatch } from '../../core/search/prefix-dictionary.js';
import type { PrefixQuery } from '../../core/search/prefix-query.js';
import type { IndexStats } from '../../core/search/rank-documents.js';
import {
  FIELD_WEIGHTS,
  SEARCH_FIELDS,
  type DocumentKind,
  type SearchDocument,
} from '../../core/search/search-document.js';

type Entry = { document: SearchDocument; weights: Map<string, number> };

/** An inverted index in process memory: for tests, tools and the memory wiring. */
export class MemorySearchIndex implements SearchIndex {
  private readonly entries = new Map<string, Entry>();
  private readonly postings = new Map<string, Set<string>>();
  private readonly versions = new Map<DocumentKind, string>();
  private statsCache: IndexStats | undefined;
  private readonly dictionaries = new Map<DocumentKind, PrefixDictionary>();

  indexedVersion(kind: DocumentKind): Promise<string | undefined> {
    return Promise.resolve(this.versions.get(kind));
  }

  replaceKind(
    kind: DocumentKind,
    documents: readonly SearchDocument[],
    version: string,
  ): Promise<void> {
    // Analyse first, so a document that throws leaves the index as it was.
    const fresh = documents.map((document) => ({ document, weights: weigh(document) }));
    for (const [id, entry] of [...this.entries]) {
      if (entry.document.kind === kind) this.remove(id, entry);
    }
    for (const entry of fresh) {
      const old = this.entries.get(entry.document.id);
      if (old) this.remove(entry.document.id, old);
      this.entries.set(entry.document.id, entry);
      for (const term of entry.weights.keys()) {
        let ids = this.postings.get(term);
        if (!ids) this.postings.set(term, (ids = new Set()));
        ids.add(entry.document.id);
      }
    }
    this.versions.set(kind, version);
    this.statsCache = undefined;
    this.dictionaries.clear();
    return Promise.resolve();
  }

  stats(): Promise<IndexStats> {
    this.statsCache ??= {
      vocabulary: new Map([...this.postings].map(([term, ids]) => [term, ids.size])),
      documents: this.entries.size,
    };
    return Promise.resolve(this.statsCache);
  }

  candidates(
    terms: readonly string[],
    filters: SearchFilters,
    limit: number,
  ): Promise<SearchDocument[]> {
    const scores = new Map<string, number>();
    for (const term of new Set(terms)) {
      for (const id of this.postings.get(term) ?? []) {
        const entry = this.entries.get(id);
        if (!entry || !passes(entry.document, filters)) continue;
        scores.set(id, (scores.get(id) ?? 0) + (entry.weights.get(term) ?? 0));
      }
    }
    const ranked = [...scores]
      .sort(([a, sa], [b, sb]) => sb - sa || (a < b ? -1 : 1))
      .slice(0, Math.max(0, limit));
    return Promise.resolve(ranked.map(([id]) => (this.entries.get(id) as Entry).document));
  }

  prefixMatches(query: PrefixQuery, kind: DocumentKind, limit: number): Promise<PrefixMatch[]> {
    let dictionary = this.dictionaries.get(kind);
    if (dictionary === undefined) {
      const documents = [...this.entries.values()]
        .map((entry) => entry.document)
        .filter((document) => document.kind === kind);
      dictionary = new PrefixDictionary(documents);
      this.dictionaries.set(kind, dictionary);
    }
    return Promise.resolve(dictionary.match(query, limit));
  }

  close(): Promise<void> {
    return Promise.resolve();
  }

  private remove(id: string, entry: Entry): void {
    this.entries.delete(id);
    for (const term of entry.weights.keys()) {
      const ids = this.postings.get(term);
      ids?.delete(id);
      if (ids?.size === 0) this.postings.delete(term);
    }
  }
}

function weigh(document: SearchDocument): Map<string, number> {
  const weights = new Map<string, number>();
  for (const field of SEARCH_FIELDS) {
    for (const term of analyze(document.fields[field])) {
      weights.set(term, (weights.get(term) ?? 0) + FIELD_WEIGHTS[field]);
    }
  }
  return weights;
}

export function passes(document: SearchDocument, filters: SearchFilters): boolean {
  return (
    (filters.kind === undefined || document.kind === filters.kind) &&
    (filters.product === undefined || document.product === filters.product) &&
    (filters.severity === undefined || document.severity === filters.severity) &&
    (filters.family === undefined || document.families.includes(filters.family)) &&
    (filters.platform === undefined || document.platforms.includes(filters.platform))
  );
}
