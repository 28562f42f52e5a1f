import type { Database } from 'better-sqlite3';
import type { FixTally } from '../../core/troubleshoot/fix-estimate.js';
import type { WalkState } from '../../core/troubleshoot/walk.js';
import type {
  FixOutcome,
  OutcomeStore,
  SessionStore,
  StoredSession,
} from '../../core/troubleshoot-ports.js';
import type { Access } from '../transaction-gate.js';
import type { SqliteConnection } from './sqlite-connection.js';
import { statementsPerConnection } from './statements-per-connection.js';

type Statements = ReturnType<typeof prepare>;
const statementsOf = statementsPerConnection(prepare);

interface SessionRow {
  id: string;
  state: string;
  created_at: string;
  updated_at: string;
  expires_at: string;
}

function prepare(db: Database) {
  return {
    insertSession: db.prepare<[string, string, number, string, string, string]>(
      `INSERT INTO troubleshoot_sessions (id, state, steps, created_at, updated_at, expires_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    selectSession: db.prepare<[string], SessionRow>(
      'SELECT id, state, created_at, updated_at, expires_at FROM troubleshoot_sessions WHERE id = ?',
    ),
    updateSession: db.prepare<[string, number, string, string, number]>(
      `UPDATE troubleshoot_sessions SET state = ?, steps = ?, updated_at = ?
       WHERE id = ? AND steps = ?`,
    ),
    deleteExpired: db.prepare<[string]>('DELETE FROM troubleshoot_sessions WHERE expires_at < ?'),
    insertOutcome: db.prepare<[FixOutcome]>(`INSERT INTO fix_outcomes
      (source_id, product, code, fix_id, platform, answer, at)
      VALUES (@sourceId, @product, @code, @fixId, @platform, @answer, @at)
      ON CONFLICT DO NOTHING`),
    tallies: db.prepare<
      [string, string, string],
      { fix_id: string; fixed: number; still: number; could_not: number }
    >(`SELECT fix_id,
        sum(answer = 'fixed') AS fixed,
        sum(answer = 'still-failing') AS still,
        sum(answer = 'could-not') AS could_not
      FROM fix_outcomes WHERE product = ? AND code = ? AND platform = ? GROUP BY fix_id`),
    /** Any number of articles in one statement: they arrive as a JSON array of "product/code". */
    fixedCounts: db.prepare<[string], { article: string; fixed: number }>(`SELECT
        product || '/' || code AS article, count(*) AS fixed
      FROM fix_outcomes WHERE answer = 'fixed'
        AND product || '/' || code IN (SELECT value FROM json_each(?))
      GROUP BY product, code`),
  };
}

const toSession = (row: SessionRow): StoredSession => ({
  id: row.id,
  state: JSON.parse(row.state) as WalkState,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  expiresAt: row.expires_at,
});

/** Sessions on the shared SQLite connection; calls go through `access` (a unit of work's). */
export class SqliteSessionStore implements SessionStore {
  private readonly q: Statements;
  constructor(
    private readonly connection: SqliteConnection,
    private readonly access: Access = connection.gate.outside,
  ) {
    this.q = statementsOf(connection.db);
  }

  bind(access: Access): SqliteSessionStore {
    return new SqliteSessionStore(this.connection, access);
  }

  createSession(s: StoredSession): Promise<void> {
    return this.access(() => {
      this.q.insertSession.run(
        s.id,
        JSON.stringify(s.state),
        s.state.steps.length,
        s.createdAt,
        s.updatedAt,
        s.expiresAt,
      );
    });
  }

  getSession(id: string): Promise<StoredSession | undefined> {
    return this.access(() => {
      const row = this.q.selectSession.get(id);
      return row && toSession(row);
    });
  }

  saveSession(id: string, state: WalkState, expectedSteps: number, at: string): Promise<boolean> {
    return this.access(
      () =>
        this.q.updateSession.run(JSON.stringify(state), state.steps.length, at, id, expectedSteps)
          .changes === 1,
    );
  }

  deleteExpiredSessions(now: string): Promise<number> {
    return this.access(() => this.q.deleteExpired.run(now).changes);
  }
}

/** Outcomes on the shared SQLite connection. */
export class SqliteOutcomeStore implements OutcomeStore {
  private readonly q: Statements;
  constructor(
    private readonly connection: SqliteConnection,
    private readonly access: Access = connection.gate.outside,
  ) {
    this.q = statementsOf(connection.db);
  }

  bind(access: Access): SqliteOutcomeStore {
    return new SqliteOutcomeStore(this.connection, access);
  }

  recordOutcome(outcome: FixOutcome): Promise<{ recorded: boolean }> {
    return this.access(() => ({ recorded: this.q.insertOutcome.run(outcome).changes === 1 }));
  }

  outcomeTallies(product: string, code: string, platform: string): Promise<Map<string, FixTally>> {
    return this.access(() => {
      const found = new Map<string, FixTally>();
      for (const row of this.q.tallies.all(product, code, platform))
        found.set(row.fix_id, {
          fixed: row.fixed,
          stillFailing: row.still,
          couldNotDo: row.could_not,
        });
      return found;
    });
  }

  fixedCounts(
    articles: readonly { product: string; code: string }[],
  ): Promise<Map<string, number>> {
    return this.access(() => {
      const found = new Map<string, number>();
      if (articles.length === 0) return found;
      const keys = JSON.stringify(articles.map((a) => `${a.product}/${a.code}`));
      for (const row of this.q.fixedCounts.all(keys)) found.set(row.article, row.fixed);
      return found;
    });
  }
}
