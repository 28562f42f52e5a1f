import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LOG_FIXTURES, shippedLogRules } from '../../test-support/shipped-log-rules.js';
import { bufferAsciiText } from '../../adapters/logs/ascii-buffer-text.js';
import { analyseBytes } from '../../test-support/analyse-log-text.js';
import { MAX_LINE_CHARS } from './text-decoding.js';

/**
 * The fast path (scan a chunk for hit lines, read only those) must answer exactly what reading
 * every line answers: same findings with the same line numbers, times, components, neighbours,
 * same groups, runs, signals, notices. Logs here are longer than the 40 lines of format
 * detection, since the fast path starts after it.
 */
const FIXTURES = LOG_FIXTURES;
const rules = shippedLogRules;

/**
 * The fast path as the CLI reads (ASCII through Buffer) beside the reference; the fast path with
 * TextDecoder alone (as uploads read) must agree with both.
 */
function both(
  name: string,
  bytes: Uint8Array,
  chunk: number,
  since?: string,
): { fast: unknown; slow: unknown } {
  const slow = analyseBytes(name, bytes, { chunk, rules, since, everyLine: true });
  expect(analyseBytes(name, bytes, { chunk, rules, since }), `${name}: TextDecoder only`).toEqual(
    slow,
  );
  return { fast: analyseBytes(name, bytes, { chunk, rules, since, ascii: bufferAsciiText }), slow };
}

const FIXTURE_NAMES = [
  'CBS.log',
  'dism.log',
  'WindowsUpdate.log',
  'WindowsUpdate-legacy.log',
  'trace.txt',
  'setupact.log',
  'ReportingEvents.log',
  'events.xml',
];

describe('the fast path finds exactly what reading every line finds', () => {
  it('on every fixture, repeated past format detection, in any chunking', () => {
    for (const name of FIXTURE_NAMES) {
      const one = readFileSync(new URL(name, FIXTURES));
      const newlines = Math.max(1, one.filter((b) => b === 0x0a).length);
      const bytes = Buffer.concat(Array.from({ length: Math.ceil(50 / newlines) }, () => one));
      for (const chunk of [7, 4096, 1 << 20]) {
        const { fast, slow } = both(name, bytes, chunk);
        expect(fast, `${name} in chunks of ${chunk}`).toEqual(slow);
        const result = fast as ReturnType<typeof analyseBytes>;
        if (!result.ok) throw new Error(result.reason);
        expect(result.analysis.lines).toBeGreaterThan(40);
      }
    }
  });

  it('keeps time, component and neighbours of skipped lines for a finding after them', () => {
    const head = Array.from(
      { length: 60 },
      (_, i) =>
        `2024-03-05 14:05:${String(i % 60).padStart(2, '0')}, Info                  CBS    Plain step ${i}`,
    );
    const text = `${[
      ...head,
      '2024-03-05 14:06:00, Info                  CSI    00000001 Begin something',
      '    continuation without a time',
      '    Failed with [HRESULT = 0x800f081f - CBS_E_SOURCE_MISSING]',
      ...head,
    ].join('\r\n')}\r\n`;
    const bytes = new TextEncoder().encode(text);
    const { fast, slow } = both('CBS.log', bytes, 1000);
    expect(fast).toEqual(slow);
    const result = fast as ReturnType<typeof analyseBytes>;
    if (!result.ok) throw new Error(result.reason);
    const finding = result.analysis.findings.find((f) => f.code === '0x800F081F');
    expect(finding).toMatchObject({
      line: 63,
      time: '2024-03-05 14:06:00',
      component: 'CSI',
      before: [
        '2024-03-05 14:06:00, Info                  CSI    00000001 Begin something',
        '    continuation without a time',
      ],
      after: [head[0], head[1]],
    });
  });

  it('on generated logs: real, mutated, non-ASCII, overlong and run lines, any chunking', () => {
    const real = ['CBS.log', 'dism.log', 'WindowsUpdate.log', 'trace.txt', 'setupact.log']
      .flatMap((f) =>
        readFileSync(new URL(f, FIXTURES), 'utf8')
          .replace(/^\uFEFF/, '')
          .split(/\r?\n/),
      )
      .filter((l) => l !== '');
    const mutated = fc
      .tuple(fc.constantFrom(...real), fc.nat(), fc.string({ maxLength: 4 }))
      .map(([line, at, text]) => {
        const i = at % (line.length + 1);
        return line.slice(0, i) + text + line.slice(i + 1);
      });
    const special = fc.constantFrom(
      '2024/03/05 14:02:13.7654321 1234  5678  Agent           * START * Finding updates [CallerId = UpdateOrchestrator]',
      '2024/03/05 14:02:14.7654321 1234  5678  Agent           * END * Finding updates CallerId = UpdateOrchestrator  Exit code = 0x8024402C',
      '2024-03-05 14:05:00, Info                  DISM   DISM.EXE: <----- Starting Dism.exe session ----->',
      '2024-03-05 14:05:09, Info                  DISM   DISM.EXE: <----- Ending Dism.exe session ----->',
      '2024-03-05 14:05:00, Info                  CBS    Session: 31112345_123 initialized by client WindowsUpdateAgent, external staging directory: (null)',
      '2024-03-05 14:05:01, Info                  CSI    Pending transaction content must be resolved, cannot begin another transaction yet',
      '2024-03-05 14:05:01, Info                  CBS    driver oem12.inf and büro.sys İSTANBUL [HRESULT = 0x80070005 - E_ACCESSDENIED] ü',
      'ünïcödé line 中文 with hr = 0x8007000d',
      '2024-03-05 15:00:07, Error                 MIG    Gather failed. Win32Exception: x. [gle=0x00000570]',
      '2024-03-05 15:00:07, Info                  CONX   Installer exit code 1603 for the package',
      '2024-03-05 15:00:07, Info                  CSI    Overall NTSTATUS = -1073741790 on open',
      '2024-03-05 14:05:02, Error                 DISM   DISM.EXE: failed. HRESULT=80070BC9',
      '2024-03-05 15:00:07, Error                 MIG    Error 1392 while gathering object C:\\x. Shell application requested abort',
      '',
      '\t',
      `${'x'.repeat(MAX_LINE_CHARS + 5)} hr = 0x80070002 after the cut`,
      `${'y'.repeat(MAX_LINE_CHARS - 20)} hr = 0x80070003 before the cut`,
    );
    const line = fc.oneof(
      { arbitrary: fc.constantFrom(...real), weight: 5 },
      { arbitrary: mutated, weight: 3 },
      { arbitrary: special, weight: 2 },
      { arbitrary: fc.string({ maxLength: 80 }), weight: 1 },
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(line, fc.boolean()), { minLength: 41, maxLength: 140 }),
        fc.constantFrom('CBS.log', 'dism.log', 'setupact.log', 'WindowsUpdate.log', 'notes.txt'),
        fc.oneof(fc.integer({ min: 1, max: 3000 }), fc.constant(1 << 16)),
        fc.boolean(),
        fc.option(fc.constant('2024-03-05 14:05:01'), { nil: undefined }),
        (lines, name, chunk, finalNewline, since) => {
          let text = lines.map(([l, crlf]) => `${l}${crlf ? '\r\n' : '\n'}`).join('');
          if (!finalNewline) text = text.replace(/\r?\n$/, '');
          const { fast, slow } = both(name, new TextEncoder().encode(text), chunk, since);
          expect(fast).toEqual(slow);
        },
      ),
      { numRuns: 120 },
    );
  });
});
