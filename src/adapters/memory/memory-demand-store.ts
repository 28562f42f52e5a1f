import type { ArticleRequest, DemandStore, RequestTally } from '../../core/demand-ports.js';

/** In-process DemandStore for tests and tools. */
export class MemoryDemandStore implements DemandStore {
  private readonly requests = new Map<string, ArticleRequest>();
  private readonly salts = new Map<string, string>();
  private readonly lookups = new Map<string, number>();

  recordArticleRequest(request: ArticleRequest): Promise<{ recorded: boolean; requests: number }> {
    const key = `${request.code}|${request.requesterHash}|${request.day}`;
    const recorded = !this.requests.has(key);
    if (recorded) this.requests.set(key, { ...request });
    return Promise.resolve({ recorded, requests: this.count(request.code) });
  }

  countRequestsBy(requesterHash: string, day: string): Promise<number> {
    let n = 0;
    for (const r of this.requests.values())
      if (r.requesterHash === requesterHash && r.day === day) n++;
    return Promise.resolve(n);
  }

  articleRequestCount(code: string): Promise<number> {
    return Promise.resolve(this.count(code));
  }

  listArticleRequests(): Promise<RequestTally[]> {
    const tallies = new Map<string, RequestTally>();
    for (const r of this.requests.values()) {
      const tally = tallies.get(r.code) ?? { code: r.code, requests: 0, lastAt: r.at };
      tally.requests += 1;
      if (r.at > tally.lastAt) tally.lastAt = r.at;
      tallies.set(r.code, tally);
    }
    return Promise.resolve(
      [...tallies.values()].sort((a, b) => b.requests - a.requests || a.code.localeCompare(b.code)),
    );
  }

  dailySalt(day: string, make: () => string): Promise<string> {
    for (const other of [...this.salts.keys()]) if (other !== day) this.salts.delete(other);
    const salt = this.salts.get(day) ?? make();
    this.salts.set(day, salt);
    return Promise.resolve(salt);
  }

  recordLookups(counts: ReadonlyMap<string, number>): Promise<void> {
    for (const [code, n] of counts) this.lookups.set(code, (this.lookups.get(code) ?? 0) + n);
    return Promise.resolve();
  }

  lookupCounts(codes: readonly string[]): Promise<Map<string, number>> {
    const found = new Map<string, number>();
    for (const code of codes) {
      const n = this.lookups.get(code);
      if (n !== undefined) found.set(code, n);
    }
    return Promise.resolve(found);
  }

  private count(code: string): number {
    let n = 0;
    for (const r of this.requests.values()) if (r.code === code) n++;
    return n;
  }
}
