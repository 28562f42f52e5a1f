import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cbsLine, wuLine } from '../../../bench/log-lines.mjs';
import { catalog } from '../../test-support/analyse-log-text.js';
import { applyEdits } from '../../test-support/line-edits.js';
import { extractCodes } from './extract-codes.js';
import type { LogFormat } from './log-format.js';
import { LineMemo } from './line-memo.js';
import { parseLine } from './parse-line.js';
import { runEvent } from './runs.js';

/**
 * The memo must answer for every line exactly what parsing it, finding its codes and its run
 * event answer, whether the line's text after the time was seen before (with another time) or
 * not; and it must not answer for a line the parser reads as a continuation.
 */
const FIXTURES = new URL('../../../test/logs/', import.meta.url);
const linesOf = (name: string): string[] =>
  readFileSync(new URL(name, FIXTURES), 'latin1')
    .replace(/^\uFEFF|^ï»¿/, '')
    .split(/\r?\n/)
    .filter((l) => l !== '');

const CASES: [LogFormat, string[]][] = [
  ['cbs', [...linesOf('CBS.log'), ...Array.from({ length: 50 }, (_, i) => cbsLine(i))]],
  ['dism', linesOf('dism.log')],
  ['panther', linesOf('setupact.log')],
  [
    'windows-update',
    [...linesOf('WindowsUpdate.log'), ...Array.from({ length: 50 }, (_, i) => wuLine(i))],
  ],
];

const edits = fc.array(
  fc.tuple(
    fc.nat(),
    fc.constantFrom('replace', 'insert', 'delete'),
    fc.oneof(fc.string({ maxLength: 3 }), fc.constantFrom('\r', '\u2028', '9', '/', ' ')),
  ),
  { maxLength: 4 },
);

function expectAsParsed(memo: LineMemo, format: LogFormat, line: string): void {
  const facts = memo.facts(line);
  const parsed = parseLine(format, line);
  if (!parsed.record) {
    expect(facts, line).toBeUndefined();
    return;
  }
  if (facts === undefined) return;
  expect(facts.time, line).toBe(parsed.time);
  expect({ ...facts.parsed, time: parsed.time }, line).toEqual(parsed);
  expect(facts.codes, line).toEqual(extractCodes(parsed.message, catalog));
  expect(facts.event, line).toEqual(runEvent(format, parsed.message));
}

describe('line memo: the facts of a line after its time, remembered', () => {
  for (const [format, lines] of CASES) {
    it(`${format}: as parsed, for real and mutated lines, seen before or not`, () => {
      const memo = new LineMemo(format, catalog);
      let answered = 0;
      for (const line of lines) {
        expectAsParsed(memo, format, line);
        if (memo.facts(line) !== undefined) answered++;
        // Each character of the time and its separator changed, the rest as seen: the memo
        // must tell it by the time's shape, as the parser does.
        for (let i = 0; i < 30; i++)
          expectAsParsed(memo, format, `${line.slice(0, i)}x${line.slice(i + 1)}`);
      }
      // The layout's own lines are what the memo is for.
      expect(answered).toBeGreaterThan(lines.length / 2);
      fc.assert(
        fc.property(fc.constantFrom(...lines), edits, fc.nat(59), (line, change, second) => {
          const other = line.replace(/:\d\d([,.])/, `:${String(second).padStart(2, '0')}$1`);
          expectAsParsed(memo, format, applyEdits(line, change));
          // The same text after another time: a memo hit, with this line's time.
          expectAsParsed(memo, format, other);
          expectAsParsed(memo, format, line);
        }),
        { numRuns: 300 },
      );
    });
  }

  it('as parsed through a full memo, its emptying once floods end, and new floods', () => {
    const memo = new LineMemo('cbs', catalog);
    // Distinct texts first (CSI's numbered probes fill the memo), then a flood of other lines.
    const lines = [
      ...Array.from({ length: 3000 }, (_, i) => cbsLine(i * 10 + 2)),
      ...Array.from({ length: 20_000 }, (_, i) => cbsLine(30_000 + (i % 20))),
    ];
    for (const line of lines) expectAsParsed(memo, 'cbs', line);
  });

  it('answers nothing for layouts without a time of fixed width', () => {
    const memo = new LineMemo('text', catalog);
    expect(memo.facts('2024-03-05 14:00:00, Info CBS hr = 0x80070005')).toBeUndefined();
  });
});
