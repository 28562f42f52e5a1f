import { describe, expect, it } from 'vitest';
import { analyseBytes, catalog } from '../../test-support/analyse-log-text.js';
import { LogAnalyser } from './log-analyser.js';
import { MAX_LINE_CHARS } from './text-decoding.js';

const CBS_LINE =
  '2024-03-05 14:05:01, Info                  CBS    Exec: Processing complete [HRESULT = 0x800f081f - CBS_E_SOURCE_MISSING]';
const TEXT = `${CBS_LINE}\r\n${CBS_LINE.replace('14:05:01', '14:05:02')}\r\n`;

const utf16 = (text: string, order: 'le' | 'be', bom: boolean): Uint8Array => {
  const le = Buffer.from(text, 'utf16le');
  const bytes = order === 'le' ? le : Buffer.from(le).swap16();
  const mark = order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff];
  return bom ? Buffer.concat([Buffer.from(mark), bytes]) : bytes;
};

function read(bytes: Uint8Array, chunk = 5) {
  const result = analyseBytes('CBS.log', bytes, { chunk });
  if (!result.ok) throw new Error(result.reason);
  return result.analysis;
}

describe('encodings', () => {
  it.each([
    ['UTF-8 without BOM', Buffer.from(TEXT, 'utf8'), 'utf-8, CRLF'],
    [
      'UTF-8 with BOM',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)]),
      'utf-8 with BOM, CRLF',
    ],
    ['UTF-16 LE with BOM', utf16(TEXT, 'le', true), 'utf-16le with BOM, CRLF'],
    ['UTF-16 LE without BOM', utf16(TEXT, 'le', false), 'utf-16le, CRLF'],
    ['UTF-16 BE with BOM', utf16(TEXT, 'be', true), 'utf-16be with BOM, CRLF'],
    ['UTF-16 BE without BOM', utf16(TEXT, 'be', false), 'utf-16be, CRLF'],
    ['LF line ends', Buffer.from(TEXT.replace(/\r\n/g, '\n')), 'utf-8, LF'],
  ])('%s: read as the same two CBS records', (_what, bytes, encoding) => {
    const a = read(bytes);
    expect(a.encoding).toBe(encoding);
    expect(a.format).toBe('cbs');
    expect(a.lines).toBe(2);
    expect(a.groups.map((g) => [g.code, g.count])).toEqual([['0x800F081F', 2]]);
    expect(a.findings[0]?.time).toBe('2024-03-05 14:05:01');
    expect(a.notices).toEqual([]);
  });
});

describe('odd input gets a clear answer', () => {
  it('a zero-byte file', () => {
    expect(analyseBytes('x.log', new Uint8Array(0))).toEqual({
      ok: false,
      reason: 'empty file (zero bytes): nothing to read',
    });
  });

  it('a binary file is refused at its first chunk: push says stop, end says why', () => {
    const binary = new Uint8Array(1024 * 1024);
    for (let i = 0; i < binary.length; i++) binary[i] = (i * 7919) & 0xff;
    const analyser = new LogAnalyser({ file: 'image.log', catalog });
    expect(analyser.push(binary)).toBe(false);
    expect(analyser.push(binary)).toBe(false);
    const result = analyser.end();
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/^not a text log/);
  });

  it('invalid UTF-8 is replaced and counted', () => {
    const bytes = Buffer.concat([
      Buffer.from(`${CBS_LINE} caf`),
      Buffer.from([0xc3, 0x28, 0xff]),
      Buffer.from('\r\n'),
    ]);
    const a = read(bytes);
    expect(a.notices).toContain('2 byte sequence(s) were not valid utf-8 and were replaced with �');
    expect(a.groups).toHaveLength(1);
  });

  it('UTF-16 with an odd byte count says its last byte was half a character', () => {
    const bytes = Buffer.concat([utf16(TEXT, 'le', true), Buffer.from([0x41])]);
    const a = read(bytes, 3);
    expect(a.notices).toContain(
      'UTF-16 with an odd number of bytes: the last byte is half a character and was ignored',
    );
    expect(a.groups[0]?.count).toBe(2);
  });

  it('truncated UTF-16 (cut inside a line) keeps every whole record and says it was cut', () => {
    const full = utf16(TEXT, 'le', true);
    const a = read(full.subarray(0, full.length - 41), 4);
    expect(a.notices).toContain(
      'the last line has no line end: the log may have been cut mid-line',
    );
    expect(a.lines).toBe(2);
  });

  it('a 10 MB line is cut to 64 KiB, said so, and the lines after it are still read', () => {
    const long = `${CBS_LINE} ${'x'.repeat(10 * 1024 * 1024)}\r\n`;
    const a = read(Buffer.from(long + TEXT), 1024 * 1024);
    expect(a.notices).toContain('1 line(s) longer than 64 KiB: only their first 64 KiB were read');
    expect(a.lines).toBe(3);
    expect(a.groups[0]?.count).toBe(3);
    expect(a.findings.every((f) => f.text.length <= 401)).toBe(true);
    expect(MAX_LINE_CHARS).toBe(65536);
  });
});
