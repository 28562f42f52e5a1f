import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteDatabase } from '../adapters/sqlite/sqlite-connection.js';
import { readMigrations } from '../adapters/sqlite/migrate.js';
import { SqliteStorageHealth } from '../adapters/sqlite/sqlite-storage-health.js';
import { checkReadiness } from '../app/check-readiness.js';
import { compose } from '../compose.js';
import { BUNDLED_CONTENT_DIR, BUNDLED_DATA_DIR } from '../config.js';
import { composeForTest } from '../test-support/compose-for-test.js';
import { createHttpApp } from './create-http-app.js';

const folders: string[] = [];
const freshFile = (): string => {
  const folder = mkdtempSync(join(tmpdir(), 'atlas-ops-'));
  folders.push(folder);
  return join(folder, 'atlas.db');
};
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('/healthz', () => {
  it('answers ok without asking the database, for GET and HEAD', async () => {
    const composed = await composeForTest();
    const app = createHttpApp(composed.deps);
    await composed.close();
    // The store is closed: liveness still answers, since a database outage is not a reason
    // to restart the process.
    const get = await app.request('/healthz');
    expect(get.status).toBe(200);
    expect(await get.text()).toBe('ok');
    const head = await app.request('/healthz', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});

describe('/readyz', () => {
  it('answers 200 when the database answers, is migrated and the content is synced', async () => {
    const composed = await composeForTest({ kind: 'sqlite', file: freshFile() });
    const app = createHttpApp(composed.deps, { readiness: composed.readiness });
    const answer = await app.request('/readyz');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(await answer.json()).toEqual({
      ready: true,
      checks: { database: 'ok', migrations: 'ok', content: 'ok' },
    });
    await composed.close();
  });

  it('answers 503 with the reason when the database cannot be reached', async () => {
    const composed = await composeForTest({ kind: 'sqlite', file: freshFile() });
    const app = createHttpApp(composed.deps, { readiness: composed.readiness });
    await composed.close();
    const answer = await app.request('/readyz');
    expect(answer.status).toBe(503);
    const body = (await answer.json()) as { reason: string; checks: object };
    expect(body.reason).toContain('the database cannot be reached');
    expect(body.checks).toEqual({ database: 'failed', migrations: 'pending', content: 'ok' });
  });

  it('answers 503 naming the migrations this version ships that the database lacks', async () => {
    const db = openSqliteDatabase(freshFile());
    const shipped = [
      ...readMigrations(),
      { version: 999, name: '999_future_table.sql', sql: 'CREATE TABLE future (x)' },
    ];
    const composed = await composeForTest();
    const app = createHttpApp(composed.deps, {
      readiness: () => checkReadiness(new SqliteStorageHealth(db, shipped), () => true),
    });
    const answer = await app.request('/readyz');
    expect(answer.status).toBe(503);
    expect(await answer.json()).toMatchObject({
      ready: false,
      reason: 'migrations not applied: 999_future_table.sql',
      checks: { database: 'ok', migrations: 'pending', content: 'ok' },
    });
    db.close();
    await composed.close();
  });

  it('answers 503 while the bundled content has not been synced', async () => {
    const composed = await compose(
      {
        port: 0,
        database: { kind: 'memory' },
        contentDir: BUNDLED_CONTENT_DIR,
        dataDir: BUNDLED_DATA_DIR,
      },
      { syncBundledContent: false },
    );
    const app = createHttpApp(composed.deps, { readiness: composed.readiness });
    const answer = await app.request('/readyz');
    expect(answer.status).toBe(503);
    expect(await answer.json()).toMatchObject({
      reason: 'the bundled content has not been synced yet',
      checks: { content: 'pending' },
    });
    await composed.close();
  });

  it('answers 503 once a shutdown drain has begun, so balancers send no more', async () => {
    const composed = await composeForTest();
    let draining = false;
    const app = createHttpApp(composed.deps, {
      readiness: composed.readiness,
      draining: () => draining,
    });
    expect((await app.request('/readyz')).status).toBe(200);
    draining = true;
    const answer = await app.request('/readyz');
    expect(answer.status).toBe(503);
    const body = (await answer.json()) as { ready: boolean; reason: string };
    expect(body.ready).toBe(false);
    expect(body.reason).toContain('shutting down');
    await composed.close();
  });

  it('does not claim readiness when no check was wired in', async () => {
    const composed = await composeForTest();
    const answer = await createHttpApp(composed.deps).request('/readyz');
    expect(answer.status).toBe(503);
    await composed.close();
  });
});
