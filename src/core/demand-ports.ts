/**
 * Ports for demand: who wants an article that does not exist yet, and which codes people
 * look up (did-you-mean ranks near misses by it). Nothing personal is kept: a requester is a
 * salted hash of an address, and the salt changes every day.
 */

export interface ArticleRequest {
  /** Canonical code. */
  code: string;
  requesterHash: string;
  /** YYYY-MM-DD (UTC). */
  day: string;
  at: string;
}

export interface RequestTally {
  code: string;
  /** Distinct requesters per day, summed over all days. */
  requests: number;
  lastAt: string;
}

/** What a search that answered badly leaves behind: the query, normalised, and no one's name. */
export type SearchMissKind = 'zero' | 'weak';

export interface SearchMissBatch {
  /** Normalised (core/search/search-miss.ts): folded words, single spaces, cut short. */
  query: string;
  kind: SearchMissKind;
  /** How many times it was searched in this batch. */
  count: number;
  /** Results of its latest search (0 for `zero`). */
  results: number;
  at: string;
}

export interface SearchMissTally {
  query: string;
  /** The kind of its latest search: a query that started to find something turns `weak`. */
  kind: SearchMissKind;
  count: number;
  lastResults: number;
  lastSeen: string;
}

export interface DemandStore {
  /** Records a request; `recorded: false` when this requester already asked for this code today. */
  recordArticleRequest(request: ArticleRequest): Promise<{ recorded: boolean; requests: number }>;
  /** How many codes this requester asked for on this day. */
  countRequestsBy(requesterHash: string, day: string): Promise<number>;
  articleRequestCount(code: string): Promise<number>;
  /** Every requested code, most requested first, then by code. */
  listArticleRequests(): Promise<RequestTally[]>;
  /** The salt of `day`, made with `make` on first use; salts of other days are deleted. */
  dailySalt(day: string, make: () => string): Promise<string>;

  /** Adds to the look-up counts (batched by the caller). */
  recordLookups(counts: ReadonlyMap<string, number>): Promise<void>;
  /** Look-up counts of these codes; a code never looked up is absent. */
  lookupCounts(codes: readonly string[]): Promise<Map<string, number>>;

  /** Adds searches that found nothing or little (batched by the caller); the latest wins kind and results. */
  recordSearchMisses(misses: readonly SearchMissBatch[]): Promise<void>;
  /** The most searched misses first (then the latest), at most `limit`. */
  listSearchMisses(limit: number): Promise<SearchMissTally[]>;
  /** The `limit` most looked-up codes, most first, then by code; codes never looked up are absent. */
  mostLookedUp(limit: number): Promise<LookupTally[]>;
}

export interface LookupTally {
  /** Canonical code. */
  code: string;
  lookups: number;
}
