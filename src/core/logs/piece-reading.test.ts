import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LOG_FIXTURES, shippedLogRules } from '../../test-support/shipped-log-rules.js';
import { bufferAsciiText } from '../../adapters/logs/ascii-buffer-text.js';
import { catalog } from '../../test-support/analyse-log-text.js';
import { cbsLine, wuLine } from '../../../bench/log-lines.mjs';
import { hitTrigger } from './hit-trigger.js';
import { type AnalyserResult, LogAnalyser } from './log-analyser.js';
import { rulePatterns } from './log-rule-schema.js';
import { readPieceBytes } from './piece-reading.js';
import { MAX_LINE_CHARS } from './text-decoding.js';

/**
 * A log cut at line ends into pieces, each read from a fresh state (as a worker thread reads
 * it) and merged in order (`LogAnalyser.absorb`), must answer exactly what one pass answers.
 * Each summary goes through structuredClone, as it does between threads.
 */
const FIXTURES = LOG_FIXTURES;
const rules = shippedLogRules;
const patterns = rulePatterns(rules);

function onePass(name: string, bytes: Uint8Array, since?: string): AnalyserResult {
  const analyser = new LogAnalyser({
    file: name,
    catalog,
    patterns,
    since,
    ascii: bufferAsciiText,
  });
  for (let i = 0; i < bytes.length; i += 65536) analyser.push(bytes.subarray(i, i + 65536));
  return analyser.end();
}

/** The byte offsets just past the line ends nearest after `cuts`. */
function lineCuts(bytes: Uint8Array, cuts: readonly number[]): number[] {
  const at = new Set<number>();
  for (const cut of cuts) {
    const nl = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).indexOf(0x0a, cut);
    if (nl !== -1 && nl + 1 < bytes.length) at.add(nl + 1);
  }
  return [...at].sort((a, b) => a - b);
}

function inPieces(
  name: string,
  bytes: Uint8Array,
  cuts: readonly number[],
  since?: string,
): { result: AnalyserResult; absorbed: number } {
  const analyser = new LogAnalyser({
    file: name,
    catalog,
    patterns,
    since,
    ascii: bufferAsciiText,
  });
  let absorbed = 0;
  let from = 0;
  for (const to of [...lineCuts(bytes, cuts), bytes.length]) {
    const piece = bytes.subarray(from, to);
    from = to;
    const handOff = analyser.handOff();
    if (handOff) {
      const trigger = hitTrigger(handOff.format, handOff.patterns, handOff.sample);
      if (!trigger) throw new Error('handOff without a trigger');
      const summary = structuredClone(
        readPieceBytes(
          piece,
          { file: name, catalog, patterns },
          handOff.format,
          trigger,
          bufferAsciiText,
        ),
      );
      if (analyser.absorb(summary, piece.length)) {
        absorbed++;
        continue;
      }
    }
    analyser.push(piece);
  }
  return { result: analyser.end(), absorbed };
}

const evenCuts = (length: number, size: number): number[] =>
  Array.from({ length: Math.ceil(length / size) }, (_, i) => i * size);

const repeated = (name: string, lines: number): Buffer => {
  const one = readFileSync(new URL(name, FIXTURES));
  const newlines = Math.max(1, one.filter((b) => b === 0x0a).length);
  return Buffer.concat(Array.from({ length: Math.ceil(lines / newlines) }, () => one));
};

const generated = (lineOf: (i: number) => string, lines: number): Buffer =>
  Buffer.from(Array.from({ length: lines }, (_, i) => `${lineOf(i)}\r\n`).join(''), 'latin1');

