import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyseBytes } from '../../test-support/analyse-log-text.js';
import type { FileAnalysis } from './log-types.js';

const FIXTURES = new URL('../../../test/logs/', import.meta.url);
function analyse(name: string, chunk = 13): FileAnalysis {
  const result = analyseBytes(name, readFileSync(new URL(name, FIXTURES)), { chunk });
  if (!result.ok) throw new Error(result.reason);
  return result.analysis;
}
const summary = (a: FileAnalysis): string[] =>
  a.findings.map((f) => `${f.line} ${f.code} ${f.context}${f.noise ? ' noise' : ''}`);

describe('format detection and parsing of each layout (test/logs fixtures)', () => {
  it('CBS.log: UTF-8 BOM, CRLF; HRESULT lines, CSI (F), a [gle=] continuation line, noise marked', () => {
    const a = analyse('CBS.log');
    expect([a.format, a.encoding, a.lines]).toEqual(['cbs', 'utf-8 with BOM, CRLF', 12]);
    expect(summary(a)).toEqual([
      '2 0x800F0805 [HRESULT = ..] noise',
      '5 0xC0000034 (F) STATUS_… noise',
      '7 0x800F081F [HRESULT = ..]',
      '11 0x80004005 gle=',
      '12 0x80070002 [HRESULT = ..] noise',
    ]);
    const gle = a.findings.find((f) => f.line === 11);
    // A continuation line takes the time and component of the record above it.
    expect([gle?.time, gle?.component]).toEqual(['2024-03-05 14:05:02', 'CSI']);
    expect(a.groups.find((g) => g.code === '0x800F0805')).toMatchObject({
      count: 2,
      noiseCount: 2,
    });
    const missing = a.findings.find((f) => f.code === '0x800F081F');
    expect(missing?.name).toBe('CBS_E_SOURCE_MISSING');
    expect(missing?.before).toHaveLength(2);
    expect(missing?.before[1]).toContain(String.raw`C:\Users\<user>\Downloads`);
    expect(missing?.after[0]).toContain('Hashes for file member');
    expect(a.runs).toMatchObject([
      { kind: 'servicing session', result: 'failed', firstFailure: { code: '0x800F081F' } },
    ]);
  });

  it('DISM.log: (hr:0x..), a session run, the PE provider warning as noise', () => {
    const a = analyse('dism.log');
    expect(a.format).toBe('dism');
    expect(summary(a)).toEqual(['2 0x8007007E (hr:0x..) noise', '3 0x800F081F (hr:0x..)']);
    expect(a.runs).toMatchObject([
      {
        kind: 'servicing session',
        result: 'failed',
        startLine: 1,
        endLine: 6,
        firstFailure: { line: 3 },
      },
    ]);
  });

  it('WindowsUpdate.log (Get-WindowsUpdateLog): a failed scan, a good download, message ids and hashes ignored', () => {
    const a = analyse('WindowsUpdate.log');
    expect([a.format, a.encoding]).toEqual(['windows-update', 'utf-8, CRLF']);
    expect(summary(a)).toEqual([
      '4 0x80248007 *FAILED* [..] noise',
      '5 0x8024402C *FAILED* [..]',
      '7 0x8024402C exit code',
    ]);
    expect(a.findings[1]).toMatchObject({
      time: '2024-03-05 14:02:13.765',
      component: 'ProtocolTalker',
    });
    expect(a.runs.map((r) => [r.kind, r.result, r.resultCode ?? ''])).toEqual([
      ['scan', 'failed', '0x8024402C'],
      ['download', 'succeeded', ''],
    ]);
  });

  it('the legacy Windows 7/8.1 tab-separated layout', () => {
    const a = analyse('WindowsUpdate-legacy.log');
    expect(a.format).toBe('windows-update-legacy');
    expect(a.findings[0]).toMatchObject({
      code: '0x8024402C',
      time: '2014-06-10 09:15:02.347',
      component: 'PT',
    });
    expect(a.runs).toMatchObject([{ kind: 'scan', label: 'Finding updates', result: 'failed' }]);
  });

  it('raw WPP trace lines, with and without a component before the prefix', () => {
    const a = analyse('trace.txt');
    expect(a.format).toBe('wpp');
    expect(a.findings.map((f) => [f.code, f.time, f.component])).toEqual([
      ['0x80D0000A', '2017-09-29 13:45:08.530', 'DownloadManager'],
      ['0x80244022', '2024-03-05 14:02:13.766', 'agent'],
    ]);
  });

  it('Panther setupact.log: message ids are not codes; the setup result with its extend code', () => {
    const a = analyse('setupact.log');
    expect(a.format).toBe('panther');
    expect(a.findings.some((f) => f.code === '0x00080489')).toBe(false);
    expect(a.setupResult).toEqual({
      value: 0x8007042b,
      extend: 0x2000d,
      line: 9,
      time: '2024-03-05 15:00:07',
    });
    expect(summary(a)).toContain('4 0x80070002 code first noise');
    expect(summary(a)).toContain('5 0x80070570 Error N while');
  });

  it('ReportingEvents.log: UTF-16 LE with BOM, the result column, one run per record', () => {
    const a = analyse('ReportingEvents.log', 3);
    expect([a.format, a.encoding]).toEqual(['reporting-events', 'utf-16le with BOM, CRLF']);
    expect(summary(a)).toEqual([
      '1 0x8024402C ReportingEvents result column',
      '2 0x80242014 ReportingEvents result column',
    ]);
    expect(a.runs.map((r) => [r.kind, r.result])).toEqual([
      ['scan', 'failed'],
      ['install', 'failed'],
      ['install', 'succeeded'],
    ]);
  });

  it('WindowsUpdateClient events as XML: errorCode data, the UTC time, the machine name redacted', () => {
    const a = analyse('events.xml');
    expect(a.format).toBe('event-xml');
    expect(a.findings).toMatchObject([
      {
        code: '0x80073D02',
        context: 'errorCode',
        time: '2024-03-05 14:20:01.123Z',
        component: 'Event 20',
      },
    ]);
    expect(a.runs.map((r) => [r.kind, r.result])).toEqual([
      ['install', 'failed'],
      ['install', 'succeeded'],
    ]);
    expect(JSON.stringify(a.findings)).not.toContain('DESKTOP-AB12CDE');
  });

  it('any other text: codes by context only, a time when the line starts with one', () => {
    const text =
      'MyTool 2.1 started\n2024-03-05 10:00:00 install failed, error code 0x80070643; id 8024402C\n';
    const result = analyseBytes('notes.txt', new TextEncoder().encode(text));
    expect(result.ok && result.analysis.format).toBe('text');
    expect(result.ok && result.analysis.findings.map((f) => [f.code, f.time])).toEqual([
      ['0x80070643', '2024-03-05 10:00:00'],
    ]);
  });

  it('--since skips findings before the given time', () => {
    const bytes = readFileSync(new URL('WindowsUpdate.log', FIXTURES));
    const result = analyseBytes('WindowsUpdate.log', bytes, { since: '2024-03-05 14:02:13.800' });
    expect(result.ok && result.analysis.findings.map((f) => f.line)).toEqual([7]);
  });

  it('chunk size does not change the result', () => {
    for (const name of ['CBS.log', 'ReportingEvents.log', 'events.xml', 'setupact.log']) {
      expect(summary(analyse(name, 1))).toEqual(summary(analyse(name, 1 << 20)));
    }
  });
});

describe('bounded state', () => {
  it('a flood of 100,000 findings keeps at most 400 listed, and counts every one', () => {
    const line = (i: number): string =>
      `2024-03-05 14:05:01, Info                  CBS    Failed [HRESULT = 0x${(0x800f0000 + (i % 3000)).toString(16)}] step ${i}\r\n`;
    let text = '';
    for (let i = 0; i < 100_000; i++) text += line(i);
    const result = analyseBytes('CBS.log', new TextEncoder().encode(text), { chunk: 1 << 20 });
    if (!result.ok) throw new Error(result.reason);
    const a = result.analysis;
    expect(a.findings).toHaveLength(400);
    expect(a.groups).toHaveLength(2000);
    expect(a.findingsDropped).toBe(100_000 - 400);
    expect(a.groups[0]?.count).toBe(Math.ceil(100_000 / 3000));
    expect(a.notices).toContain(
      '99600 further finding(s) are counted in the groups but not listed',
    );
  });
});
