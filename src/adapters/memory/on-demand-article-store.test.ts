import { describe, expect, it } from 'vitest';
import { sampleArticle } from '../../test-support/sample-article.js';
import { memoryStorage } from './memory-storage.js';
import {
  loadedFirst,
  OnDemandArticleStore,
  type ArticleLoader,
} from './on-demand-article-store.js';

/** A loader that saves the sample article when asked for its code, and records every call. */
function setUp() {
  const memory = memoryStorage();
  const calls: string[] = [];
  const save = () =>
    memory.store
      .saveArticle({
        article: sampleArticle(),
        contentHash: 'h',
        baseRevision: 0,
        at: '2026-12-08T00:00:00.000Z',
        author: 'test',
        reason: 'test',
      })
      .then(() => undefined);
  const loader: ArticleLoader = {
    code: (code) => {
      calls.push(`code ${code}`);
      return code === '0x80244001' ? save() : Promise.resolve();
    },
    all: () => {
      calls.push('all');
      return save();
    },
  };
  return {
    calls,
    store: new OnDemandArticleStore(memory.store, loader),
    unitOfWork: loadedFirst(memory.unitOfWork, loader),
  };
}

describe('OnDemandArticleStore', () => {
  it("loads a code's articles before a read about that code answers", async () => {
    const { calls, store } = setUp();
    expect((await store.findArticlesByCode('0x80244001')).map((ref) => ref.title)).toEqual([
      'Windows Update error 0x80244001',
    ]);
    expect((await store.getArticle('windows-update', '0x80244001'))?.revision).toBe(1);
    expect(await store.getArticleRef('windows-update', '0x80070005')).toBeUndefined();
    expect(await store.listRevisions('windows-update', '0x80070005')).toEqual([]);
    expect(calls).toEqual([
      'code 0x80244001',
      'code 0x80244001',
      'code 0x80070005',
      'code 0x80070005',
    ]);
  });

  it.each([
    ['listArticles', (s: OnDemandArticleStore) => s.listArticles()],
    ['listProcedures', (s: OnDemandArticleStore) => s.listProcedures()],
    ['getProcedure', (s: OnDemandArticleStore) => s.getProcedure('reset-proxy')],
    ['getBundledHashes', (s: OnDemandArticleStore) => s.getBundledHashes()],
    ['contentVersion', (s: OnDemandArticleStore) => s.contentVersion()],
  ])('loads everything before %s', async (_, call) => {
    const { calls, store } = setUp();
    await call(store);
    expect(calls).toEqual(['all']);
  });

  it('lists what everything loaded, and its unit of work sees it too', async () => {
    const { calls, store, unitOfWork } = setUp();
    expect(await unitOfWork.run((tx) => tx.articles.listArticles())).toHaveLength(1);
    expect(calls).toEqual(['all']);
    expect(await store.listArticles()).toHaveLength(1);
  });
});
