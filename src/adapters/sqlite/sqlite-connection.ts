import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { TransactionGate } from '../transaction-gate.js';
import { migrate } from './migrate.js';
import { TurnMemo } from './turn-memo.js';

/**
 * One better-sqlite3 connection as this process shares it: the stores on it, its unit of work
 * and the gate that keeps other calls out of an open transaction (see `TransactionGate`).
 */
export interface SqliteConnection {
  db: Database;
  gate: TransactionGate;
  /** Commits this connection made: `PRAGMA data_version` counts only other connections'. */
  writes: { count: number };
  /**
   * Reads that every request asks for (the content version, a code's request count), kept for
   * one turn of the event loop: each opens a read transaction on the WAL, which costs more than
   * the rest of a cached page's request.
   */
  turn: TurnMemo;
  /** `PRAGMA data_version`: changes when another connection (another process) commits. */
  othersCommits(): number;
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

export function sqliteConnection(db: Database): SqliteConnection {
  const dataVersion = db.prepare<[], number>('PRAGMA data_version').pluck();
  const turn = new TurnMemo();
  return {
    db,
    gate: new TransactionGate(),
    writes: { count: 0 },
    turn,
    othersCommits: () => turn.get('data_version', () => dataVersion.get() ?? 0),
  };
}
