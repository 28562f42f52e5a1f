import { existsSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { readMigrations } from './migrate.js';

export type ReadOnlyOpen =
  { kind: 'opened'; db: Database } | { kind: 'absent' } | { kind: 'unusable'; reason: string };

/**
 * Opens an existing SQLite database for reading only: never creates the file or its folder,
 * never migrates. A file that is not a database, or one whose schema is behind this version,
 * is `unusable` (with the reason), so the caller can fall back instead of failing or writing.
 */
export function openSqliteReadOnly(file: string): ReadOnlyOpen {
  if (!existsSync(file)) return { kind: 'absent' };
  let db: Database | undefined;
  try {
    db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
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
