import type { Database } from 'better-sqlite3';
import { SqliteArticleStore } from './sqlite-article-store.js';
import { openSqliteDatabase, sqliteConnection } from './sqlite-connection.js';
import { SqliteDemandStore } from './sqlite-demand-store.js';
import { SqliteUnitOfWork } from './sqlite-unit-of-work.js';

/** Both stores and their unit of work on one connection; closing `store` closes it. */
export function sqliteStorage(db: Database) {
  const connection = sqliteConnection(db);
  const store = new SqliteArticleStore(connection);
  const demand = new SqliteDemandStore(connection);
  return {
    store,
    demand,
    unitOfWork: new SqliteUnitOfWork(connection, { articles: store, demand }),
  };
}

export const openSqliteStorage = (file: string) => sqliteStorage(openSqliteDatabase(file));
