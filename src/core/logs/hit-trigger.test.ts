import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalog } from '../../test-support/analyse-log-text.js';
import { extractCodes } from './extract-codes.js';
import { flaggedLines, hitTrigger, literalHint } from './hit-trigger.js';
import { LINE_PARSERS } from './parse-line.js';
import { runEvent } from './runs.js';

const FIXTURES = new URL('../../../test/logs/', import.meta.url);
const REAL = ['CBS.log', 'dism.log', 'WindowsUpdate.log', 'setupact.log', 'trace.txt']
  .flatMap((f) => readFileSync(new URL(f, FIXTURES), 'utf8').split(/\r?\n/))
  .filter((l) => l !== '');

const flagged = (format: Parameters<typeof hitTrigger>[0], line: string): boolean => {
  const trigger = hitTrigger(format, ['Pending transaction content', String.raw`\b[\w-]+\.sys\b`]);
  if (!trigger) throw new Error('no trigger');
  return flaggedLines(`${line}\r\n`, trigger).length === 1;
};

describe('the hit trigger', () => {
  it('flags every line with a code in context, a run start or end, or a rule literal', () => {
    const mutated = fc
      .tuple(fc.constantFrom(...REAL), fc.nat(), fc.string({ maxLength: 3 }))
      .map(
        ([l, at, t]) => l.slice(0, at % (l.length + 1)) + t + l.slice((at % (l.length + 1)) + 1),
      );
    fc.assert(
      fc.property(
        fc.oneof(mutated, fc.constantFrom(...REAL)),
        fc.constantFrom('cbs', 'dism', 'panther', 'windows-update', 'wpp', 'text') as fc.Arbitrary<
          Parameters<typeof hitTrigger>[0]
        >,
        (line, format) => {
          const message = LINE_PARSERS[format](line).message;
          const needed =
            extractCodes(message, catalog).length > 0 ||
            runEvent(format, message) !== undefined ||
            /Pending transaction content|\b[\w-]+\.sys\b/i.test(line);
          if (needed) expect(flagged(format, line), line).toBe(true);
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('flags the same lines whatever sample its needles are chosen by', () => {
    const patterns = [
      'Pending transaction content',
      String.raw`\b[\w-]+\.sys\b`,
      'CSI Payload Corrupt',
    ];
    const plain = hitTrigger('cbs', patterns);
    if (!plain) throw new Error('no trigger');
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...REAL), { minLength: 1, maxLength: 60 }),
        fc.array(fc.constantFrom(...REAL), { maxLength: 40 }),
        (lines, sample) => {
          const sampled = hitTrigger('cbs', patterns, sample.join('\n'));
          if (!sampled) throw new Error('no trigger');
          const body = `${lines.join('\r\n')}\r\n`;
          expect(flaggedLines(body, sampled)).toEqual(flaggedLines(body, plain));
        },
      ),
      { numRuns: 300 },
    );
    // The sample does change the needles: `.inf` is not looked for by the `nf` of every `Info`.
    const cbsSample = REAL.filter((l) => l.includes(', Info ')).join('\n');
    const needles = (sample?: string): string[] =>
      (hitTrigger('cbs', [String.raw`\.inf`], sample)?.probes ?? []).map((p) => p.needle);
    expect(needles()).toContain('nf');
    expect(needles(cbsSample)).not.toContain('nf');
  });

  it('leaves the lines that hold nothing: success codes, hashes, message ids', () => {
    for (const line of [
      '2024-03-05 14:05:01, Info                  CBS    Exec: Staging Package: status: 0x0, hr = 0x00000000',
      '2024-03-05 14:05:01, Info                  CSI    00000002@2024/3/5:13:05:02.458 Hashes b:0a1b2c3d4e5f60718293a4b5c6d7e8f9 for component',
      '2016-09-08 09:20:05, Info       [0x080489] MIG    Setting system object filter context (System)',
      '2024/03/05 14:02:13.7654321 1234  5678  ProtocolTalker  ServerChecksum 0x1A2B3C4D seq 0000abcd',
    ])
      expect(flagged('cbs', line), line).toBe(false);
  });

  it('flags a line once, wherever its hits are, and gives line starts in order', () => {
    const trigger = hitTrigger('cbs', []);
    if (!trigger) throw new Error('no trigger');
    const body = 'a\r\nhr = 0x80070005 and (F) STATUS_X\r\nplain\nerror 5 *FAILED*\n';
    expect(flaggedLines(body, trigger)).toEqual([3, 43]);
  });

  it('flags a rule literal beyond ASCII in every case `/i` folds it to', () => {
    // `/i` folds µ (micro sign) and μ (Greek mu) together, and ü with Ü.
    const trigger = hitTrigger('cbs', ['Büro µs']);
    if (!trigger) throw new Error('no trigger');
    const body = 'a\nbüro µs\nBÜRO μS\nburo us\n';
    expect(flaggedLines(body, trigger)).toEqual([2, 10]);
    expect(['büro µs', 'BÜRO μS'].every((l) => /Büro µs/i.test(l))).toBe(true);
  });

  it('is not made for the layouts read record by record, nor for a rule with a lookaround', () => {
    expect(hitTrigger('reporting-events', [])).toBeUndefined();
    expect(hitTrigger('event-xml', [])).toBeUndefined();
    expect(hitTrigger('cbs', ['foo(?!bar)'])).toBeUndefined();
  });

  it('gives the rules one literal pre-test that every line a pattern matches passes', () => {
    const patterns = [
      String.raw`\b(?<subject>[\w-]+\.(?:sys|inf))\b`,
      'Hashes for file member .* do not',
    ];
    const hint = literalHint(patterns);
    expect(hint).toBeDefined();
    expect(literalHint(['.*'])).toBeUndefined();
    expect(literalHint([])).toBeUndefined();
    const line = fc
      .array(
        fc.constantFrom(
          'oem1.INF',
          'x.sys',
          'HASHES FOR FILE MEMBER ',
          'a',
          ' ',
          '.',
          'sys',
          'do not',
          '\\',
        ),
        {
          maxLength: 8,
        },
      )
      .map((p) => p.join(''));
    fc.assert(
      fc.property(line, (l) => {
        if (patterns.some((p) => new RegExp(p, 'i').test(l))) expect(hint?.test(l), l).toBe(true);
      }),
      { numRuns: 2000 },
    );
    expect(hint?.test('2024-03-05 14:05:01, Info                  CBS    Exec: plain')).toBe(false);
  });
});
