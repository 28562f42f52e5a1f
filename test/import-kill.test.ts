import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatedCode, writeGeneratedArticles } from './generated-articles.js';
import { BIN, ROOT } from './run-process.js';

const COUNT = 500;
const folder = mkdtempSync(join(tmpdir(), 'atlas-kill-'));
const articles = join(folder, 'articles');
const oneArticle = join(folder, 'one-article');
let runs = 0;

beforeAll(() => {
  writeGeneratedArticles(articles, COUNT);
  writeGeneratedArticles(oneArticle, 1);
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

interface Run {
  db: string;
  /** How the process ended: its exit code, or the signal that ended it. */
  ended: number | NodeJS.Signals | null;
  ms: number;
  /** The largest its WAL file grew while it ran. */
  peakWal: number;
}

/** When to kill an import: after some milliseconds, or once its WAL file passes a size. */
type KillAt = { afterMs: number } | { walBytes: number } | undefined;

const walSize = (db: string): number => {
  try {
    return statSync(`${db}-wal`).size;
  } catch {
    return 0;
  }
};

/**
 * Runs `erratlas import <dir> --db <fresh file>`, SIGKILLed at `killAt`. A WAL size is the
 * sign that saving has begun: parsing writes nothing, and a transaction too large for the
 * page cache spills its pages into the WAL before it commits.
 */
function importRun(killAt?: KillAt, dir = articles): Promise<Run> {
  const db = join(folder, `run-${++runs}.db`);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'import', dir, '--db', db], {
      cwd: ROOT,
      stdio: 'ignore',
    });
    let peakWal = 0;
    const timer =
      killAt && 'afterMs' in killAt
        ? setTimeout(() => child.kill('SIGKILL'), killAt.afterMs)
        : undefined;
    const watch = setInterval(() => {
      const size = walSize(db);
      peakWal = Math.max(peakWal, size);
      if (killAt && 'walBytes' in killAt && size > killAt.walBytes) child.kill('SIGKILL');
    }, 1);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      clearInterval(watch);
      resolve({ db, ended: signal ?? code, ms: performance.now() - started, peakWal });
    });
  });
}

/** How many of the generated articles the database holds (0 when no file was made). */
function storedGenerated(file: string): number {
  if (!existsSync(file)) return 0;
  // Read-write: opening recovers what a killed writer left in the WAL, as the server would.
  const db = new BetterSqlite3(file);
  try {
    const hasTable = db
      .prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'articles'")
      .pluck()
      .get();
    if (hasTable === 0) return 0;
    return db
      .prepare<[string, string], number>('SELECT count(*) FROM articles WHERE code BETWEEN ? AND ?')
      .pluck()
      .get(generatedCode(0), generatedCode(COUNT - 1)) as number;
  } finally {
    db.close();
  }
}

describe(`erratlas import of ${COUNT} articles, killed part-way`, () => {
  it('leaves all of them or none in the database, wherever it is killed', async () => {
    const whole = await importRun();
    expect(whole.ended).toBe(0);
    expect(storedGenerated(whole.db)).toBe(COUNT);

    // What start-up and one article leave in the WAL: more than that means saving has begun.
    const small = await importRun(undefined, oneArticle);
    expect(small.ended).toBe(0);
    const baseline = small.peakWal;
    expect(baseline).toBeGreaterThan(0);

    const killPoints: KillAt[] = [
      // While starting and while reading the files…
      { afterMs: Math.round(whole.ms * 0.4) },
      { afterMs: Math.round(whole.ms * 0.8) },
      // …and while saving: soon after it begins, a third of the way, two thirds.
      { walBytes: baseline + 64 * 1024 },
      { walBytes: baseline + 1024 * 1024 },
      { walBytes: baseline + 2 * 1024 * 1024 },
    ];
    const outcomes: { killAt: KillAt; ended: Run['ended']; stored: number }[] = [];
    for (const killAt of killPoints) {
      const run = await importRun(killAt);
      outcomes.push({ killAt, ended: run.ended, stored: storedGenerated(run.db) });
    }
    const report = JSON.stringify(outcomes);
    for (const outcome of outcomes) expect([0, COUNT], report).toContain(outcome.stored);
    // The kills must land while the import runs (most of them while it saves), or the test
    // proves nothing.
    const killed = outcomes.filter((o) => o.ended === 'SIGKILL');
    expect(killed.length, report).toBeGreaterThanOrEqual(4);
    expect(
      killed.filter((o) => o.killAt && 'walBytes' in o.killAt).length,
      report,
    ).toBeGreaterThanOrEqual(2);
    for (const outcome of outcomes.filter((o) => o.ended !== 'SIGKILL')) {
      expect(outcome, report).toMatchObject({ ended: 0, stored: COUNT });
    }
  }, 180_000);
});
