import type { Database } from 'better-sqlite3';
import { SqliteArticleStore } from './sqlite-article-store.js';
import { openSqliteDatabase, sqliteConnection } from './sqlite-connection.js';
import { SqliteDemandStore } from './sqlite-demand-store.js';
import { SqliteSharedReportStore } from './sqlite-shared-report-store.js';
import { SqliteOutcomeStore, SqliteSessionStore } from './sqlite-troubleshoot-stores.js';
import { SqliteUnitOfWork } from './sqlite-unit-of-work.js';

/** The stores and their unit of work on one connection; closing `store` closes it. */
export function sqliteStorage(db: Database) {
  const connection = sqliteConnection(db);
  const store = new SqliteArticleStore(connection);
  const demand = new SqliteDemandStore(connection);
  const sessions = new SqliteSessionStore(connection);
  const outcomes = new SqliteOutcomeStore(connection);
  return {
    store,
    demand,
    sessions,
    outcomes,
    reports: new SqliteSharedReportStore(connection),
    unitOfWork: new SqliteUnitOfWork(connection, { articles: store, demand, sessions, outcomes }),
  };
}

export const openSqliteStorage = (file: string) => sqliteStorage(openSqliteDatabase(file));
