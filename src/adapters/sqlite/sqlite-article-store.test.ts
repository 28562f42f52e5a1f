import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { describeArticleStoreContract } from '../contract/article-store.contract.js';
import { migrate, readMigrations } from './migrate.js';
import { SqliteArticleStore } from './sqlite-article-store.js';
import { openSqliteStorage } from './sqlite-storage.js';
import { describeUnitOfWorkContract } from '../contract/unit-of-work.contract.js';

const folder = mkdtempSync(join(tmpdir(), 'atlas-sqlite-'));
let counter = 0;
afterAll(() => rmSync(folder, { recursive: true, force: true }));

// A real file each time, in WAL mode, as the server uses it.
describeArticleStoreContract(
  'sqlite',
  () => SqliteArticleStore.open(join(folder, `store-${++counter}.db`)),
  () => {
    // Two connections to one file, as the server and a CLI import have.
    const file = join(folder, `pair-${++counter}.db`);
    return [SqliteArticleStore.open(file), SqliteArticleStore.open(file)];
  },
);

describeUnitOfWorkContract('sqlite', () => openSqliteStorage(join(folder, `unit-${++counter}.db`)));

describe('SQLite migrations', () => {
  it('apply once, in order, and a second start applies nothing', () => {
    const db = new BetterSqlite3(join(folder, 'migrate.db'));
    const versions = readMigrations().map((m) => m.version);
    expect(migrate(db)).toEqual(versions);
    expect(migrate(db)).toEqual([]);
    db.close();
  });

  it('leave the database untouched when one migration fails', () => {
    const db = new BetterSqlite3(join(folder, 'broken.db'));
    const broken = [
      { version: 1, name: '001_ok.sql', sql: 'CREATE TABLE first (x INTEGER);' },
      { version: 2, name: '002_bad.sql', sql: 'CREATE TABLE oops (;' },
    ];
    expect(() => migrate(db, broken)).toThrow();
    const tables = db
      .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'")
      .all()
      .map((row) => row.name);
    expect(tables).not.toContain('first');
    expect(db.prepare('SELECT count(*) AS n FROM schema_migrations').get()).toEqual({ n: 0 });
    db.close();
  });

  it('runs the database in WAL mode', () => {
    const store = SqliteArticleStore.open(join(folder, 'wal.db'));
    const db = new BetterSqlite3(join(folder, 'wal.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    void store.close();
  });
});

describe('SQLite content version', () => {
  it('changes, from the next turn of the event loop, when another connection writes', async () => {
    const file = join(folder, 'shared.db');
    const server = SqliteArticleStore.open(file);
    const cli = SqliteArticleStore.open(file);
    const before = await server.contentVersion();
    await cli.saveProcedure(
      { id: 'p', title: 'P', actions: [{ step: 'Restart the PC' }] },
      'x',
      '2026-11-26T10:00:00.000Z',
    );
    // A request that arrives after the other process's commit runs in a later turn.
    await new Promise((resolve) => setImmediate(resolve));
    expect(await server.contentVersion()).not.toBe(before);
    await cli.close();
    await server.close();
  });
});
