import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { erratlas } from './run-process.js';
import { healthyReport } from '../src/core/diagnose/report-fixtures.js';
import { readOnlyViolations } from '../src/core/diagnose/read-only-violations.js';

const folder = mkdtempSync(join(tmpdir(), 'atlas-cli-diagnose-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const env = {
  DATABASE_URL: `sqlite:${join(folder, 'absent.db')}`,
  ERRATLAS_BASE_URL: 'https://atlas.example',
};
const fileWith = (name: string, content: string | Buffer): string => {
  const path = join(folder, name);
  writeFileSync(path, content);
  return path;
};

describe('erratlas diagnose', () => {
  it('--script prints the read-only diagnostic script', async () => {
    const result = await erratlas(['diagnose', '--script'], env);
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith('<#\r\n')).toBe(true);
    expect(readOnlyViolations(result.stdout)).toEqual([]);
    expect(result.stdout).toContain(
      "@{ host = 'dl.delivery.mp.microsoft.com'; scheme = 'https'; port = 443 }",
    );
  });

  it('reads a report: each finding in plain words, its fix, and the walk-through from it; exit 1 for a problem', async () => {
    const r = healthyReport();
    r.services[1]!.startMode = 'Disabled';
    const result = await erratlas(['diagnose', fileWith('disabled.json', JSON.stringify(r))], env);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Windows: Microsoft Windows 11 Pro 23H2 (build 22631.4602)');
    expect(result.stdout).toContain(
      '1. Problem: Background Intelligent Transfer Service (BITS) is set to Disabled',
    );
    expect(result.stdout).toMatch(
      /Read: https:\/\/atlas\.example\/windows-update\/0x80070422#start-update-service/,
    );
    expect(result.stdout).toContain(
      'Walk through it: erratlas fix 0x80070422 --from start-update-service',
    );
  });

  it('exits 0 when nothing is wrong, and --json prints the API answer', async () => {
    const path = fileWith('healthy.json', JSON.stringify(healthyReport()));
    const text = await erratlas(['diagnose', path], env);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Nothing in the report points at a cause');
    const json = await erratlas(['diagnose', path, '--json'], env);
    expect(JSON.parse(json.stdout)).toEqual({
      windows: { name: 'Microsoft Windows 11 Pro 23H2', build: '22631.4602' },
      findings: [],
      problems: [],
    });
  });

  it.each([
    ['not JSON', 'garbage', 'is not JSON'],
    ['not a report', '{"a":1}', 'not an Error Atlas diagnostic report'],
    ['too large', 'x'.repeat(49 * 1024), 'a diagnostic report is at most 48 KiB'],
    ['binary', Buffer.from([0xc3, 0x28, 0x00, 0xff]), 'not text in UTF-8'],
  ])('exits 2 with the reason for a file that is %s', async (name, content, message) => {
    const result = await erratlas(['diagnose', fileWith(`${name}.json`, content)], env);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(message);
  });

  it('exits 2 for a file that does not exist, or no file at all', async () => {
    const missing = await erratlas(['diagnose', join(folder, 'nope.json')], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot be read (ENOENT)');
    const none = await erratlas(['diagnose'], env);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('diagnose needs the report file');
  });
});
