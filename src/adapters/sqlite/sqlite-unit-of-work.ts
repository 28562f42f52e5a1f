import type { TransactionStores, UnitOfWork } from '../../core/ports.js';
import type { SqliteArticleStore } from './sqlite-article-store.js';
import type { SqliteConnection } from './sqlite-connection.js';
import type { SqliteDemandStore } from './sqlite-demand-store.js';
import type { SqliteOutcomeStore, SqliteSessionStore } from './sqlite-troubleshoot-stores.js';

/**
 * Units of work on one connection: `BEGIN IMMEDIATE` takes SQLite's write lock at once, so
 * another process's writer waits (busy_timeout) instead of failing half-way, and this
 * process's other callers wait at the gate until the commit or rollback.
 */
export class SqliteUnitOfWork implements UnitOfWork {
  constructor(
    private readonly connection: SqliteConnection,
    private readonly stores: {
      articles: SqliteArticleStore;
      demand: SqliteDemandStore;
      sessions: SqliteSessionStore;
      outcomes: SqliteOutcomeStore;
    },
  ) {}

  run<T>(work: (tx: TransactionStores) => Promise<T>): Promise<T> {
    const { db, gate } = this.connection;
    return gate.transaction(
      {
        begin: () => db.exec('BEGIN IMMEDIATE'),
        commit: () => db.exec('COMMIT'),
        // A failed COMMIT may have ended the transaction already.
        rollback: () => {
          if (db.inTransaction) db.exec('ROLLBACK');
        },
      },
      (access) => ({
        articles: this.stores.articles.bind(access),
        demand: this.stores.demand.bind(access),
        sessions: this.stores.sessions.bind(access),
        outcomes: this.stores.outcomes.bind(access),
      }),
      work,
    );
  }
}
