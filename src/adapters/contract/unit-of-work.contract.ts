import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DemandStore } from '../../core/demand-ports.js';
import type { ArticleStore, SaveArticle, UnitOfWork } from '../../core/ports.js';
import { sampleArticle } from '../../test-support/sample-article.js';

export interface StorageUnderTest {
  store: ArticleStore;
  demand: DemandStore;
  unitOfWork: UnitOfWork;
}

const save = (code: string, hash: string, baseRevision = 0): SaveArticle => ({
  article: sampleArticle({ code }),
  contentHash: hash,
  baseRevision,
  at: '2026-11-26T12:00:00.000Z',
  author: 'tester',
  reason: 'test',
});

const procedure = { id: 'p', title: 'P', actions: [{ step: 'Restart the PC' }] };

const request = (code: string, requesterHash = 'someone') => ({
  code,
  requesterHash,
  day: '2026-11-26',
  at: '2026-11-26T10:00:00Z',
});

/** A promise and the function that resolves it: lets a test hold a unit of work open. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open = (): void => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

/** The behaviour every UnitOfWork adapter must have, on fresh, empty storage. */
export function describeUnitOfWorkContract(
  name: string,
  openStorage: () => StorageUnderTest,
): void {
  describe(`UnitOfWork contract: ${name}`, () => {
    let storage: StorageUnderTest;
    beforeEach(() => {
      storage = openStorage();
    });
    afterEach(async () => {
      await storage.store.close();
    });

    it('keeps every write of work that resolves, and returns its value', async () => {
      const value = await storage.unitOfWork.run(async (tx) => {
        await tx.articles.saveProcedure(procedure, 'p1', '2026-11-26T10:00:00.000Z');
        await tx.articles.saveArticle(save('0x80244001', 'h1'));
        await tx.demand.recordArticleRequest(request('0x80070005'));
        return 'done';
      });
      expect(value).toBe('done');
      expect(await storage.store.getArticleRef('windows-update', '0x80244001')).toMatchObject({
        revision: 1,
      });
      expect(await storage.store.getProcedure('p')).toBeDefined();
      expect(await storage.demand.articleRequestCount('0x80070005')).toBe(1);
    });

    it('leaves nothing of work that fails in the middle, and rethrows its error', async () => {
      await storage.store.saveArticle(save('0x80244001', 'before'));
      const failure = new Error('disk on fire');
      const run = storage.unitOfWork.run(async (tx) => {
        await tx.articles.saveArticle(save('0x80244001', 'changed', 1));
        await tx.articles.saveArticle(save('0x80244007', 'new'));
        await tx.articles.saveProcedure(procedure, 'p1', '2026-11-26T10:00:00.000Z');
        await tx.articles.recordBundledHash('windows-update/0x80244007.md', 'h');
        await tx.demand.recordArticleRequest(request('0x80070005'));
        await tx.demand.recordLookups(new Map([['0x80244001', 3]]));
        throw failure;
      });
      await expect(run).rejects.toBe(failure);
      expect(await storage.store.getArticleRef('windows-update', '0x80244001')).toMatchObject({
        revision: 1,
        contentHash: 'before',
      });
      expect(await storage.store.listRevisions('windows-update', '0x80244001')).toHaveLength(1);
      expect(await storage.store.getArticle('windows-update', '0x80244007')).toBeUndefined();
      expect(await storage.store.getProcedure('p')).toBeUndefined();
      expect(await storage.store.getBundledHashes()).toEqual(new Map());
      expect(await storage.demand.articleRequestCount('0x80070005')).toBe(0);
      expect(await storage.demand.lookupCounts(['0x80244001'])).toEqual(new Map());
    });

    it('rolls back a store call that fails (a revision conflict) like any error', async () => {
      await storage.store.saveArticle(save('0x80244001', 'h1'));
      const run = storage.unitOfWork.run(async (tx) => {
        await tx.articles.saveArticle(save('0x80244007', 'new'));
        await tx.articles.saveArticle(save('0x80244001', 'h2', 0));
      });
      await expect(run).rejects.toMatchObject({ code: 'revision_conflict' });
      expect(await storage.store.getArticle('windows-update', '0x80244007')).toBeUndefined();
    });

    it('keeps calls from outside out of an open unit of work until it ends', async () => {
      const hold = gate();
      const run = storage.unitOfWork.run(async (tx) => {
        await tx.articles.saveArticle(save('0x80244001', 'h1'));
        await hold.opened;
        throw new Error('abandoned');
      });
      // Started while the unit of work is open: neither may see nor join its writes.
      const seen = storage.store.getArticle('windows-update', '0x80244001');
      const written = storage.demand.recordLookups(new Map([['0x80244001', 1]]));
      let seenEarly = false;
      void seen.then(() => (seenEarly = true));
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(seenEarly).toBe(false);
      hold.open();
      await expect(run).rejects.toThrow('abandoned');
      expect(await seen).toBeUndefined();
      await written;
      // The outside write was not rolled back with the unit of work.
      expect(await storage.demand.lookupCounts(['0x80244001'])).toEqual(
        new Map([['0x80244001', 1]]),
      );
    });

    it('runs units of work one after another: a count-then-insert never overshoots', async () => {
      const limit = 5;
      const outcomes = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          storage.unitOfWork.run(async (tx) => {
            const already = await tx.demand.countRequestsBy('someone', '2026-11-26');
            // A real wait between the read and the write, as a networked database has.
            await new Promise((resolve) => setImmediate(resolve));
            if (already >= limit) return 'limited';
            await tx.demand.recordArticleRequest(request(`0x8007${String(i).padStart(4, '0')}`));
            return 'recorded';
          }),
        ),
      );
      expect(outcomes.filter((o) => o === 'recorded')).toHaveLength(limit);
      expect(await storage.demand.countRequestsBy('someone', '2026-11-26')).toBe(limit);
    });

    it('refuses a store handle used inside work instead of waiting for itself', async () => {
      const run = storage.unitOfWork.run(async () => {
        await storage.store.saveArticle(save('0x80244001', 'h1'));
      });
      await expect(run).rejects.toThrow(/use the stores that run\(\) passes/);
      expect(await storage.store.getArticle('windows-update', '0x80244001')).toBeUndefined();
    });

    it('refuses the stores of a unit of work once it has ended', async () => {
      let kept: Parameters<Parameters<UnitOfWork['run']>[0]>[0] | undefined;
      await storage.unitOfWork.run((tx) => {
        kept = tx;
        return Promise.resolve();
      });
      await expect(kept?.articles.saveArticle(save('0x80244001', 'h1'))).rejects.toThrow(
        /after it had ended/,
      );
      expect(await storage.store.getArticle('windows-update', '0x80244001')).toBeUndefined();
    });
  });
}
