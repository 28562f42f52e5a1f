import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteReadOnly } from './open-read-only.js';
import { openSqliteDatabase } from './sqlite-connection.js';

const folder = mkdtempSync(join(tmpdir(), 'atlas-ro-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('openSqliteReadOnly', () => {
  it('creates neither the file nor its folder when there is none', () => {
    const file = join(folder, 'no/such/atlas.db');
    expect(openSqliteReadOnly(file)).toEqual({ kind: 'absent' });
    expect(existsSync(join(folder, 'no'))).toBe(false);
  });

  it('opens a migrated database and refuses every write through it', () => {
    const file = join(folder, 'migrated.db');
    openSqliteDatabase(file).close();
    const opened = openSqliteReadOnly(file);
    if (opened.kind !== 'opened') throw new Error(`not opened: ${JSON.stringify(opened)}`);
    expect(() => opened.db.exec("INSERT INTO bundled_files VALUES ('x', 'y')")).toThrow(
      /readonly|read-only|query_only/i,
    );
    opened.db.close();
  });

  it('calls a database whose schema is behind unusable, and does not migrate it', () => {
    const file = join(folder, 'old.db');
    new BetterSqlite3(file).exec('CREATE TABLE t (x)').close();
    const opened = openSqliteReadOnly(file);
    expect(opened.kind).toBe('unusable');
    expect(opened.kind === 'unusable' ? opened.reason : '').toMatch(
      /^its schema is at version 0, this version of Error Atlas needs \d+$/,
    );
    const db = new BetterSqlite3(file);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all()).toEqual(
      ['t'],
    );
    db.close();
  });
});
