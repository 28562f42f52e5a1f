import type { Database, Statement } from 'better-sqlite3';
import type { ArticleRequest, DemandStore, RequestTally } from '../../core/demand-ports.js';

/** DemandStore on the same SQLite database as the articles. */
export class SqliteDemandStore implements DemandStore {
  private readonly insertRequest: Statement<[ArticleRequest]>;
  private readonly countByCode: Statement<[string], number>;
  private readonly countByRequester: Statement<[string, string], number>;
  private readonly tally: Statement<[], { code: string; requests: number; last_at: string }>;
  private readonly selectSalt: Statement<[string], string>;
  private readonly insertSalt: Statement<[string, string]>;
  private readonly deleteOtherSalts: Statement<[string]>;
  private readonly addLookups: Statement<[string, number]>;
  /** One statement for any number of codes: they arrive as a JSON array. */
  private readonly selectLookupCounts: Statement<[string], { code: string; count: number }>;

  constructor(private readonly db: Database) {
    this.insertRequest = db.prepare(`INSERT INTO article_requests (code, requester_hash, day, at)
      VALUES (@code, @requesterHash, @day, @at) ON CONFLICT DO NOTHING`);
    this.countByCode = db
      .prepare<[string], number>('SELECT count(*) FROM article_requests WHERE code = ?')
      .pluck();
    this.countByRequester = db
      .prepare<[string, string], number>(
        'SELECT count(*) FROM article_requests WHERE requester_hash = ? AND day = ?',
      )
      .pluck();
    this.tally = db.prepare(`SELECT code, count(*) AS requests, max(at) AS last_at
      FROM article_requests GROUP BY code ORDER BY requests DESC, code`);
    this.selectSalt = db
      .prepare<[string], string>('SELECT salt FROM daily_salts WHERE day = ?')
      .pluck();
    this.insertSalt = db.prepare(
      'INSERT INTO daily_salts (day, salt) VALUES (?, ?) ON CONFLICT DO NOTHING',
    );
    this.deleteOtherSalts = db.prepare('DELETE FROM daily_salts WHERE day <> ?');
    this.addLookups = db.prepare(`INSERT INTO lookup_counts (code, count) VALUES (?, ?)
      ON CONFLICT (code) DO UPDATE SET count = count + excluded.count`);
    this.selectLookupCounts = db.prepare(`SELECT code, count FROM lookup_counts
      WHERE code IN (SELECT value FROM json_each(?))`);
  }

  recordArticleRequest(request: ArticleRequest): Promise<{ recorded: boolean; requests: number }> {
    const run = this.db.transaction(() => {
      const recorded = this.insertRequest.run(request).changes === 1;
      return { recorded, requests: this.countByCode.get(request.code) ?? 0 };
    });
    return Promise.resolve(run.immediate());
  }

  countRequestsBy(requesterHash: string, day: string): Promise<number> {
    return Promise.resolve(this.countByRequester.get(requesterHash, day) ?? 0);
  }

  articleRequestCount(code: string): Promise<number> {
    return Promise.resolve(this.countByCode.get(code) ?? 0);
  }

  listArticleRequests(): Promise<RequestTally[]> {
    return Promise.resolve(
      this.tally
        .all()
        .map((row) => ({ code: row.code, requests: row.requests, lastAt: row.last_at })),
    );
  }

  dailySalt(day: string, make: () => string): Promise<string> {
    // In one transaction, so two instances starting the day together agree on one salt.
    const run = this.db.transaction(() => {
      this.deleteOtherSalts.run(day);
      const existing = this.selectSalt.get(day);
      if (existing !== undefined) return existing;
      this.insertSalt.run(day, make());
      return this.selectSalt.get(day) ?? '';
    });
    return Promise.resolve(run.immediate());
  }

  recordLookups(counts: ReadonlyMap<string, number>): Promise<void> {
    this.db.transaction(() => {
      for (const [code, n] of counts) this.addLookups.run(code, n);
    })();
    return Promise.resolve();
  }

  lookupCounts(codes: readonly string[]): Promise<Map<string, number>> {
    const found = new Map<string, number>();
    if (codes.length === 0) return Promise.resolve(found);
    for (const row of this.selectLookupCounts.all(JSON.stringify(codes)))
      found.set(row.code, row.count);
    return Promise.resolve(found);
  }
}
