import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Database } from 'better-sqlite3';

/** `migrations/sqlite/` at the project root, from `src/…` (tests) and from `dist/…` alike. */
export const SQLITE_MIGRATIONS_DIR = fileURLToPath(
  new URL('../../../migrations/sqlite/', import.meta.url),
);

const MIGRATION_FILE = /^(\d{3})_[a-z0-9_]+\.sql$/;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function readMigrations(dir: string = SQLITE_MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((name) => MIGRATION_FILE.test(name))
    .sort()
    .map((name) => ({
      version: Number(MIGRATION_FILE.exec(name)?.[1]),
      name,
      sql: readFileSync(`${dir}/${name}`, 'utf8'),
    }));
}

/**
 * Applies the pending migrations, forward only, all in one transaction: a failure leaves the
 * database exactly as it was. Returns the versions applied.
 */
export function migrate(db: Database, migrations: Migration[] = readMigrations()): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const applied = new Set(
    db
      .prepare<[], { version: number }>('SELECT version FROM schema_migrations')
      .all()
      .map((row) => row.version),
  );
  const pending = migrations.filter((m) => !applied.has(m.version));
  const record = db.prepare(
    'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
  );
  db.transaction(() => {
    for (const migration of pending) {
      db.exec(migration.sql);
      record.run(migration.version, migration.name, new Date().toISOString());
    }
  })();
  return pending.map((m) => m.version);
}
