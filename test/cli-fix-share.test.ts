import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, runFix } from './fix-process.js';
import { startInteractive } from './interactive-process.js';
import { BIN, ROOT } from './run-process.js';
import { startServer, type StartedServer } from './start-server.js';

const folder = mkdtempSync(join(tmpdir(), 'atlas-cli-share-'));
let server: StartedServer;
let counter = 0;

beforeAll(async () => {
  server = await startServer({ DATABASE_URL: `sqlite:${join(folder, 'server.db')}` });
});
afterAll(async () => {
  await server.stop();
  rmSync(folder, { recursive: true, force: true });
});

/** A bound for tests that start a CLI and a server, or two, on a busy 2-core machine. */
const SEVERAL_PROCESSES = 120_000;

/** The CLI's own database: a new file each run, so that each walk starts from the bundled content. */
const localDb = () => join(folder, `cli-${++counter}.db`);

const fix = (args: readonly string[], lines: readonly string[], db = localDb()) =>
  runFix(args, lines, { DATABASE_URL: `sqlite:${db}` });

interface FixStats {
  fixes: { id: string; fixed: number; stillFailing: number; couldNotDo: number }[];
}

/** The server's counts per fix of 0x80244001 on a platform (GET …/stats). */
async function stats(origin: string, platform: string): Promise<Map<string, FixStats['fixes'][0]>> {
  const response = await fetch(
    `${origin}/api/v1/articles/windows-update/0x80244001/stats?platform=${platform}`,
  );
  expect(response.status).toBe(200);
  const body = (await response.json()) as FixStats;
  return new Map(body.fixes.map((f) => [f.id, f]));
}

/** The counts that changed between two readings, as `fix: field+n`. */
function changes(
  before: Map<string, FixStats['fixes'][0]>,
  after: Map<string, FixStats['fixes'][0]>,
): string[] {
  const changed: string[] = [];
  for (const [id, now] of after) {
    const was = before.get(id)!;
    for (const field of ['fixed', 'stillFailing', 'couldNotDo'] as const)
      if (now[field] !== was[field]) changed.push(`${id}: ${field}+${now[field] - was[field]}`);
  }
  return changed;
}

const sessionIdIn = (stderr: string): string => {
  const match = /\/troubleshoot\/([A-Za-z0-9_-]{22})\)/.exec(stderr);
  if (!match?.[1]) throw new Error(`no session address in:\n${stderr}`);
  return match[1];
};

interface SessionBody {
  status: string;
  path: { code: string }[];
  steps: { fixId: string; answer: string; reason?: string; decodedCode?: string }[];
}

const session = async (id: string): Promise<SessionBody> =>
  (await (await fetch(`${server.origin}/api/v1/sessions/${id}`)).json()) as SessionBody;

/** A port on this machine where nothing listens (a server that is down). */
const closedPort = (): Promise<number> =>
  new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

