import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { searchResponseSchema } from '../src/app/search-response.js';
import { erratlas } from './run-process.js';

const folder = mkdtempSync(join(tmpdir(), 'atlas-cli-search-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const env = { DATABASE_URL: `sqlite:${join(folder, 'atlas.db')}` };

describe('erratlas search', () => {
  it('prints the articles for words, with matched words marked (exit 0)', async () => {
    const result = await erratlas(['search', 'wuauserv', 'wont', 'start'], env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Articles:');
    expect(result.stdout.split('\n')[1]).toContain('0x80070422');
    expect(result.stdout).toContain('/windows-update/0x80070422');
  });

  it('prints with --json the SearchResponse the API returns, codes first', async () => {
    const result = await erratlas(
      ['search', '--json', '--limit', '2', '0x8024402f', 'windows', '10'],
      env,
    );
    expect(result.code).toBe(0);
    const body = searchResponseSchema.parse(JSON.parse(result.stdout));
    expect(body.codes[0]?.code).toBe('0x8024402F');
    expect(body.articles.length).toBeLessThanOrEqual(2);
  });

  it.each([
    [['search'], 'search needs words'],
    [['search', '--limit', 'x', 'proxy'], 'limit'],
    [['search', '--severity', 'urgent', 'proxy'], 'severity'],
  ])('%j exits 2 with the reason on stderr', async (args, reason) => {
    const result = await erratlas(args, env);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(reason);
  });
});
