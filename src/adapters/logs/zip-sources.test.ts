import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeLogs, type LogSource } from '../../app/analyze-logs.js';
import { buildZip, type ZipMember } from '../../test-support/zip-writer.js';
import { loadWindowsCatalog } from '../catalog/load-windows-tables.js';
import { readLogRules } from './read-log-sources.js';
import { DEFAULT_ZIP_LIMITS, nameEscapes, zipSources } from './zip-sources.js';

const folder = mkdtempSync(join(tmpdir(), 'atlas-zip-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

let n = 0;
function zipFile(members: readonly ZipMember[]): string {
  const path = join(folder, `t${n++}.zip`);
  writeFileSync(path, buildZip(members));
  return path;
}

async function collect(sources: AsyncIterable<LogSource>) {
  const out: { name: string; refused?: string; text?: string; chunks?: number[] }[] = [];
  for await (const s of sources) {
    if ('refused' in s) out.push({ name: s.name, refused: s.refused });
    else {
      const sizes: number[] = [];
      const parts: Buffer[] = [];
      for await (const c of s.chunks) {
        sizes.push(c.length);
        parts.push(Buffer.from(c));
      }
      out.push({ name: s.name, text: Buffer.concat(parts).toString('utf8'), chunks: sizes });
    }
  }
  return out;
}

const dism = readFileSync('test/logs/dism.log');
const cbs = readFileSync('test/logs/CBS.log');

describe('zipSources (real archives built in the test)', () => {
  it('reads nested folders, stored and deflated entries, skips non-logs, refuses a cab inside', async () => {
    const path = zipFile([
      { name: 'Logs/', data: '', method: 'store' },
      { name: 'Logs/DISM/dism.log', data: dism },
      { name: 'Logs/CBS/CBS.log', data: cbs, method: 'store' },
      { name: 'Logs/CBS/CbsPersist_20240305140500.cab', data: 'MSCF....' },
      { name: 'Logs/readme.exe', data: 'MZ' },
    ]);
    const got = await collect(zipSources(path, 'logs.zip'));
    expect(got.map((g) => g.name)).toEqual([
      'logs.zip/Logs/DISM/dism.log',
      'logs.zip/Logs/CBS/CBS.log',
      'logs.zip/Logs/CBS/CbsPersist_20240305140500.cab',
    ]);
    expect(got[0]?.text).toBe(dism.toString('utf8'));
    expect(got[1]?.text).toBe(cbs.toString('utf8'));
    expect(got[2]?.refused).toContain('expand it first');
  });

  it('streams an entry in chunks instead of inflating it whole', async () => {
    // Lines that differ like a real log's (a repeated line would deflate past the bomb ratio).
    const lines: string[] = [];
    for (let i = 0; lines.length * 90 < 8 * 1024 * 1024; i++)
      lines.push(
        `2024-03-05 14:${String(i % 60).padStart(2, '0')}:01, Info                  CBS    Exec: probing package ${(i * 7919).toString(16)}\r\n`,
      );
    const big = Buffer.from(lines.join(''));
    const path = zipFile([{ name: 'CBS.log', data: big }]);
    const [entry] = await collect(zipSources(path, 'big.zip'));
    expect(entry?.chunks?.reduce((a, b) => a + b, 0)).toBe(big.length);
    expect(entry?.chunks?.length).toBeGreaterThan(8);
    expect(Math.max(...(entry?.chunks ?? [0]))).toBeLessThanOrEqual(1024 * 1024);
  });

  it('diagnoses the logs of a zip together, like the same files on disk', async () => {
    const path = zipFile([
      { name: 'logs/dism.log', data: dism },
      { name: 'logs/CBS.log', data: cbs },
    ]);
    const rules = await readLogRules('content/log-rules');
    const d = await analyzeLogs(zipSources(path, 'logs.zip'), {
      catalog: await loadWindowsCatalog(),
      rules: rules.rules,
    });
    expect(d.matches[0]?.rule).toBe('servicing-source-missing-dism');
    expect(d.files.map((f) => f.file)).toEqual(['logs.zip/logs/dism.log', 'logs.zip/logs/CBS.log']);
  });

  it('refuses a zip bomb (an entry that inflates past the ratio) before inflating anything', async () => {
    const path = zipFile([
      { name: 'ok.log', data: dism },
      { name: 'bomb.log', data: Buffer.alloc(32 * 1024 * 1024) },
    ]);
    const got = await collect(zipSources(path, 'bomb.zip'));
    expect(got).toEqual([
      { name: 'bomb.zip', refused: expect.stringContaining('possible zip bomb') as unknown },
    ]);
  });

  it('refuses an archive whose logs unpack past the total, and one with too many entries', async () => {
    const path = zipFile([
      { name: 'a.log', data: dism },
      { name: 'b.log', data: cbs },
    ]);
    const total = await collect(
      zipSources(path, 'big.zip', { ...DEFAULT_ZIP_LIMITS, maxTotalBytes: dism.length + 10 }),
    );
    expect(total[0]?.refused).toContain('unpack to more than');
    const many = await collect(
      zipSources(path, 'many.zip', { ...DEFAULT_ZIP_LIMITS, maxEntries: 1 }),
    );
    expect(many[0]?.refused).toContain('holds 2 entries; at most 1');
  });

  it('an entry that inflates past its declared size fails as corrupt, never reads on', async () => {
    const path = zipFile([
      { name: 'liar.log', data: Buffer.alloc(4 * 1024 * 1024, 0x41), declaredSize: 100 },
    ]);
    await expect(collect(zipSources(path, 'liar.zip'))).rejects.toThrow(
      /liar\.log: the entry is corrupt/,
    );
  });

  it.each([
    ['../escape.log'],
    ['logs/../../escape.log'],
    ['/etc/escape.log'],
    ['C:/Windows/escape.log'],
    ['C:escape.log'],
    ['..\\escape.log'],
  ])('refuses the whole archive when an entry is named %s', async (name) => {
    const path = zipFile([
      { name: 'first.log', data: dism },
      { name, data: cbs },
    ]);
    const got = await collect(zipSources(path, 'evil.zip'));
    expect(got).toHaveLength(1);
    expect(got[0]?.name).toBe('evil.zip');
    expect(got[0]?.refused).toMatch(/refused whole/);
  });

  it('names escapes itself as well as relying on yauzl', () => {
    expect(['a/b.log', 'a..b.log', 'x/..y/z.log'].map(nameEscapes)).toEqual([false, false, false]);
    expect(['../a', 'a\\..\\b', '/a', 'D:\\a'].map(nameEscapes)).toEqual([true, true, true, true]);
  });

  it('says so when the file is not a zip at all, or holds no logs', async () => {
    const bad = join(folder, 'bad.zip');
    writeFileSync(bad, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]));
    expect((await collect(zipSources(bad, 'bad.zip')))[0]?.refused).toContain(
      'not a readable .zip archive',
    );
    const empty = zipFile([{ name: 'photo.jpg', data: 'x' }]);
    expect((await collect(zipSources(empty, 'e.zip')))[0]?.refused).toContain('holds no log files');
  });
});
