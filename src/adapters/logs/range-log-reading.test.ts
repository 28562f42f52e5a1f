import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { LOG_FIXTURES, shippedLogRules } from '../../test-support/shipped-log-rules.js';
import { cbsLine, wuLine } from '../../../bench/log-lines.mjs';
import { rulePatterns } from '../../core/logs/log-rule-schema.js';
import type { AnalyserResult } from '../../core/logs/log-analyser.js';
import { MAX_LINE_CHARS } from '../../core/logs/text-decoding.js';
import { catalog } from '../../test-support/analyse-log-text.js';
import { readLogWithBuffers } from './buffer-ascii-text.js';
import { RANGE_DEFAULTS, rangeLogReader } from './range-log-reading.js';
import { readLogSources } from './read-log-sources.js';

/**
 * A log file read by worker threads at offsets (and by this thread, piece by piece) must answer
 * exactly what one thread reading it from start to end answers. The workers run the built
 * script (dist/, as the CLI does); this thread runs the sources. Pieces here are small so that
 * every log is cut many times, and this thread waits for the workers to start before it takes
 * pieces (a small file would otherwise be read here before a worker is up).
 */
const WORKER = new URL('../../../dist/adapters/logs/piece-worker.js', import.meta.url);
const FIXTURES = LOG_FIXTURES;
const rules = shippedLogRules;
const patterns = rulePatterns(rules);
const dir = mkdtempSync(join(tmpdir(), 'atlas-range-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function readWith(
  readLog: typeof readLogWithBuffers,
  path: string,
  since?: string,
): Promise<AnalyserResult> {
  for await (const source of readLogSources([path], dir)) {
    if (!('chunks' in source)) throw new Error(source.refused);
    return readLog(source, { file: source.name, catalog, patterns, since }, () => undefined);
  }
  throw new Error('no source');
}

async function both(
  name: string,
  bytes: Uint8Array,
  pieceBytes: number,
  since?: string,
): Promise<{
  one: AnalyserResult;
  threads: AnalyserResult;
  pieces: number;
  byWorkers: number;
  here: number;
}> {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  const stats = { pieces: 0, byWorkers: 0, here: 0 };
  const read = rangeLogReader({
    ...RANGE_DEFAULTS,
    workers: 2,
    pieceBytes,
    minBytes: 0,
    maxLoad: Infinity,
    awaitWorkers: true,
    workerUrl: WORKER,
    stats,
  });
  const threads = await readWith(read, path, since);
  const one = await readWith(readLogWithBuffers, path, since);
  return { one, threads, ...stats };
}

const repeated = (name: string, lines: number): Buffer => {
  const one = readFileSync(new URL(name, FIXTURES));
  const newlines = Math.max(1, one.filter((b) => b === 0x0a).length);
  return Buffer.concat(Array.from({ length: Math.ceil(lines / newlines) }, () => one));
};

describe('a log file read at offsets on worker threads answers what one thread answers', () => {
  it('on every fixture, repeated, in pieces of a few lines', async () => {
    for (const name of ['CBS.log', 'dism.log', 'WindowsUpdate.log', 'trace.txt', 'setupact.log']) {
      const { one, threads, pieces, byWorkers } = await both(name, repeated(name, 800), 1500);
      expect(threads, name).toEqual(one);
      // Proof pieces were read elsewhere and merged, not quietly read in one pass.
      expect(pieces, name).toBeGreaterThan(3);
      expect(byWorkers, name).toBeGreaterThan(0);
    }
  });

  it("on the bench's generated logs, in pieces of random sizes", async () => {
    for (const [name, lineOf] of [
      ['CBS.log', cbsLine],
      ['WindowsUpdate.log', wuLine],
    ] as const) {
      const bytes = Buffer.from(
        Array.from({ length: 40_000 }, (_, i) => `${lineOf(i)}\r\n`).join(''),
        'latin1',
      );
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 20_000, max: 900_000 }), async (pieceBytes) => {
          const { one, threads, pieces, byWorkers } = await both(name, bytes, pieceBytes);
          expect(threads).toEqual(one);
          expect(pieces).toBeGreaterThan(0);
          expect(byWorkers).toBeGreaterThan(0);
        }),
        { numRuns: 4 },
      );
    }
  }, 120_000);

  it('an overlong line: its piece is read in one pass here, the others are merged', async () => {
    const lines = repeated('CBS.log', 400).toString('latin1').split('\n');
    // Near the end: in the last piece, which a worker always takes first.
    lines.splice(
      lines.length - 3,
      0,
      `${'x'.repeat(MAX_LINE_CHARS + 10)} [HRESULT = 0x80070005]\r`,
    );
    const bytes = Buffer.from(lines.join('\n'), 'latin1');
    const { one, threads, pieces, byWorkers, here } = await both('CBS.log', bytes, 4000);
    expect(threads).toEqual(one);
    expect(here).toBeGreaterThan(0);
    // How many pieces the workers take depends on how busy the machine is; each of the two
    // holds at least its first one (the test waits for that): the overlong line's, read again
    // here, and one more, merged.
    expect(byWorkers).toBeGreaterThanOrEqual(2);
    expect(pieces).toBeGreaterThan(0);
  });

  it('a worker that cannot start: this thread reads its pieces, with the same answer', async () => {
    const bytes = repeated('CBS.log', 800);
    const path = join(dir, 'CBS.log');
    writeFileSync(path, bytes);
    const stats = { pieces: 0, byWorkers: 0, here: 0, mine: 0 };
    const read = rangeLogReader({
      ...RANGE_DEFAULTS,
      pieceBytes: 1500,
      minBytes: 0,
      maxLoad: Infinity,
      awaitWorkers: true,
      workerUrl: new URL('./no-such-worker.js', WORKER),
      stats,
    });
    expect(await readWith(read, path)).toEqual(await readWith(readLogWithBuffers, path));
    expect(stats.byWorkers).toBe(0);
    expect(stats.mine).toBeGreaterThan(3);
  });

  it('reads in one thread while the load average leaves no core to spare', async () => {
    const path = join(dir, 'CBS.log');
    writeFileSync(path, repeated('CBS.log', 800));
    const stats = { pieces: 0, byWorkers: 0, here: 0, mine: 0 };
    // No load is below -1: as on a machine whose cores are all busy.
    const read = rangeLogReader({
      ...RANGE_DEFAULTS,
      pieceBytes: 1500,
      minBytes: 0,
      maxLoad: -1,
      workerUrl: WORKER,
      stats,
    });
    expect(await readWith(read, path)).toEqual(await readWith(readLogWithBuffers, path));
    expect(stats).toEqual({ pieces: 0, byWorkers: 0, here: 0, mine: 0 });
  });

  it('reads --since in one pass (no pieces), and a file without a final line end in pieces', async () => {
    const bytes = repeated('CBS.log', 500);
    const since = '2024-03-05 14:05:01';
    const a = await both('CBS.log', bytes, 1500, since);
    expect(a.threads).toEqual(a.one);
    // --since is not merged from pieces: the whole file is read in this thread.
    expect(a.pieces).toBe(0);
    expect(a.byWorkers).toBe(0);
    const cut = bytes.subarray(0, bytes.lastIndexOf(0x0a) - 5);
    const b = await both('CBS.log', cut, 1500);
    expect(b.threads).toEqual(b.one);
    expect(b.pieces).toBeGreaterThan(3);
    if (!b.threads.ok) throw new Error(b.threads.reason);
    expect(b.threads.analysis.notices.join(' ')).toContain('cut mid-line');
  });
});
