import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArticleStore, SaveArticle } from '../../core/ports.js';
import type { Article } from '../../core/articles/schema.js';
import { sampleArticle } from '../../test-support/sample-article.js';

const save = (
  article: Article,
  contentHash: string,
  reason = 'test',
  baseRevision = 0,
): SaveArticle => ({
  article,
  contentHash,
  baseRevision,
  at: '2026-11-26T12:00:00.000Z',
  author: 'tester',
  reason,
});

/**
 * The behaviour every ArticleStore adapter must have. Each adapter's own test file calls this
 * with a factory for a fresh, empty store.
 */
export function describeArticleStoreContract(
  name: string,
  openStore: () => Promise<ArticleStore> | ArticleStore,
  /** Two handles on one database (SQLite: two connections to one file). */
  openTwoHandles: () => [ArticleStore, ArticleStore],
): void {
  describe(`ArticleStore contract: ${name}`, () => {
    let store: ArticleStore;
    beforeEach(async () => {
      store = await openStore();
    });
    afterEach(async () => {
      await store.close();
    });

    it('returns undefined for an article it does not have', async () => {
      expect(await store.getArticle('windows-update', '0x80244001')).toBeUndefined();
      expect(await store.getArticleRef('windows-update', '0x80244001')).toBeUndefined();
      expect(await store.findArticlesByCode('0x80244001')).toEqual([]);
    });

    it('gives back exactly the article it saved, as revision 1', async () => {
      const article = sampleArticle({ sources: ['A public document'] });
      const outcome = await store.saveArticle(save(article, 'hash-1'));
      expect(outcome).toEqual({ changed: true, revision: 1 });
      const stored = await store.getArticle('windows-update', '0x80244001');
      expect(stored?.article).toEqual(article);
      expect(stored?.revision).toBe(1);
      expect(stored?.contentHash).toBe('hash-1');
    });

    it('makes no new revision when the same content is saved again', async () => {
      await store.saveArticle(save(sampleArticle(), 'hash-1'));
      const again = await store.saveArticle(save(sampleArticle(), 'hash-1'));
      expect(again).toEqual({ changed: false, revision: 1 });
      expect(await store.listRevisions('windows-update', '0x80244001')).toHaveLength(1);
    });

    it('makes revision 2 when the content changes, and keeps the history', async () => {
      await store.saveArticle(save(sampleArticle(), 'hash-1', 'first'));
      const changed = sampleArticle({ title: 'A better title' });
      const outcome = await store.saveArticle(save(changed, 'hash-2', 'retitled', 1));
      expect(outcome).toEqual({ changed: true, revision: 2 });
      expect((await store.getArticle('windows-update', '0x80244001'))?.article.title).toBe(
        'A better title',
      );
      const history = await store.listRevisions('windows-update', '0x80244001');
      expect(history.map((r) => [r.revision, r.contentHash, r.reason])).toEqual([
        [1, 'hash-1', 'first'],
        [2, 'hash-2', 'retitled'],
      ]);
    });

    it('refuses a save from an older revision with revision_conflict carrying both', async () => {
      await store.saveArticle(save(sampleArticle(), 'hash-1'));
      await store.saveArticle(save(sampleArticle({ title: 'Second' }), 'hash-2', 'second', 1));
      const stale = store.saveArticle(save(sampleArticle({ title: 'Lost' }), 'hash-3', 'late', 1));
      await expect(stale).rejects.toMatchObject({
        code: 'revision_conflict',
        details: {
          product: 'windows-update',
          code: '0x80244001',
          baseRevision: 1,
          currentRevision: 2,
        },
      });
      expect((await store.getArticle('windows-update', '0x80244001'))?.article.title).toBe(
        'Second',
      );
      expect(await store.listRevisions('windows-update', '0x80244001')).toHaveLength(2);
    });

    it('refuses a "new" article (base 0) when one is stored, and a base from the future', async () => {
      await store.saveArticle(save(sampleArticle(), 'hash-1'));
      await expect(
        store.saveArticle(save(sampleArticle({ title: 'Other' }), 'hash-2')),
      ).rejects.toMatchObject({
        code: 'revision_conflict',
        details: { baseRevision: 0, currentRevision: 1 },
      });
      await expect(
        store.saveArticle(save(sampleArticle({ title: 'Other' }), 'hash-2', 'x', 7)),
      ).rejects.toMatchObject({
        code: 'revision_conflict',
        details: { baseRevision: 7, currentRevision: 1 },
      });
    });

    it('treats the same text from a stale base as unchanged, not as a conflict', async () => {
      await store.saveArticle(save(sampleArticle(), 'hash-1'));
      await store.saveArticle(save(sampleArticle({ title: 'Second' }), 'hash-2', 'second', 1));
      expect(
        await store.saveArticle(save(sampleArticle({ title: 'Second' }), 'hash-2', 'again', 1)),
      ).toEqual({ changed: false, revision: 2 });
    });

    it('lets only one of two handles on one database save from the same revision', async () => {
      const [first, second] = openTwoHandles();
      try {
        await first.saveArticle(save(sampleArticle(), 'hash-1'));
        // Both handles read revision 1, both edit it; the first to save wins.
        const readByFirst = await first.getArticle('windows-update', '0x80244001');
        const readBySecond = await second.getArticle('windows-update', '0x80244001');
        expect([readByFirst?.revision, readBySecond?.revision]).toEqual([1, 1]);
        const firstEdit = sampleArticle({ title: 'Edited by the first' });
        expect(await first.saveArticle(save(firstEdit, 'hash-a', 'edit', 1))).toEqual({
          changed: true,
          revision: 2,
        });
        const secondEdit = sampleArticle({ title: 'Edited by the second' });
        await expect(
          second.saveArticle(save(secondEdit, 'hash-b', 'edit', 1)),
        ).rejects.toMatchObject({
          code: 'revision_conflict',
          details: { baseRevision: 1, currentRevision: 2 },
        });
        expect((await second.getArticle('windows-update', '0x80244001'))?.article.title).toBe(
          'Edited by the first',
        );
      } finally {
        await first.close();
        await second.close();
      }
    });

    it('finds every product article about one code, ordered by product', async () => {
      await store.saveArticle(save(sampleArticle({ product: 'windows-update' }), 'h1'));
      await store.saveArticle(save(sampleArticle({ product: 'microsoft-store' }), 'h2'));
      await store.saveArticle(save(sampleArticle({ code: '0x80070005' }), 'h3'));
      const refs = await store.findArticlesByCode('0x80244001');
      expect(refs.map((r) => r.product)).toEqual(['microsoft-store', 'windows-update']);
      expect(refs[1]).toMatchObject({ revision: 1, contentHash: 'h1' });
    });

    it('lists all articles ordered by product and code', async () => {
      await store.saveArticle(save(sampleArticle({ code: '0x80244007' }), 'h1'));
      await store.saveArticle(save(sampleArticle({ code: '0x80070005' }), 'h2'));
      const all = await store.listArticles();
      expect(all.map((s) => s.article.code)).toEqual(['0x80070005', '0x80244007']);
    });

    it('does not let a caller change a stored article through a returned object', async () => {
      await store.saveArticle(save(sampleArticle(), 'hash-1'));
      const first = await store.getArticle('windows-update', '0x80244001');
      if (first) first.article.title = 'changed by caller';
      const second = await store.getArticle('windows-update', '0x80244001');
      expect(second?.article.title).toBe('Windows Update error 0x80244001');
    });

    it('changes its content version on every change, and only then', async () => {
      const before = await store.contentVersion();
      expect(await store.contentVersion()).toBe(before);
      await store.saveArticle(save(sampleArticle(), 'hash-1'));
      const afterArticle = await store.contentVersion();
      expect(afterArticle).not.toBe(before);
      await store.saveArticle(save(sampleArticle(), 'hash-1'));
      expect(await store.contentVersion()).toBe(afterArticle);
      await store.saveProcedure(
        { id: 'p', title: 'P', actions: [{ step: 'Restart the PC' }] },
        'p1',
        '2026-11-26T10:00:00.000Z',
      );
      expect(await store.contentVersion()).not.toBe(afterArticle);
    });

    it('remembers the hash each bundled file had when last synced', async () => {
      expect(await store.getBundledHashes()).toEqual(new Map());
      await store.recordBundledHash('windows-update/0x80244001.md', 'h1');
      await store.recordBundledHash('windows-update/0x80244001.md', 'h2');
      await store.recordBundledHash('procedures/p.md', 'h3');
      expect(await store.getBundledHashes()).toEqual(
        new Map([
          ['windows-update/0x80244001.md', 'h2'],
          ['procedures/p.md', 'h3'],
        ]),
      );
    });

    it('saves procedures by content hash', async () => {
      const procedure = {
        id: 'reset-proxy',
        title: 'Reset the WinHTTP proxy',
        actions: [{ command: 'netsh winhttp reset proxy', shell: 'cmd' as const }],
      };
      expect(await store.saveProcedure(procedure, 'p1', '2026-11-26T10:00:00.000Z')).toBe(true);
      expect(await store.saveProcedure(procedure, 'p1', '2026-11-27T10:00:00.000Z')).toBe(false);
      expect((await store.getProcedure('reset-proxy'))?.procedure).toEqual(procedure);
      // The date is the last change's: the unchanged save above left it as it was.
      expect((await store.getProcedure('reset-proxy'))?.updatedAt).toBe('2026-11-26T10:00:00.000Z');
      const changed = { ...procedure, title: 'Reset the proxy of WinHTTP' };
      expect(await store.saveProcedure(changed, 'p2', '2026-11-28T10:00:00.000Z')).toBe(true);
      expect((await store.getProcedure('reset-proxy'))?.updatedAt).toBe('2026-11-28T10:00:00.000Z');
      expect((await store.listProcedures()).map((p) => p.procedure.id)).toEqual(['reset-proxy']);
      expect(await store.getProcedure('missing')).toBeUndefined();
    });
  });
}
