import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LogAnalyser, type AnalyserResult } from '../../core/logs/log-analyser.js';
import { type LogRule, readLogRule, rulePatterns } from '../../core/logs/log-rule-schema.js';
import { MAX_LINE_CHARS } from '../../core/logs/text-decoding.js';
import { catalog } from '../../test-support/analyse-log-text.js';
import { PARALLEL_DEFAULTS, parallelLogReader } from './parallel-log-reading.js';

/**
 * Reading a log on worker threads must answer exactly what reading it in one thread answers.
 * The workers run the built script (dist/, as the CLI does); this thread runs the sources.
 * Pieces here are tiny so that every log is cut many times, and hits fall on the cuts.
 */
const WORKER = new URL('../../../dist/adapters/logs/summary-worker.js', import.meta.url);
const FIXTURES = new URL('../../../test/logs/', import.meta.url);
const RULES_DIR = fileURLToPath(new URL('../../../content/log-rules/', import.meta.url));
const rules: LogRule[] = readdirSync(RULES_DIR)
  .filter((f) => f.endsWith('.yaml'))
  .map((file) => {
    const result = readLogRule(file, readFileSync(join(RULES_DIR, file), 'utf8'));
    if (!result.ok) throw new Error(file);
    return result.rule;
  });
const patterns = rulePatterns(rules);

/** The bytes as a stream of chunks ending at `cuts`, one per turn of the event loop. */
async function* chunked(bytes: Uint8Array, cuts: readonly number[]): AsyncGenerator<Uint8Array> {
  for (const chunk of cutAt(bytes, cuts)) yield await Promise.resolve(chunk);
}

function cutAt(bytes: Uint8Array, cuts: readonly number[]): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  let at = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    if (cut <= at || cut >= bytes.length) continue;
    chunks.push(bytes.slice(at, cut));
    at = cut;
  }
  if (at < bytes.length) chunks.push(bytes.slice(at));
  return chunks;
}

const evenCuts = (length: number, size: number): number[] =>
  Array.from({ length: Math.ceil(length / size) }, (_, i) => i * size);

function oneThread(name: string, bytes: Uint8Array, since?: string): AnalyserResult {
  const analyser = new LogAnalyser({ file: name, catalog, patterns, since });
  for (let i = 0; i < bytes.length; i += 4096) analyser.push(bytes.subarray(i, i + 4096));
  return analyser.end();
}

async function threads(
  name: string,
  bytes: Uint8Array,
  cuts: readonly number[],
  pieceBytes: number,
  since?: string,
): Promise<{ result: AnalyserResult; pieces: number }> {
  const stats = { pieces: 0 };
  const read = parallelLogReader({
    ...PARALLEL_DEFAULTS,
    pieceBytes,
    minBytes: 0,
    inFlight: 3,
    workerUrl: WORKER,
    stats,
  });
  const result = await read(
    { name, chunks: chunked(bytes, cuts), size: bytes.length },
    { file: name, catalog, patterns, since },
    () => undefined,
  );
  return { result, pieces: stats.pieces };
}

const repeated = (name: string, lines: number): Buffer => {
  const one = readFileSync(new URL(name, FIXTURES));
  const newlines = Math.max(1, one.filter((b) => b === 0x0a).length);
  return Buffer.concat(Array.from({ length: Math.ceil(lines / newlines) }, () => one));
};