describe('erratlas fix --share-outcome', { timeout: SEVERAL_PROCESSES }, () => {
  it('starts a session on the server and posts each answer: the server counts them, the CLI records nothing', async () => {
    const before = await stats(server.origin, 'windows-11');
    const db = localDb();
    const result = await fix(
      ['0x80244001', '--platform', 'windows-11', '--share-outcome', server.origin],
      ['2', '', '1'],
      db,
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'Fixed by: Repair the component store and the system files, MSXML included',
    );
    expect(result.stderr).toContain(`erratlas fix: sharing each answer with ${server.origin}`);
    expect(result.stderr).toContain(`erratlas fix: 2 answers shared with ${server.origin}\n`);
    expect(changes(before, await stats(server.origin, 'windows-11'))).toEqual([
      'restart-and-check: stillFailing+1',
      'repair-system-files: fixed+1',
    ]);
    const shared = await session(sessionIdIn(result.stderr));
    expect(shared.status).toBe('fixed');
    expect(shared.steps.map((s) => `${s.fixId}=${s.answer}`)).toEqual([
      'restart-and-check=still-failing',
      'repair-system-files=fixed',
    ]);
    expect(countRows(db, 'troubleshoot_sessions')).toBe(0);
    expect(countRows(db, 'fix_outcomes')).toBe(0);
  });

  it('shares the platform asked, a reason, the message and the jump to the code in it', async () => {
    const before = await stats(server.origin, 'windows-10');
    // Platform 2 (Windows 10); could not do step 1: a command failed, with a code; then fixed.
    const result = await fix(
      ['0x80244001', '--share-outcome', `${server.origin}/`],
      ['2', '3', '2', 'Error: 0x80070005 Access is denied.', '', '1'],
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Now walking 0x80070005');
    const shared = await session(sessionIdIn(result.stderr));
    expect(shared.path.map((leg) => leg.code)).toEqual(['0x80244001', '0x80070005']);
    expect(shared.steps[0]).toMatchObject({
      fixId: 'restart-and-check',
      answer: 'could-not',
      reason: 'command-failed',
      decodedCode: '0x80070005',
    });
    expect(shared.steps[1]?.answer).toBe('fixed');
    expect(shared.status).toBe('fixed');
    // Only the article's own fix of 0x80244001 counts there; the second was 0x80070005's.
    expect(changes(before, await stats(server.origin, 'windows-10'))).toEqual([
      'restart-and-check: couldNotDo+1',
    ]);
  });

  it("starts the server's session at the --from fix too, so the answers match", async () => {
    const result = await fix(
      [
        '0x80072EFD',
        '--platform',
        'windows-11',
        '--from',
        'reset-winhttp-proxy',
        '--share-outcome',
        server.origin,
      ],
      ['1'],
    );
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`erratlas fix: 1 answer shared with ${server.origin}\n`);
    const shared = await session(sessionIdIn(result.stderr));
    expect(shared.steps.map((s) => `${s.fixId}=${s.answer}`)).toEqual([
      'reset-winhttp-proxy=fixed',
    ]);
  });

  it('says what was shared when the input ends before the walk does', async () => {
    const before = await stats(server.origin, 'windows-8.1');
    const result = await fix(
      ['0x80244001', '--platform', 'windows-8.1', '--share-outcome', server.origin],
      ['2', ''],
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `input ended before the walk-through did; 1 answer shared with ${server.origin}, nothing else recorded`,
    );
    expect(changes(before, await stats(server.origin, 'windows-8.1'))).toEqual([
      'restart-and-check: stillFailing+1',
    ]);
  });

  it('walks on when the server is down, and says the outcome was not shared', async () => {
    const down = `http://127.0.0.1:${await closedPort()}`;
    const result = await fix(
      ['0x80244001', '--platform', 'windows-11', '--share-outcome', down],
      ['2', '', '1'],
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Fixed by: Repair the component store');
    expect(result.stderr).toContain(
      `erratlas fix: the outcome cannot be shared with ${down}: it could not be reached (ECONNREFUSED); the walk goes on without sharing`,
    );
    expect(result.stderr).toContain(`erratlas fix: the outcome was not shared with ${down}\n`);
  });

  it('walks on when the server stops in the middle, saying from which answer on nothing was shared', async () => {
    const own = await startServer({ DATABASE_URL: `sqlite:${join(folder, 'stops.db')}` });
    const cli = startInteractive(
      process.execPath,
      [BIN, 'fix', '0x80244001', '--platform', 'windows-11', '--share-outcome', own.origin],
      { DATABASE_URL: `sqlite:${localDb()}` },
      ROOT,
    );
    try {
      await cli.waitFor('Did it work?');
      cli.type('2\n\n');
      await cli.waitFor('Step 2 of 7');
      await own.stop();
      cli.type('1\n');
      const result = await cli.exited;
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('Fixed by: Repair the component store');
      expect(result.stderr).toContain(
        `erratlas fix: answer 2 was not shared with ${own.origin}: it could not be reached`,
      );
      expect(result.stderr).toContain(
        `erratlas fix: 1 answer shared with ${own.origin} before sharing stopped`,
      );
    } finally {
      cli.end();
      await own.stop();
    }
  });

  it('stops sharing when the server shows another fix than the local walk (their outcomes differ)', async () => {
    // The local database has seen MSXML's re-registration work for 40 people and the restart
    // fail for 40: it leads the safe fixes here, while the server still starts with the restart.
    const db = localDb();
    expect((await fix(['0x80244001', '--platform', 'windows-11'], [], db)).code).toBe(1);
    const handle = new Database(db);
    const insert = handle.prepare(
      `INSERT INTO fix_outcomes (source_id, product, code, fix_id, platform, answer, at)
       VALUES (?, 'windows-update', '0x80244001', ?, 'windows-11', ?, '2026-12-01T00:00:00.000Z')`,
    );
    for (let i = 0; i < 40; i++) {
      insert.run(`seed-${i}`, 'reregister-msxml3', 'fixed');
      insert.run(`seed-${i}`, 'restart-and-check', 'still-failing');
    }
    handle.close();
    const before = await stats(server.origin, 'windows-11');
    const result = await fix(
      ['0x80244001', '--platform', 'windows-11', '--share-outcome', server.origin],
      ['1'],
      db,
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Step 1 of 7 for 0x80244001: Register MSXML 3.0 again');
    expect(result.stderr).toContain(
      `answer 1 is not shared: ${server.origin} shows "restart-and-check" at this step, not "reregister-msxml3"`,
    );
    expect(result.stderr).toContain(`the outcome was not shared with ${server.origin}`);
    expect(changes(before, await stats(server.origin, 'windows-11'))).toEqual([]);
  });

  it.each([
    [
      ['--share-outcome', 'errors.example.com'],
      '--share-outcome "errors.example.com" is not a URL',
    ],
    [['--share-outcome', 'ftp://errors.example.com'], 'is not an http(s) URL'],
    [
      ['--share-outcome', 'http://me:secret@errors.example.com'],
      'has a query, a fragment or credentials',
    ],
    [
      ['--share-outcome', 'http://localhost:3000', '--script', 'cmd'],
      'a script asks nothing to share',
    ],
  ])('exits 2 for %j with a message on stderr', async (args, message) => {
    const result = await fix(['0x80244001', '--platform', 'windows-11', ...args], ['1']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(message);
  });
});
