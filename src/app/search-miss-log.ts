import type { DemandStore, SearchMissBatch } from '../core/demand-ports.js';
import { normalizeMissQuery } from '../core/search/search-miss.js';
import type { SearchResponse } from './search-response.js';

/** At most this many distinct queries wait for a write; further ones are dropped (and counted). */
const MAX_PENDING_QUERIES = 5_000;

/**
 * Collects the searches that found nothing or little and writes them in batches, so a search
 * never waits for a write (as look-ups are counted). The wiring flushes it on a timer and at
 * shutdown; a failed write keeps the batch for the next flush. Only the first page of a
 * person's search is recorded (the routes decide), never a suggestion or a CLI search.
 */
export class SearchMissLog {
  private pending = new Map<string, SearchMissBatch>();
  private dropped = 0;

  constructor(
    private readonly store: Pick<DemandStore, 'recordSearchMisses'>,
    private readonly onWriteError: (error: unknown) => void = (error) =>
      console.error(
        `search misses not written (${error instanceof Error ? error.message : String(error)}); kept for the next flush`,
      ),
  ) {}

  /** Notes a search's answer if it was weak or empty; `at` is the clock's ISO time. */
  record(result: Pick<SearchResponse, 'query' | 'quality' | 'total'>, at: string): void {
    if (result.quality === 'good') return;
    const query = normalizeMissQuery(result.query);
    if (query === '') return;
    const results = result.total.articles + result.total.codes;
    const known = this.pending.get(query);
    if (known === undefined && this.pending.size >= MAX_PENDING_QUERIES) {
      this.dropped++;
      return;
    }
    this.pending.set(query, {
      query,
      kind: result.quality,
      count: (known?.count ?? 0) + 1,
      results,
      at,
    });
  }

  /** Queries not recorded because too many were waiting for a write. */
  get droppedQueries(): number {
    return this.dropped;
  }

  /** Writes what is pending; never rejects (false when the write failed and the batch is kept). */
  async flush(): Promise<boolean> {
    if (this.pending.size === 0) return true;
    const batch = this.pending;
    this.pending = new Map();
    try {
      await this.store.recordSearchMisses([...batch.values()]);
      return true;
    } catch (error) {
      for (const [query, miss] of batch) {
        const newer = this.pending.get(query);
        this.pending.set(query, newer ? { ...newer, count: newer.count + miss.count } : miss);
      }
      this.onWriteError(error);
      return false;
    }
  }
}
