import { describe, expect, it } from 'vitest';
import { memoryStorage } from '../adapters/memory/memory-storage.js';
import { loadWindowsCatalog } from '../adapters/catalog/load-windows-tables.js';
import { readFamilyFiles } from '../adapters/content/read-families.js';
import { sampleArticle } from '../test-support/sample-article.js';
import { loadFamilyIndex } from './load-families.js';
import { sitemapParts, type SitemapEntry } from './sitemap-entries.js';

const catalog = await loadWindowsCatalog();
const families = loadFamilyIndex(readFamilyFiles(), catalog);
const procedure = { id: 'restart', title: 'Restart the PC', actions: [{ step: 'Restart the PC' }] };

/** A store with one procedure and two articles, one of them using it, saved on the days given. */
async function partsWith(days: { procedure: string; user: string; other: string }) {
  const { store } = memoryStorage();
  await store.saveProcedure(procedure, 'p1', `${days.procedure}T09:00:00.000Z`);
  const save = (code: string, at: string, uses: boolean) =>
    store.saveArticle({
      article: sampleArticle({
        code,
        ...(uses ? { fixes: [{ id: 'restart-first', use: 'restart' }] } : {}),
      }),
      contentHash: code,
      baseRevision: 0,
      at: `${at}T09:00:00.000Z`,
      author: 'test',
      reason: 'test',
    });
  await save('0x80244001', days.user, true);
  await save('0x80244007', days.other, false);
  return sitemapParts({ store, catalog, families });
}

const lastmodOf = (entries: readonly SitemapEntry[], path: string): string | undefined =>
  entries.find((e) => e.path === path)?.lastmod;

describe('sitemapParts: the procedure pages', () => {
  it('dates a procedure by its own change when that is the newer', async () => {
    const { articles, articlesLastmod } = await partsWith({
      procedure: '2026-11-30',
      user: '2026-11-20',
      other: '2026-11-25',
    });
    expect(lastmodOf(articles, '/procedures/restart')).toBe('2026-11-30');
    expect(lastmodOf(articles, '/procedures')).toBe('2026-11-30');
    expect(articlesLastmod).toBe('2026-11-30');
  });

  it('dates a procedure by the newest article that uses it, and no other', async () => {
    const { articles } = await partsWith({
      procedure: '2026-11-10',
      user: '2026-11-20',
      other: '2026-12-01',
    });
    expect(lastmodOf(articles, '/procedures/restart')).toBe('2026-11-20');
    expect(lastmodOf(articles, '/windows-update/0x80244007')).toBe('2026-12-01');
  });

  it('lists the procedures after the family pages, the list first', async () => {
    const { articles } = await partsWith({
      procedure: '2026-11-10',
      user: '2026-11-20',
      other: '2026-11-21',
    });
    const paths = articles.map((e) => e.path);
    expect(paths.indexOf('/procedures')).toBe(paths.indexOf('/procedures/restart') - 1);
    expect(paths.indexOf('/procedures')).toBeGreaterThan(paths.indexOf('/families'));
  });
});
