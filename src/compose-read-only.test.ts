import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lookupCode } from './app/lookup-code.js';
import { parseSearchParams, search } from './app/search.js';
import { compose, composeReadOnly, type Composed } from './compose.js';
import {
  BUNDLED_CONTENT_DIR,
  BUNDLED_DATA_DIR,
  DEFAULT_SERVER_SETTINGS,
  type Config,
} from './config.js';

// `lookup` without a database reads the bundled files of the code it is asked about, not every
// article (adapters/content/bundled-articles-by-code.ts): its answers must be those of the
// whole bundled content synced, as a server has it.
const folder = mkdtempSync(join(tmpdir(), 'atlas-read-only-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const config = (contentDir = BUNDLED_CONTENT_DIR): Config => ({
  port: 0,
  // A file that does not exist: the bundled content, read into memory.
  database: { kind: 'sqlite', file: join(folder, 'absent.db') },
  contentDir,
  dataDir: BUNDLED_DATA_DIR,
  server: DEFAULT_SERVER_SETTINGS,
});

let full: Composed;
beforeAll(async () => {
  full = await compose({ ...config(), database: { kind: 'memory' } });
});
afterAll(() => full.close());

const bundledCodes = readdirSync(join(BUNDLED_CONTENT_DIR, 'windows-update'))
  .filter((name) => name.endsWith('.md'))
  .map((name) => name.slice(0, -'.md'.length));

describe('composeReadOnly with the bundled content', () => {
  it('answers every bundled article code as the whole content synced does', async () => {
    expect(bundledCodes.length).toBeGreaterThan(50);
    for (const code of bundledCodes) {
      const readOnly = await composeReadOnly(config(), { articles: true });
      expect(readOnly.articles).toEqual({ kind: 'bundled' });
      const answer = await lookupCode(readOnly.deps, code);
      expect(answer.readings[0]?.articles.length).toBeGreaterThan(0);
      expect(answer).toEqual(await lookupCode(full.deps, code));
      await readOnly.close();
    }
  });

  it.each([
    '5',
    '0x00000000',
    'WU_E_PT_SOAPCLIENT_INITIALIZE',
    '0xC1900101 - 0x4000D',
    '-2145107967',
  ])(
    'answers %s (several readings, names, no article) as the whole content does',
    async (notation) => {
      const readOnly = await composeReadOnly(config(), { articles: true });
      expect(await lookupCode(readOnly.deps, notation)).toEqual(
        await lookupCode(full.deps, notation),
      );
      await readOnly.close();
    },
  );

  it('searches every article (a search reads them all first)', async () => {
    const readOnly = await composeReadOnly(config(), { articles: true });
    const query = parseSearchParams(full.deps, { q: 'proxy stuck' });
    const answer = await search(readOnly.deps, query);
    expect(answer.total.articles).toBeGreaterThan(0);
    expect(answer).toEqual(await search(full.deps, query));
    expect((await readOnly.deps.store.listArticles()).length).toBe(bundledCodes.length);
    await readOnly.close();
  });

  it('refuses an article whose file name is not its code as the whole sync does', async () => {
    const content = join(folder, 'misnamed');
    cpSync(BUNDLED_CONTENT_DIR, content, { recursive: true });
    const text = readFileSync(join(content, 'windows-update/0x80244001.md'), 'utf8');
    writeFileSync(join(content, 'windows-update/0x80244022.md'), text);
    const refusal = await compose({ ...config(content), database: { kind: 'memory' } }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(String(refusal)).toContain('must be stored as windows-update/0x80244001.md');
    const readOnly = await composeReadOnly(config(content), { articles: true });
    await expect(lookupCode(readOnly.deps, '0x80244022')).rejects.toEqual(refusal);
    // Only the code's own files are read: another code answers, where the whole sync refuses.
    const other = await composeReadOnly(config(content), { articles: true });
    expect((await lookupCode(other.deps, '0x80070005')).readings[0]?.articles).toHaveLength(1);
    await other.close();
    await readOnly.close();
  });
});
