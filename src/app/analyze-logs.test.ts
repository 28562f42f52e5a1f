import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CHUNK_BYTES, readLogSources } from '../adapters/logs/read-log-sources.js';
import { catalog } from '../test-support/analyse-log-text.js';
import { analyzeLogs } from './analyze-logs.js';

/**
 * The robustness checks of issue 11 on real files through the real reader and the whole use
 * case, with logs long enough (past the 40 lines of format detection) that the fast path reads
 * them. Each answers clearly and in bounded time: the tests time out otherwise.
 */
const dir = mkdtempSync(join(tmpdir(), 'atlas-analyze-logs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cbs = (i: number, message = `Exec: Plain step ${i}`): string =>
  `2024-03-05 14:05:${String(i % 60).padStart(2, '0')}, Info                  CBS    ${message}`;
const FAILURE = '[HRESULT = 0x800f081f - CBS_E_SOURCE_MISSING]';
const lines = (n: number): string[] => Array.from({ length: n }, (_, i) => cbs(i));

async function run(name: string, bytes: Uint8Array) {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  let read = 0;
  const diagnosis = await analyzeLogs(readLogSources([path], '/'), {
    catalog,
    rules: [],
    onProgress: (_file, bytes) => (read = bytes),
  });
  return { diagnosis, read, file: diagnosis.files[0] };
}

describe('analyzeLogs on odd files: a clear answer, nothing hangs', () => {
  it('refuses a binary file as not a text log after its first chunk', async () => {
    const binary = Buffer.alloc(16 * CHUNK_BYTES);
    for (let i = 0; i < binary.length; i++) binary[i] = (i * 7919) & 0xff;
    const started = performance.now();
    const { diagnosis, read } = await run('image.log', binary);
    expect(diagnosis.refused).toEqual([
      {
        file: expect.stringContaining('image.log') as string,
        reason: expect.stringMatching(/^not a text log/) as string,
      },
    ]);
    expect(read).toBeLessThanOrEqual(CHUNK_BYTES);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('says a zero-byte file holds nothing to read', async () => {
    const { diagnosis } = await run('empty.log', new Uint8Array(0));
    expect(diagnosis.refused[0]?.reason).toBe('empty file (zero bytes): nothing to read');
  });

  it('cuts a 10 MB line in a long log, says so, and reads the lines after it', async () => {
    const text = [
      ...lines(60),
      cbs(60, `${FAILURE} ${'x'.repeat(10 * 1024 * 1024)}`),
      ...lines(5),
      cbs(66, `Failed ${FAILURE}`),
      '',
    ].join('\r\n');
    const { file, diagnosis } = await run('CBS.log', Buffer.from(text));
    expect(file?.notices).toContain(
      '1 line(s) longer than 64 KiB: only their first 64 KiB were read',
    );
    expect(file?.lines).toBe(67);
    expect(diagnosis.telling.map((f) => f.line)).toEqual([61]);
    expect(diagnosis.groups[0]?.count).toBe(2);
  });

  it('says a log cut mid-line was cut, and still reads that last line', async () => {
    const text = [...lines(60), cbs(60, `Failed ${FAILURE}`)].join('\r\n');
    const { file, diagnosis } = await run('CBS.log', Buffer.from(text));
    expect(file?.notices).toEqual([
      'the last line has no line end: the log may have been cut mid-line',
    ]);
    expect(diagnosis.groups.map((g) => [g.code, g.first.line])).toEqual([['0x800F081F', 61]]);
  });

  it('replaces and counts invalid UTF-8, and keeps the line it is in', async () => {
    const text = Buffer.concat([
      Buffer.from(`${lines(60).join('\r\n')}\r\n${cbs(60, `caf`)}`),
      Buffer.from([0xc3, 0x28, 0xff]),
      Buffer.from(` ${FAILURE}\r\n`),
    ]);
    const { file, diagnosis } = await run('CBS.log', text);
    expect(file?.notices).toEqual([
      '2 byte sequence(s) were not valid utf-8 and were replaced with �',
    ]);
    expect(diagnosis.telling[0]?.text).toContain('caf�(� [HRESULT');
  });

  const utf16 = (text: string): Buffer =>
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);

  it('says a UTF-16 log with an odd byte count ended in half a character', async () => {
    const text = `${[...lines(60), cbs(60, `Failed ${FAILURE}`)].join('\r\n')}\r\n`;
    const { file, diagnosis } = await run(
      'CBS.log',
      Buffer.concat([utf16(text), Buffer.from([0x41])]),
    );
    expect(file?.encoding).toBe('utf-16le with BOM, CRLF');
    expect(file?.notices).toContain(
      'UTF-16 with an odd number of bytes: the last byte is half a character and was ignored',
    );
    expect(diagnosis.groups.map((g) => g.code)).toEqual(['0x800F081F']);
  });

  it('says a truncated UTF-16 log was cut, and keeps every whole line', async () => {
    const text = `${[...lines(60), cbs(60, `Failed ${FAILURE}`), cbs(61, 'Exec: cut here')].join('\r\n')}\r\n`;
    const bytes = utf16(text);
    const { file, diagnosis } = await run('CBS.log', bytes.subarray(0, bytes.length - 20));
    expect(file?.notices).toEqual([
      'the last line has no line end: the log may have been cut mid-line',
    ]);
    expect(file?.lines).toBe(62);
    expect(diagnosis.groups.map((g) => [g.code, g.first.line])).toEqual([['0x800F081F', 61]]);
  });
});
