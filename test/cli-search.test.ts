import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { errorResponseSchema } from '../src/app/responses.js';
import { searchResponseSchema } from '../src/app/search-response.js';
import { createHttpApp } from '../src/http/create-http-app.js';
import { composeForTest } from '../src/test-support/compose-for-test.js';
import { erratlas } from './run-process.js';

/** `erratlas search` as a real subprocess of the built CLI (dist/bin.js). */
const folder = mkdtempSync(join(tmpdir(), 'atlas-cli-search-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
/** A database file that does not exist: the CLI answers from the bundled content, read-only. */
const env = { DATABASE_URL: `sqlite:${join(folder, 'none.db')}`, ERRATLAS_BASE_URL: '' };

describe('erratlas search', () => {
  it('prints the articles for words without a code, the right one first, with links (exit 0)', async () => {
    const result = await erratlas(['search', 'wuauserv', 'wont', 'start'], env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const articles = result.stdout.split('\n').filter((line) => /^ {2}\d+\. /.test(line));
    expect(articles[0]).toContain('0x80070422');
    expect(result.stdout).toContain('http://localhost:3000/windows-update/0x80070422');
  }, 30_000);

  it('prints with --json exactly what GET /api/v1/search returns, --limit kept', async () => {
    const result = await erratlas(['search', '--json', '--limit', '3', 'soap', 'client'], env);
    expect(result.code).toBe(0);
    const printed = searchResponseSchema.parse(JSON.parse(result.stdout));
    expect(printed.articles).toHaveLength(3);
    const composed = await composeForTest();
    try {
      const api = await createHttpApp(composed.deps).request(
        '/api/v1/search?q=soap+client&limit=3',
      );
      expect(printed).toEqual(await api.json());
    } finally {
      await composed.close();
    }
  }, 30_000);

  it('exits 1 when nothing is found, saying so on stderr', async () => {
    const result = await erratlas(['search', '!!!', '???'], env);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('nothing found for "!!! ???"');
  }, 30_000);

  it('exits 2 for a --limit out of range, naming it and what is accepted (--json: the API body)', async () => {
    const result = await erratlas(['search', '--json', '--limit', '99', 'proxy'], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--limit');
    expect(result.stderr).toContain('from 1 to 50');
    expect(errorResponseSchema.parse(JSON.parse(result.stdout)).error.code).toBe(
      'invalid_search_parameter',
    );
  }, 30_000);

  it('exits 2 with the usage when no words are given; --help prints the options (exit 0)', async () => {
    const missing = await erratlas(['search'], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('missing words to search for');
    expect(missing.stderr).toContain('usage: erratlas search <words…>');
    const help = await erratlas(['search', '--help'], env);
    expect(help.code).toBe(0);
    for (const option of ['--json', '--limit <n>', '--severity <level>', '--db <url>'])
      expect(help.stdout).toContain(option);
  }, 30_000);
});
