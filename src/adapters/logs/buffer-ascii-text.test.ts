import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cbsLine, wuLine } from '../../../bench/log-lines.mjs';
import { readLogHere } from '../../app/analyze-logs.js';
import type { AnalyserResult } from '../../core/logs/log-analyser.js';
import { rulePatterns } from '../../core/logs/log-rule-schema.js';
import type { AsciiText } from '../../core/logs/text-decoding.js';
import { analyseBytes, catalog } from '../../test-support/analyse-log-text.js';
import { bufferAsciiText } from './ascii-buffer-text.js';
import { readLogWithBuffers } from './buffer-ascii-text.js';
import { readLogRules } from './read-log-sources.js';

/**
 * The reading as the CLI does it (ASCII slices read through Buffer, the hit probes on them)
 * answers exactly what reading every line with TextDecoder answers (the reading before the
 * probes): on the bench's own log layouts, with a hit cut by the chunks at every byte, on UTF-16,
 * and on UTF-8 where ASCII and multi-byte slices alternate and a cut sequence waits.
 */
const { rules } = await readLogRules(
  fileURLToPath(new URL('../../../content/log-rules/', import.meta.url)),
);
const patterns = rulePatterns(rules);

async function asTheCliReads(
  name: string,
  bytes: Uint8Array,
  cuts: readonly number[],
  read = readLogWithBuffers,
): Promise<AnalyserResult> {
  const pieces: Uint8Array[] = [];
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    pieces.push(bytes.subarray(from, cut));
    from = cut;
  }
  async function* chunks(): AsyncGenerator<Uint8Array> {
    // One turn of the event loop per chunk, as a file stream gives them.
    for (const piece of pieces) yield await Promise.resolve(piece);
  }
  return read(
    { name, chunks: chunks(), size: bytes.length },
    { file: name, catalog, patterns },
    () => {},
  );
}

const everyLine = (name: string, bytes: Uint8Array): AnalyserResult =>
  analyseBytes(name, bytes, { chunk: 1 << 20, rules, everyLine: true });

/** Cut points every `size` bytes. */
const every = (bytes: Uint8Array, size: number): number[] =>
  Array.from({ length: Math.floor((bytes.length - 1) / size) }, (_, i) => (i + 1) * size);

const benchLog = (lineOf: (i: number) => string, count: number, from = 0): string =>
  Array.from({ length: count }, (_, i) => `${lineOf(from + i)}\r\n`).join('');

const findings = (result: AnalyserResult): number =>
  result.ok ? result.analysis.findings.length : 0;

describe('reading ASCII through Buffer, with the hit probes', () => {
  it('answers as every line read on the bench layouts, in any chunking', async () => {
    for (const [name, lineOf] of [
      ['CBS.log', cbsLine],
      ['WindowsUpdate.log', wuLine],
    ] as const) {
      // Past line 1,003 (a CBS_E_SOURCE_MISSING) and 1,002 (a WU name-resolution failure).
      const bytes = Buffer.from(benchLog(lineOf, 6000));
      const reference = everyLine(name, bytes);
      expect(findings(reference)).toBeGreaterThan(2);
      for (const size of [1 << 20, 65_536, 4099, 1000]) {
        const result = await asTheCliReads(name, bytes, every(bytes, size));
        expect(result, `${name} in chunks of ${size}`).toEqual(reference);
      }
    }
  });

  it('takes the ASCII slices through Buffer (the path under test is the one taken)', async () => {
    const bytes = Buffer.from(benchLog(cbsLine, 3000));
    let taken = 0;
    const counting: AsciiText = {
      isAscii: (b) => bufferAsciiText.isAscii(b),
      text: (b) => {
        taken++;
        return bufferAsciiText.text(b);
      },
    };
    const result = await asTheCliReads(
      'CBS.log',
      bytes,
      every(bytes, 65_536),
      (source, options, onChunk) => readLogHere(source, { ...options, ascii: counting }, onChunk),
    );
    expect(result).toEqual(everyLine('CBS.log', bytes));
    expect(taken).toBeGreaterThan(5);
  });

  it('finds a hit line cut in two by the chunks, wherever the cut falls', async () => {
    const head = benchLog(cbsLine, 120, 4); // lines 4–123: no failure but floods
    const hit =
      '2024-03-05 14:10:00, Info                  CBS    Exec: Processing complete, session(Corruption Repairing): 1_2 [HRESULT = 0x800f081f - CBS_E_SOURCE_MISSING]\r\n';
    const bytes = Buffer.from(head + hit + benchLog(cbsLine, 30, 4));
    const reference = everyLine('CBS.log', bytes);
    if (!reference.ok) throw new Error(reference.reason);
    expect(reference.analysis.findings.some((f) => f.code === '0x800F081F')).toBe(true);
    for (let cut = head.length - 1; cut <= head.length + hit.length; cut++)
      expect(await asTheCliReads('CBS.log', bytes, [cut]), `cut at ${cut}`).toEqual(reference);
  });

  it('reads UTF-16 (LE and BE, with a BOM) as before', async () => {
    const text = `\uFEFF${benchLog(cbsLine, 400)}2024-03-05 15:00:00, Info                  CBS    Büro 中文 [HRESULT = 0x80070005 - E_ACCESSDENIED]\r\n${benchLog(cbsLine, 50)}`;
    const le = Buffer.from(text, 'utf16le');
    const be = Buffer.from(le).swap16();
    for (const [label, bytes] of [
      ['LE', le],
      ['BE', be],
    ] as const) {
      const reference = everyLine('CBS.log', bytes);
      expect(findings(reference), label).toBeGreaterThan(2);
      for (const size of [1 << 20, 4097, 999])
        expect(
          await asTheCliReads('CBS.log', bytes, every(bytes, size)),
          `${label} ${size}`,
        ).toEqual(reference);
    }
  });

  it('reads UTF-8 with multi-byte lines and invalid bytes as before, however they are cut', async () => {
    const multi = [
      '2024-03-05 14:20:00, Info                  CBS    Büro µs İSTANBUL 中文 😀 [HRESULT = 0x80070005 - E_ACCESSDENIED]',
      '2024-03-05 14:20:01, Info                  CBS    ünïcödé driver büro.sys',
    ];
    // Slices of 48 KiB inside each chunk: a long ASCII run, then multi-byte lines, then ASCII.
    const parts = [
      benchLog(cbsLine, 500),
      `${multi.join('\r\n')}\r\n`,
      benchLog(cbsLine, 500, 500),
    ];
    const text = Buffer.from(parts.join('').repeat(2));
    // A cut sequence (E2 82, the start of `€`) right at the end of a chunk (64 KiB in), with
    // ASCII after it: the decoder holds it, so the next slice must go through the decoder too.
    const ascii = Buffer.from(benchLog(cbsLine, 900));
    const at = 65_536 - 2;
    const cut = Buffer.concat([
      ascii.subarray(0, at),
      Buffer.from([0xe2, 0x82]),
      ascii.subarray(at),
    ]);
    for (const [label, bytes] of [
      ['multi-byte', text],
      ['cut sequence', cut],
    ] as const) {
      const reference = everyLine('CBS.log', bytes);
      if (!reference.ok) throw new Error(reference.reason);
      if (label === 'cut sequence')
        expect(reference.analysis.notices.join(' ')).toContain('1 byte sequence(s) were not valid');
      for (const size of [1 << 20, 65_536, 4097, 4096, 1024, 1001])
        expect(
          await asTheCliReads('CBS.log', bytes, every(bytes, size)),
          `${label} ${size}`,
        ).toEqual(reference);
    }
  });
});