describe('a log read on worker threads answers what one thread answers', () => {
  it('on every fixture, repeated, cut into pieces of a few lines', async () => {
    for (const name of ['CBS.log', 'dism.log', 'WindowsUpdate.log', 'trace.txt', 'setupact.log']) {
      const bytes = repeated(name, 400);
      for (const piece of [300, 2048]) {
        const { result, pieces } = await threads(name, bytes, evenCuts(bytes.length, 777), piece);
        expect(result, `${name} in pieces of ${piece}`).toEqual(oneThread(name, bytes));
        // Proof the workers did the reading, not a quiet fall-back to this thread.
        expect(pieces, name).toBeGreaterThan(3);
      }
    }
  });

  it('a hit line cut in two by the chunks, and a finding whose neighbours are in the next piece', async () => {
    const plain = (i: number): string =>
      `2024-03-05 14:05:${String(i % 60).padStart(2, '0')}, Info                  CBS    Plain step ${i}`;
    const hit =
      '2024-03-05 14:06:00, Info                  CBS    Failed [HRESULT = 0x800f081f - CBS_E_SOURCE_MISSING]';
    const lines = [
      ...Array.from({ length: 60 }, (_, i) => plain(i)),
      hit,
      plain(61),
      plain(62),
      ...Array.from({ length: 60 }, (_, i) => plain(i + 63)),
    ];
    const bytes = new TextEncoder().encode(`${lines.join('\r\n')}\r\n`);
    const at = Buffer.from(bytes).indexOf('HRESULT');
    // The chunk ends inside the hit; the piece ends right after it (pieces are cut at line ends).
    const lineEnd = Buffer.from(bytes).indexOf('\n', at) + 1;
    const { result, pieces } = await threads('CBS.log', bytes, [4096, at + 3, lineEnd], 1000);
    expect(pieces).toBeGreaterThan(0);
    expect(result).toEqual(oneThread('CBS.log', bytes));
    if (!result.ok) throw new Error(result.reason);
    expect(result.analysis.findings[0]).toMatchObject({
      code: '0x800F081F',
      line: 61,
      after: [plain(61), plain(62)],
    });
  });

  it('UTF-16 is read in this thread, with the same answer', async () => {
    const text = readFileSync(new URL('CBS.log', FIXTURES), 'utf8').repeat(10);
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const { result, pieces } = await threads('CBS.log', bytes, evenCuts(bytes.length, 999), 500);
    expect(pieces).toBe(0);
    expect(result).toEqual(oneThread('CBS.log', bytes));
  });

  it('on generated logs: real, non-ASCII, invalid UTF-8, overlong lines, any cuts', async () => {
    const real = ['CBS.log', 'dism.log', 'WindowsUpdate.log', 'setupact.log']
      .flatMap((f) =>
        readFileSync(new URL(f, FIXTURES), 'utf8')
          .replace(/^\uFEFF/, '')
          .split(/\r?\n/),
      )
      .filter((l) => l !== '');
    const special = fc.constantFrom(
      '2024/03/05 14:02:13.7654321 1234  5678  Agent           * START * Finding updates [CallerId = UpdateOrchestrator]',
      '2024/03/05 14:02:14.7654321 1234  5678  Agent           * END * Finding updates CallerId = UpdateOrchestrator  Exit code = 0x8024402C',
      '2024-03-05 14:05:00, Info                  CBS    Session: 31112345_123 initialized by client WindowsUpdateAgent, external staging directory: (null)',
      '2024-03-05 14:05:01, Info                  CBS    driver oem12.inf and büro.sys İSTANBUL [HRESULT = 0x80070005 - E_ACCESSDENIED] ü',
      'ünïcödé line 中文 with hr = 0x8007000d',
      '    continuation without a time [gle=0x00000570]',
      `${'x'.repeat(MAX_LINE_CHARS + 5)} hr = 0x80070002 after the cut`,
    );
    const line = fc.oneof(
      { arbitrary: fc.constantFrom(...real), weight: 6 },
      { arbitrary: special, weight: 2 },
      { arbitrary: fc.string({ maxLength: 60 }), weight: 1 },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(line, fc.boolean()), { minLength: 60, maxLength: 160 }),
        fc.constantFrom('CBS.log', 'WindowsUpdate.log', 'setupact.log', 'notes.txt'),
        fc.array(fc.nat(), { maxLength: 12 }),
        fc.integer({ min: 200, max: 5000 }),
        fc.boolean(),
        fc.boolean(),
        fc.option(fc.constant('2024-03-05 14:05:01'), { nil: undefined }),
        async (lines, name, cuts, piece, finalNewline, invalid, since) => {
          let text = lines.map(([l, crlf]) => `${l}${crlf ? '\r\n' : '\n'}`).join('');
          if (!finalNewline) text = text.replace(/\r?\n$/, '');
          let bytes: Uint8Array = new TextEncoder().encode(text);
          // A few bytes that are not UTF-8, half-way through.
          if (invalid) {
            const mid = Math.floor(bytes.length / 2);
            bytes = Buffer.concat([
              bytes.subarray(0, mid),
              Buffer.from([0xc3, 0x28, 0xff]),
              bytes.subarray(mid),
            ]);
          }
          const at = cuts.map((c) => c % Math.max(1, bytes.length));
          const { result } = await threads(name, bytes, at, piece, since);
          expect(result).toEqual(oneThread(name, bytes, since));
        },
      ),
      { numRuns: 40 },
    );
  }, 120_000);
});
