import { existsSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { readMigrations } from './migrate.js';

export type ReadOnlyOpen =
  { kind: 'opened'; db: Database } | { kind: 'absent' } | { kind: 'unusable'; reason: string };

/**
 * The connection: `query_only` refuses every write through it. It is opened read-write where
 * the file allows so that SQLite can remove the `-wal`/`-shm` files it makes beside a WAL
 * database when the connection closes (a `readonly` connection leaves them behind); where
 * the file may not be written, `readonly` it is.
 */
function connect(file: string): Database {
  let db: Database;
  try {
    db = new BetterSqlite3(file, { fileMustExist: true });
  } catch {
    db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  }
  db.pragma('query_only = ON');
  return db;
}

/**
 * Opens an existing SQLite database for reading only: never creates the file or its folder,
 * never migrates, never writes. A file that is not a database, or one whose schema is behind
 * this version, is `unusable` (with the reason), so the caller can fall back instead.
 */
export function openSqliteReadOnly(file: string): ReadOnlyOpen {
  if (!existsSync(file)) return { kind: 'absent' };
  let db: Database | undefined;
  try {
    db = connect(file);
    db.pragma('busy_timeout = 5000');
    const latest = Math.max(0, ...readMigrations().map((m) => m.version));
    const hasTable = db
      .prepare<[], number>(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'",
      )
      .pluck()
      .get();
    const version = hasTable
      ? (db
          .prepare<[], number | null>('SELECT max(version) FROM schema_migrations')
          .pluck()
          .get() ?? 0)
      : 0;
    if (version < latest) {
      db.close();
      return {
        kind: 'unusable',
        reason: `its schema is at version ${version}, this version of Error Atlas needs ${latest}`,
      };
    }
    return { kind: 'opened', db };
  } catch (error) {
    db?.close();
    return { kind: 'unusable', reason: (error as Error).message };
  }
}
