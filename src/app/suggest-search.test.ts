import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Composed } from '../compose.js';
import { composeForTest } from '../test-support/compose-for-test.js';
import { sampleArticle } from '../test-support/sample-article.js';
import { MAX_SUGGESTIONS, suggestSearch } from './suggest-search.js';

/** Search-as-you-type on the real wiring with a SQLite store and the bundled articles. */
const folder = mkdtempSync(join(tmpdir(), 'atlas-suggest-'));
let composed: Composed;
beforeAll(async () => {
  composed = await composeForTest({ kind: 'sqlite', file: join(folder, 'atlas.db') });
}, 60_000);
afterAll(async () => {
  await composed.close();
  rmSync(folder, { recursive: true, force: true });
});

const suggest = async (q: string) => (await suggestSearch(composed.deps, q)).suggestions;
const urls = async (q: string) => (await suggest(q)).map((s) => s.url);

describe('suggestSearch: ranking', () => {
  it('offers the code read exactly first, then its article', async () => {
    const [code, article] = await suggest('0x80244001');
    expect(code).toMatchObject({ kind: 'code', label: '0x80244001', url: '/codes/0x80244001' });
    expect(article).toMatchObject({ kind: 'article', url: '/windows-update/0x80244001' });
  });

  it('finds the article of a code read in another notation, which no title starts', async () => {
    const [code, article] = await suggest('-2147024891');
    expect(code).toMatchObject({ kind: 'code', label: '0x80070005' });
    expect(article).toMatchObject({ kind: 'article', url: '/windows-update/0x80070005' });
  });

  it('completes the last word: articles first, then codes by meaning, at most eight', async () => {
    const found = await suggest('soapcli');
    expect(found[0]?.url).toBe('/windows-update/0x80244001');
    const kinds = found.map((s) => s.kind);
    expect(kinds.indexOf('code-by-meaning')).toBeGreaterThan(kinds.lastIndexOf('article'));
    expect(found.length).toBeLessThanOrEqual(MAX_SUGGESTIONS);
    expect(await urls('servicing stac')).toContain('/windows-update/0x800F0823');
  });

  it('puts the more looked-up of two equal matches first, never a weaker match', async () => {
    // 0x80244001 and 0x80244007 both have SOAPCLIENT in their name: equal, so id order.
    const before = (await urls('soapcli')).filter((u) => u.startsWith('/windows-update/'));
    expect(before.slice(0, 2)).toEqual([
      '/windows-update/0x80244001',
      '/windows-update/0x80244007',
    ]);
    await composed.deps.demand.recordLookups(new Map([['0x80244007', 40]]));
    const after = (await urls('soapcli')).filter((u) => u.startsWith('/windows-update/'));
    expect(after.slice(0, 2)).toEqual(['/windows-update/0x80244007', '/windows-update/0x80244001']);
    // "soap" is a whole word of 0x80244007's title only: looked up or not, it stays first
    // over a start of "soapclient".
    await composed.deps.demand.recordLookups(new Map([['0x80244001', 400]]));
    expect((await suggest('soap'))[0]?.url).toBe('/windows-update/0x80244007');
  });

  it('gives nothing, and no error, for an empty box or marks only', async () => {
    expect(await suggest('')).toEqual([]);
    expect(await suggest('   ')).toEqual([]);
    await expect(suggest('"*(')).resolves.toBeInstanceOf(Array);
  });
});

describe('suggestSearch: the dictionary follows the store', () => {
  it('offers an article saved after start-up, by content version', async () => {
    expect(await urls('zanzibarq')).toEqual([]);
    await composed.deps.store.saveArticle({
      article: sampleArticle({
        code: '0x80070057',
        title: 'Error 0x80070057: the zanzibarquux parameter is wrong',
      }),
      contentHash: 'test-hash-zanzibarquux-suggest',
      baseRevision: 0,
      at: '2026-12-07T01:00:00Z',
      author: 'test',
      reason: 'suggest test',
    });
    expect(await urls('zanzibarq')).toEqual(['/windows-update/0x80070057']);
  });
});
