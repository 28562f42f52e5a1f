import type { Database } from 'better-sqlite3';
import type { StorageHealth } from '../../core/health-ports.js';
import { readMigrations, type Migration } from './migrate.js';

/** Readiness of one SQLite file: a `SELECT 1`, and the shipped migrations against the applied. */
export class SqliteStorageHealth implements StorageHealth {
  constructor(
    private readonly db: Database,
    private readonly shipped: readonly Migration[] = readMigrations(),
  ) {}

  ping(): Promise<void> {
    return Promise.resolve().then(() => {
      this.db.prepare('SELECT 1').get();
    });
  }

  pendingMigrations(): Promise<string[]> {
    return Promise.resolve().then(() => {
      const applied = new Set(
        this.db
          .prepare<[], { version: number }>('SELECT version FROM schema_migrations')
          .all()
          .map((row) => row.version),
      );
      return this.shipped.filter((m) => !applied.has(m.version)).map((m) => m.name);
    });
  }
}
