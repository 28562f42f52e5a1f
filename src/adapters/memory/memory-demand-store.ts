import type {
  ArticleRequest,
  DemandStore,
  LookupTally,
  RequestTally,
  SearchMissBatch,
  SearchMissTally,
} from '../../core/demand-ports.js';
import type { Access } from '../transaction-gate.js';
import { emptyMemoryState, type MemoryState } from './memory-state.js';

/** In-process DemandStore for tests and tools; calls go through `access`, as in SQLite. */
export class MemoryDemandStore implements DemandStore {
  constructor(
    private readonly state: MemoryState = emptyMemoryState(),
    private readonly access: Access = state.gate.outside,
  ) {}

  bind(access: Access): MemoryDemandStore {
    return new MemoryDemandStore(this.state, access);
  }

  /** Read at every call: a rollback puts a snapshot in place of the data. */
  private get data() {
    return this.state.data;
  }

  recordArticleRequest(request: ArticleRequest): Promise<{ recorded: boolean; requests: number }> {
    return this.access(() => {
      const key = `${request.code}|${request.requesterHash}|${request.day}`;
      const recorded = !this.data.requests.has(key);
      if (recorded) this.data.requests.set(key, { ...request });
      return { recorded, requests: this.count(request.code) };
    });
  }

  countRequestsBy(requesterHash: string, day: string): Promise<number> {
    return this.access(() => {
      let n = 0;
      for (const r of this.data.requests.values())
        if (r.requesterHash === requesterHash && r.day === day) n++;
      return n;
    });
  }

  articleRequestCount(code: string): Promise<number> {
    return this.access(() => this.count(code));
  }

  listArticleRequests(): Promise<RequestTally[]> {
    return this.access(() => {
      const tallies = new Map<string, RequestTally>();
      for (const r of this.data.requests.values()) {
        const tally = tallies.get(r.code) ?? { code: r.code, requests: 0, lastAt: r.at };
        tally.requests += 1;
        if (r.at > tally.lastAt) tally.lastAt = r.at;
        tallies.set(r.code, tally);
      }
      return [...tallies.values()].sort(
        (a, b) => b.requests - a.requests || a.code.localeCompare(b.code),
      );
    });
  }

  dailySalt(day: string, make: () => string): Promise<string> {
    return this.access(() => {
      const { salts } = this.data;
      for (const other of [...salts.keys()]) if (other !== day) salts.delete(other);
      const salt = salts.get(day) ?? make();
      salts.set(day, salt);
      return salt;
    });
  }

  recordLookups(counts: ReadonlyMap<string, number>): Promise<void> {
    return this.access(() => {
      const { lookups } = this.data;
      for (const [code, n] of counts) lookups.set(code, (lookups.get(code) ?? 0) + n);
    });
  }

  lookupCounts(codes: readonly string[]): Promise<Map<string, number>> {
    return this.access(() => {
      const found = new Map<string, number>();
      for (const code of codes) {
        const n = this.data.lookups.get(code);
        if (n !== undefined) found.set(code, n);
      }
      return found;
    });
  }

  recordSearchMisses(misses: readonly SearchMissBatch[]): Promise<void> {
    return this.access(() => {
      const { searchMisses } = this.data;
      for (const miss of misses) {
        const known = searchMisses.get(miss.query);
        const latest = known === undefined || miss.at >= known.lastSeen;
        searchMisses.set(miss.query, {
          query: miss.query,
          kind: latest ? miss.kind : (known?.kind ?? miss.kind),
          count: (known?.count ?? 0) + miss.count,
          lastResults: latest ? miss.results : (known?.lastResults ?? miss.results),
          lastSeen: latest ? miss.at : (known?.lastSeen ?? miss.at),
        });
      }
    });
  }

  listSearchMisses(limit: number): Promise<SearchMissTally[]> {
    return this.access(() =>
      [...this.data.searchMisses.values()]
        .sort(
          (a, b) =>
            b.count - a.count ||
            (a.lastSeen < b.lastSeen ? 1 : a.lastSeen > b.lastSeen ? -1 : 0) ||
            (a.query < b.query ? -1 : 1),
        )
        .slice(0, Math.max(0, limit))
        .map((tally) => ({ ...tally })),
    );
  }

  mostLookedUp(limit: number): Promise<LookupTally[]> {
    return this.access(() =>
      [...this.data.lookups]
        .filter(([, lookups]) => lookups > 0)
        .map(([code, lookups]) => ({ code, lookups }))
        .sort((a, b) => b.lookups - a.lookups || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
        .slice(0, Math.max(0, limit)),
    );
  }

  private count(code: string): number {
    let n = 0;
    for (const r of this.data.requests.values()) if (r.code === code) n++;
    return n;
  }
}
