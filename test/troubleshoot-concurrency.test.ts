import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type StartedServer } from './start-server.js';

const folder = mkdtempSync(join(tmpdir(), 'atlas-troubleshoot-'));
const dbFile = join(folder, 'atlas.db');
let server: StartedServer;

beforeAll(async () => {
  // Behind one proxy: each simulated person has their own address (the rate limit is per address).
  server = await startServer({ DATABASE_URL: `sqlite:${dbFile}`, TRUST_PROXY: '1' });
});
afterAll(async () => {
  await server.stop();
  rmSync(folder, { recursive: true, force: true });
});

const SESSIONS = 200;
const START = '/windows-update/0x80244001/troubleshoot';

const post = (path: string, fields: Record<string, string>, person: number) =>
  fetch(`${server.origin}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      origin: server.origin,
      'sec-fetch-site': 'same-origin',
      'x-forwarded-for': `10.0.${Math.floor(person / 250)}.${(person % 250) + 1}`,
    },
    body: new URLSearchParams(fields).toString(),
  });

describe('outcomes under 200 concurrent sessions on the real server', () => {
  it('counts every answer exactly once, also when each is posted twice at the same time', async () => {
    const people = Array.from({ length: SESSIONS }, (_, i) => i);
    const sessions = await Promise.all(
      people.map(async (person) => {
        const response = await post(START, { platform: 'windows-11' }, person);
        expect(response.status).toBe(303);
        return response.headers.get('location') ?? '';
      }),
    );
    expect(new Set(sessions).size).toBe(SESSIONS);

    const answer = (session: string, person: number, fields: Record<string, string>) =>
      Promise.all([post(session, fields, person), post(session, fields, person)]);
    const first = await Promise.all(
      sessions.map((s, person) =>
        answer(s, person, { step: '0', fix: 'restart-and-check', answer: 'still-failing' }),
      ),
    );
    expect(first.flat().map((r) => r.status)).toEqual(Array(SESSIONS * 2).fill(303));
    // Half of the people: the second fix worked; the other half could not do it.
    await Promise.all(
      sessions.map((s, person) =>
        answer(s, person, {
          step: '1',
          fix: 'repair-system-files',
          answer: person % 2 === 0 ? 'fixed' : 'could-not',
        }),
      ),
    );

    const db = new BetterSqlite3(dbFile, { readonly: true });
    try {
      const rows = db
        .prepare(
          'SELECT fix_id, answer, count(*) AS n FROM fix_outcomes GROUP BY fix_id, answer ORDER BY fix_id, answer',
        )
        .all();
      expect(rows).toEqual([
        { fix_id: 'repair-system-files', answer: 'could-not', n: SESSIONS / 2 },
        { fix_id: 'repair-system-files', answer: 'fixed', n: SESSIONS / 2 },
        { fix_id: 'restart-and-check', answer: 'still-failing', n: SESSIONS },
      ]);
      const steps = db
        .prepare('SELECT steps, count(*) AS n FROM troubleshoot_sessions GROUP BY steps')
        .all();
      expect(steps).toEqual([{ steps: 2, n: SESSIONS }]);
    } finally {
      db.close();
    }
  }, 60_000);
});
