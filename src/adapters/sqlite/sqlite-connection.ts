import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { TransactionGate } from '../transaction-gate.js';
import { migrate } from './migrate.js';

/**
 * One better-sqlite3 connection as this process shares it: the stores on it, its unit of work
 * and the gate that keeps other calls out of an open transaction (see `TransactionGate`).
 */
export interface SqliteConnection {
  db: Database;
  gate: TransactionGate;
  /** Commits this connection made: `PRAGMA data_version` counts only other connections'. */
  writes: { count: number };
}

/** Opens (creating the file and its folder if needed) and migrates a SQLite database. */
export function openSqliteDatabase(file: string): Database {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

export const sqliteConnection = (db: Database): SqliteConnection => ({
  db,
  gate: new TransactionGate(),
  writes: { count: 0 },
});
