import type { Database } from 'better-sqlite3';
import type {
  ArticleRequest,
  DemandStore,
  LookupTally,
  RequestTally,
  SearchMissBatch,
  SearchMissKind,
  SearchMissTally,
} from '../../core/demand-ports.js';
import type { Access } from '../transaction-gate.js';
import type { SqliteConnection } from './sqlite-connection.js';
import { statementsPerConnection } from './statements-per-connection.js';

type Statements = ReturnType<typeof prepare>;
const statementsOf = statementsPerConnection(prepare);

function prepare(db: Database) {
  return {
    insertRequest: db.prepare<[ArticleRequest]>(`INSERT INTO article_requests
      (code, requester_hash, day, at) VALUES (@code, @requesterHash, @day, @at)
      ON CONFLICT DO NOTHING`),
    countByCode: db
      .prepare<[string], number>('SELECT count(*) FROM article_requests WHERE code = ?')
      .pluck(),
    countByRequester: db
      .prepare<[string, string], number>(
        'SELECT count(*) FROM article_requests WHERE requester_hash = ? AND day = ?',
      )
      .pluck(),
    tally: db.prepare<[], { code: string; requests: number; last_at: string }>(`SELECT code,
      count(*) AS requests, max(at) AS last_at
      FROM article_requests GROUP BY code ORDER BY requests DESC, code`),
    selectSalt: db.prepare<[string], string>('SELECT salt FROM daily_salts WHERE day = ?').pluck(),
    insertSalt: db.prepare<[string, string]>(
      'INSERT INTO daily_salts (day, salt) VALUES (?, ?) ON CONFLICT DO NOTHING',
    ),
    deleteOtherSalts: db.prepare<[string]>('DELETE FROM daily_salts WHERE day <> ?'),
    addLookups: db.prepare<[string, number]>(`INSERT INTO lookup_counts (code, count)
      VALUES (?, ?) ON CONFLICT (code) DO UPDATE SET count = count + excluded.count`),
    /** One statement for any number of codes: they arrive as a JSON array. */
    selectLookupCounts: db.prepare<[string], { code: string; count: number }>(`SELECT code,
      count FROM lookup_counts WHERE code IN (SELECT value FROM json_each(?))`),
    /** The latest search decides the kind and results; an older batch only adds its count. */
    addSearchMiss: db.prepare<[SearchMissBatch]>(`INSERT INTO search_misses
      (query, kind, count, last_results, last_seen) VALUES (@query, @kind, @count, @results, @at)
      ON CONFLICT (query) DO UPDATE SET count = count + excluded.count,
        kind = iif(excluded.last_seen >= last_seen, excluded.kind, kind),
        last_results = iif(excluded.last_seen >= last_seen, excluded.last_results, last_results),
        last_seen = max(last_seen, excluded.last_seen)`),
    listSearchMisses: db.prepare<
      [number],
      {
        query: string;
        kind: SearchMissKind;
        count: number;
        last_results: number;
        last_seen: string;
      }
    >(`SELECT query, kind, count, last_results, last_seen FROM search_misses
      ORDER BY count DESC, last_seen DESC, query LIMIT ?`),
    selectMostLookedUp: db.prepare<[number], { code: string; lookups: number }>(`SELECT code,
      count AS lookups FROM lookup_counts WHERE count > 0 ORDER BY count DESC, code LIMIT ?`),
  };
}

/** DemandStore on the same SQLite connection as the articles; calls go through `access`. */
export class SqliteDemandStore implements DemandStore {
  private readonly db: Database;
  private readonly q: Statements;

  constructor(
    private readonly connection: SqliteConnection,
    private readonly access: Access = connection.gate.outside,
  ) {
    this.db = connection.db;
    this.q = statementsOf(connection.db);
  }

  /** The same store, reaching the connection through `access` (a unit of work's). */
  bind(access: Access): SqliteDemandStore {
    return new SqliteDemandStore(this.connection, access);
  }

  recordArticleRequest(request: ArticleRequest): Promise<{ recorded: boolean; requests: number }> {
    const run = this.db.transaction(() => {
      const recorded = this.q.insertRequest.run(request).changes === 1;
      this.connection.turn.forget(requestsKey(request.code));
      return { recorded, requests: this.q.countByCode.get(request.code) ?? 0 };
    });
    return this.access(() => run.immediate());
  }

  countRequestsBy(requesterHash: string, day: string): Promise<number> {
    return this.access(() => this.q.countByRequester.get(requesterHash, day) ?? 0);
  }

  articleRequestCount(code: string): Promise<number> {
    return this.access(() =>
      this.connection.turn.get(requestsKey(code), () => this.q.countByCode.get(code) ?? 0),
    );
  }

  listArticleRequests(): Promise<RequestTally[]> {
    return this.access(() =>
      this.q.tally
        .all()
        .map((row) => ({ code: row.code, requests: row.requests, lastAt: row.last_at })),
    );
  }

  dailySalt(day: string, make: () => string): Promise<string> {
    // In one transaction, so two instances starting the day together agree on one salt.
    const run = this.db.transaction(() => {
      this.q.deleteOtherSalts.run(day);
      const existing = this.q.selectSalt.get(day);
      if (existing !== undefined) return existing;
      this.q.insertSalt.run(day, make());
      return this.q.selectSalt.get(day) ?? '';
    });
    return this.access(() => run.immediate());
  }

  recordLookups(counts: ReadonlyMap<string, number>): Promise<void> {
    const run = this.db.transaction(() => {
      for (const [code, n] of counts) this.q.addLookups.run(code, n);
    });
    return this.access(() => run());
  }

  lookupCounts(codes: readonly string[]): Promise<Map<string, number>> {
    return this.access(() => {
      const found = new Map<string, number>();
      if (codes.length === 0) return found;
      for (const row of this.q.selectLookupCounts.all(JSON.stringify(codes)))
        found.set(row.code, row.count);
      return found;
    });
  }

  recordSearchMisses(misses: readonly SearchMissBatch[]): Promise<void> {
    const run = this.db.transaction(() => {
      for (const miss of misses) this.q.addSearchMiss.run(miss);
    });
    return this.access(() => run());
  }

  listSearchMisses(limit: number): Promise<SearchMissTally[]> {
    return this.access(() =>
      this.q.listSearchMisses.all(Math.max(0, limit)).map((row) => ({
        query: row.query,
        kind: row.kind,
        count: row.count,
        lastResults: row.last_results,
        lastSeen: row.last_seen,
      })),
    );
  }

  mostLookedUp(limit: number): Promise<LookupTally[]> {
    return this.access(() => (limit > 0 ? this.q.selectMostLookedUp.all(limit) : []));
  }
}

const requestsKey = (code: string): string => `article-requests:${code}`;
