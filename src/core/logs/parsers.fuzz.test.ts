import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseBytes, catalog } from '../../test-support/analyse-log-text.js';
import { applyEdits } from '../../test-support/line-edits.js';
import { extractCodes } from './extract-codes.js';
import { detectFormat, type LogFormat } from './log-format.js';
import { LINE_PARSERS } from './parse-line.js';
import { redact } from './redact.js';

const FIXTURES = new URL('../../../test/logs/', import.meta.url);
/** Real-layout lines from every fixture, to mutate. */
const REAL_LINES = [
  'CBS.log',
  'dism.log',
  'WindowsUpdate.log',
  'WindowsUpdate-legacy.log',
  'trace.txt',
  'setupact.log',
]
  .flatMap((f) =>
    readFileSync(new URL(f, FIXTURES), 'latin1')
      .replace(/^\uFEFF|^ï»¿/, '')
      .split(/\r?\n/),
  )
  .filter((l) => l !== '');
const FORMATS = Object.keys(LINE_PARSERS) as LogFormat[];

/** A real line with a few characters replaced, inserted or deleted. */
const mutated = fc
  .tuple(
    fc.constantFrom(...REAL_LINES),
    fc.array(
      fc.tuple(
        fc.nat(),
        fc.constantFrom('replace', 'insert', 'delete'),
        fc.string({ maxLength: 3 }),
      ),
      { maxLength: 6 },
    ),
  )
  .map(([line, edits]) => applyEdits(line, edits));
const anyLine = fc.oneof(
  mutated,
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
);

describe('fuzzed parsers: no crash, no exception escaping', () => {
  it('every line parser, code extraction, redaction and detection take any line', () => {
    fc.assert(
      fc.property(anyLine, fc.constantFrom(...FORMATS), (line, format) => {
        const parsed = LINE_PARSERS[format](line);
        expect(typeof parsed.message).toBe('string');
        for (const code of extractCodes(line, catalog))
          expect(code.value).toBeGreaterThanOrEqual(0x80000000);
        expect(typeof redact(line)).toBe('string');
        expect(FORMATS).toContain(detectFormat('x.log', [line]));
      }),
      { numRuns: 3000 },
    );
  });

  it('the whole analyser takes any bytes, in any chunking, and always answers', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc
            .array(mutated, { maxLength: 30 })
            .map((lines) => new TextEncoder().encode(lines.join('\r\n'))),
          fc.uint8Array({ maxLength: 3000 }),
        ),
        fc.integer({ min: 1, max: 700 }),
        (bytes, chunk) => {
          const result = analyseBytes('fuzz.log', bytes, { chunk });
          expect(typeof result.ok).toBe('boolean');
        },
      ),
      { numRuns: 400 },
    );
  });
});
