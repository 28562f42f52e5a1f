import type { PrefixMatch } from './search/prefix-dictionary.js';
import type { PrefixQuery } from './search/prefix-query.js';
import type { IndexStats } from './search/rank-documents.js';
import type { DocumentKind, SearchDocument } from './search/search-document.js';

/**
 * The search index port. It only finds candidates (documents holding any of some terms,
 * filtered); `core/search` ranks them, so that every adapter (memory, SQLite FTS5, PostgreSQL
 * later) answers in the same order and no SQL dialect reaches `core/`. Terms are what
 * `core/search/analyze-text.ts` makes of a text: adapters store and compare them as given.
 */

export interface SearchFilters {
  kind?: DocumentKind;
  product?: string;
  severity?: string;
  /** A family id the document's code belongs to. */
  family?: string;
  /** A platform id in the document's `platforms`. */
  platform?: string;
}

export interface SearchIndex {
  /** The content version the documents of a kind were last indexed at; undefined: never. */
  indexedVersion(kind: DocumentKind): Promise<string | undefined>;
  /** Replaces every document of a kind at once (all or nothing), recording the version. */
  replaceKind(
    kind: DocumentKind,
    documents: readonly SearchDocument[],
    version: string,
  ): Promise<void>;
  /** Every indexed term with the number of documents holding it, and the document count. */
  stats(): Promise<IndexStats>;
  /**
   * Documents holding at least one of `terms` and passing the filters, the likeliest first
   * (the adapter's own cheap order), at most `limit`. No terms: no documents.
   */
  candidates(
    terms: readonly string[],
    filters: SearchFilters,
    limit: number,
  ): Promise<SearchDocument[]>;
  /**
   * Search-as-you-type: documents of a kind whose code, names or title hold every term and a
   * word starting with the prefix, best first (`PrefixDictionary.match`), at most `limit`;
   * in step with the last `replaceKind` of that kind.
   */
  prefixMatches(query: PrefixQuery, kind: DocumentKind, limit: number): Promise<PrefixMatch[]>;
  close(): Promise<void>;
}