describe('a log read in pieces and merged answers what one pass answers', () => {
  it('on every fixture, repeated, cut every few lines and every few hundred', () => {
    for (const name of ['CBS.log', 'dism.log', 'WindowsUpdate.log', 'trace.txt', 'setupact.log']) {
      const bytes = repeated(name, 600);
      const one = onePass(name, bytes);
      for (const size of [97, 300, 2048, 20000]) {
        const { result, absorbed } = inPieces(name, bytes, evenCuts(bytes.length, size));
        expect(result, `${name} in pieces of ${size}`).toEqual(one);
        // Proof the pieces were merged, not quietly read in one pass.
        expect(absorbed, name).toBeGreaterThan(size > 10000 ? 0 : 3);
      }
    }
  });

  it("on the bench's generated logs (past every cap: 400 findings, floods), cut at random", () => {
    for (const [name, lineOf] of [
      ['CBS.log', cbsLine],
      ['WindowsUpdate.log', wuLine],
    ] as const) {
      const bytes = generated(lineOf, 30_000);
      const one = onePass(name, bytes);
      fc.assert(
        fc.property(fc.array(fc.nat(bytes.length), { minLength: 1, maxLength: 40 }), (cuts) => {
          // A cut past the first lines: the layout is known there, so a piece can be merged.
          const { result, absorbed } = inPieces(name, bytes, [...cuts, bytes.length >> 1]);
          expect(result).toEqual(one);
          expect(absorbed).toBeGreaterThan(0);
        }),
        { numRuns: 15 },
      );
    }
  });

  it('on generated logs: real, non-ASCII, invalid UTF-8, overlong lines, runs, any cuts', () => {
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
      '2024/03/05 14:02:15.7654321 1234  5678  Agent           * END * Finding updates CallerId = UpdateOrchestrator  Exit code = 0x00000000',
      '2024-03-05 14:05:00, Info                  CBS    Session: 31112345_123 initialized by client WindowsUpdateAgent, external staging directory: (null)',
      '2024-03-05 14:05:01, Info                  CBS    driver oem12.inf and büro.sys İSTANBUL [HRESULT = 0x80070005 - E_ACCESSDENIED] ü',
      '2024-03-05 14:05:02, Info                  CBS    Failed to internally open package. [HRESULT = 0x800f0805 - CBS_E_INVALID_PACKAGE]',
      '2024-03-05 14:05:03, Error                 CSI    00000012 (F) STATUS_OBJECT_NAME_NOT_FOUND #40# from Windows::Rtl',
      '2024-03-05 14:05:04, Info                  CBS    Starting Dism.exe session',
      '2024-03-05 14:05:05, Info                  CBS    Ending Dism.exe session',
      '2024-03-05 14:05:06, Info                  SP     SetupResult: [0x80070002] 0xC1900101 - 0x4000D',
      'ünïcödé line 中文 with hr = 0x8007000d',
      '    continuation without a time [gle=0x00000570]',
      `${'x'.repeat(MAX_LINE_CHARS + 5)} hr = 0x80070002 after the cut`,
    );
    const line = fc.oneof(
      { arbitrary: fc.constantFrom(...real), weight: 6 },
      { arbitrary: special, weight: 3 },
      { arbitrary: fc.string({ maxLength: 60 }), weight: 1 },
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(line, fc.boolean()), { minLength: 60, maxLength: 400 }),
        fc.constantFrom('CBS.log', 'WindowsUpdate.log', 'setupact.log', 'dism.log', 'notes.txt'),
        fc.array(fc.nat(), { maxLength: 30 }),
        fc.boolean(),
        fc.boolean(),
        (lines, name, cuts, finalNewline, invalid) => {
          let text = lines.map(([l, crlf]) => `${l}${crlf ? '\r\n' : '\n'}`).join('');
          if (!finalNewline) text = text.replace(/\r?\n$/, '');
          let bytes: Uint8Array = new TextEncoder().encode(text);
          if (invalid) {
            const mid = Math.floor(bytes.length / 2);
            bytes = Buffer.concat([
              bytes.subarray(0, mid),
              Buffer.from([0xc3, 0x28, 0xff]),
              bytes.subarray(mid),
            ]);
          }
          const at = cuts.map((c) => c % Math.max(1, bytes.length));
          expect(inPieces(name, bytes, at).result).toEqual(onePass(name, bytes));
        },
      ),
      { numRuns: 150 },
    );
  });

  it("past the cap of kept findings: a run's first failure and a setup result, cut anywhere near them", () => {
    const t = (i: number): string =>
      `2024-03-05 14:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}, Info                  CBS    `;
    const lines = [
      ...Array.from(
        { length: 450 },
        (_, i) => `${t(i)}Step ${i} failed [HRESULT = 0x80070005 - E_ACCESSDENIED]`,
      ),
      `${t(450)}Session: 31112345_123 initialized by client WindowsUpdateAgent, external staging directory: (null)`,
      `${t(451)}Plain step`,
      `${t(452)}Repair failed [HRESULT = 0x800f081f - CBS_E_SOURCE_MISSING]`,
      `${t(453)}Plain step after`,
      `${t(454)}SetupResult: [0x80070002] 0xC1900101 - 0x4000D`,
      `${t(455)}Plain step after the setup result`,
      ...Array.from({ length: 60 }, (_, i) => `${t(456 + i)}Plain step ${i}`),
    ];
    const bytes = Buffer.from(`${lines.join('\r\n')}\r\n`, 'latin1');
    const one = onePass('CBS.log', bytes);
    if (!one.ok) throw new Error(one.reason);
    // One pass fills in the neighbours after only of the findings it keeps.
    expect(one.analysis.runs[0]?.firstFailure).toMatchObject({ code: '0x800F081F', after: [] });
    const near = bytes.indexOf('Session: 3111');
    for (let cut = near - 300; cut < near + 900; cut += 37) {
      const { result, absorbed } = inPieces('CBS.log', bytes, [bytes.length >> 3, cut, cut + 150]);
      expect(absorbed).toBeGreaterThan(1);
      expect(result, `cut at ${cut}`).toEqual(one);
    }
  });

  it('with --since, pieces are read in one pass (absorb declines), with the same answer', () => {
    const bytes = repeated('CBS.log', 600);
    const since = '2024-03-05 14:05:01';
    const { result, absorbed } = inPieces('CBS.log', bytes, evenCuts(bytes.length, 300), since);
    expect(absorbed).toBe(0);
    expect(result).toEqual(onePass('CBS.log', bytes, since));
  });
});
