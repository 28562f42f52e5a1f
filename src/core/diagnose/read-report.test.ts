import { describe, expect, it } from 'vitest';
import { readReport, readReportBytes } from './read-report.js';
import { healthyReport } from './report-fixtures.js';
import { MAX_REPORT_BYTES } from './report-schema.js';

const bytesOf = (text: string) => new TextEncoder().encode(text);
const good = JSON.stringify(healthyReport(), null, 2);

describe('reading a report file', () => {
  it('reads a good report, also with a byte-order mark or saved as UTF-16', () => {
    expect(readReportBytes(bytesOf(good))).toMatchObject({ ok: true, value: { version: 1 } });
    expect(readReportBytes(bytesOf(`\uFEFF${good}`)).ok).toBe(true);
    const utf16 = new Uint8Array([
      0xff,
      0xfe,
      ...new Uint8Array(new Uint16Array([...good].map((c) => c.charCodeAt(0))).buffer),
    ]);
    expect(readReportBytes(utf16).ok).toBe(true);
  });

  it.each([
    ['not JSON', 'not json {', 'not_json'],
    ['JSON of another kind', '{"hello": "world"}', 'not_a_report'],
    ['an array', '[]', 'not_a_report'],
    ['another version', good.replace('"version": 1', '"version": 2'), 'not_a_report'],
    [
      'an unknown key',
      good.replace('"version": 1,', '"version": 1, "extra": true,'),
      'not_a_report',
    ],
    [
      'a __proto__ key',
      good.replace('"version": 1,', '"version": 1, "__proto__": {"polluted": true},'),
      'not_a_report',
    ],
    [
      'a string too long',
      good.replace('"Microsoft Windows 11 Pro"', JSON.stringify('x'.repeat(5000))),
      'not_a_report',
    ],
    [
      'too many endpoints',
      JSON.stringify({
        ...healthyReport(),
        endpoints: Array(101).fill(healthyReport().endpoints[0]),
      }),
      'not_a_report',
    ],
    ['deep nesting', `${'['.repeat(5000)}${']'.repeat(5000)}`, 'not_a_report'],
    [
      'a number where a name goes',
      good.replace('"name": "wuauserv"', '"name": 12'),
      'not_a_report',
    ],
  ])('refuses %s, saying what is wrong', (_what, text, kind) => {
    const read = readReport(text, bytesOf(text).byteLength);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.reason.kind).toBe(kind);
    expect(read.reason.message).toMatch(/diagnostic (script|report)/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('names where a report differs from the schema', () => {
    const read = readReport(good.replace('"present": true', '"present": "yes"'), 10);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.reason.issues[0]).toMatch(/^services\.0\.present: /);
  });

  it('refuses a file over the limit without parsing it', () => {
    const read = readReportBytes(new Uint8Array(MAX_REPORT_BYTES + 1));
    expect(read).toMatchObject({ ok: false, reason: { kind: 'too_large' } });
    if (!read.ok) expect(read.reason.message).toContain('at most 48 KiB');
  });

  it('refuses bytes that are not UTF-8', () => {
    const read = readReportBytes(new Uint8Array([0x7b, 0xc3, 0x28, 0x7d]));
    expect(read).toMatchObject({ ok: false, reason: { kind: 'not_json' } });
  });
});
