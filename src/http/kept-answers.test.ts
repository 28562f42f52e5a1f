import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import type { Composed } from '../compose.js';
import { composeForTest } from '../test-support/compose-for-test.js';
import { sampleArticle } from '../test-support/sample-article.js';
import { createHttpApp } from './create-http-app.js';
import type { DatabaseTarget } from '../config.js';
import type { CodeLookup } from '../app/responses.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// 0x80240023 (WU_E_EULAS_DECLINED) has no shipped article: its code page is the decode.
const CODE = '0x80240023';

let composed: Composed;
let app: Hono;
let folder: string;

// The embedded SQLite file keeps some reads for one turn of the event loop (`TurnMemo`); the
// in-memory store keeps nothing: both must show a change at once to the next request.
const DATABASES = [
  {
    name: 'SQLite file',
    target: (): DatabaseTarget => ({ kind: 'sqlite', file: join(folder, 'atlas.db') }),
  },
  { name: 'memory', target: (): DatabaseTarget => ({ kind: 'memory' }) },
];

/** The page cache's hit count, as /metrics reports it. */
async function cacheHits(): Promise<number> {
  const text = await (await app.request('/metrics')).text();
  const hits = /^page_cache_lookups_total\{result="hit"\} (\d+)$/m.exec(text);
  if (!hits?.[1]) throw new Error('/metrics has no page cache hit count');
  return Number(hits[1]);
}

async function addArticleFor(code: string, title: string): Promise<void> {
  await composed.deps.store.saveArticle({
    article: sampleArticle({ code, title }),
    contentHash: `test-${title}`,
    baseRevision: 0,
    at: '2026-12-04T00:00:00.000Z',
    author: 'test',
    reason: 'kept-answers test',
  });
}

describe.each(DATABASES)('kept answers on $name', ({ target }) => {
  beforeEach(async () => {
    folder = mkdtempSync(join(tmpdir(), 'atlas-kept-'));
    composed = await composeForTest(target());
    app = createHttpApp(composed.deps);
  });
  afterEach(async () => {
    await composed.close();
    rmSync(folder, { recursive: true, force: true });
  });

  describe('a code page without an article', () => {
    it('is rendered once and then answered from the page cache', async () => {
      const first = await app.request(`/codes/${CODE}`);
      const hitsBefore = await cacheHits();
      const again = await app.request(`/codes/${CODE}`);
      expect(await cacheHits()).toBe(hitsBefore + 1);
      expect(await again.text()).toBe(await first.text());
      expect(again.headers.get('etag')).toBe(first.headers.get('etag'));
    });

    it('shows a new article request at once, although the page is kept', async () => {
      expect(await (await app.request(`/codes/${CODE}`)).text()).toContain('0 requests so far');
      expect((await app.request(`/codes/${CODE}`, { method: 'POST' })).status).toBe(303);
      const after = await (await app.request(`/codes/${CODE}`)).text();
      expect(after).toContain('1 request so far');
    });

    it('leads to the article as soon as one is written', async () => {
      expect((await app.request(`/codes/${CODE}`)).status).toBe(200);
      await addArticleFor(CODE, 'A new article for the cache test');
      const response = await app.request(`/codes/${CODE}`);
      expect(response.status).toBe(302);
      expect(response.headers.get('location')).toBe(`/windows-update/${CODE}`);
    });
  });

  describe('the API look-up', () => {
    it('answers a repeated look-up from the cache with the same bytes and ETag', async () => {
      const first = await app.request(`/api/v1/codes/${CODE}`);
      const hitsBefore = await cacheHits();
      const again = await app.request(`/api/v1/codes/${CODE}`);
      expect(await cacheHits()).toBe(hitsBefore + 1);
      expect(again.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(await again.text()).toBe(await first.text());
      expect(again.headers.get('etag')).toBe(first.headers.get('etag'));
    });

    it('names an article written after the first look-up, with a new ETag', async () => {
      const before = await app.request(`/api/v1/codes/${CODE}`);
      expect(((await before.json()) as CodeLookup).readings[0]?.articles).toEqual([]);
      await addArticleFor(CODE, 'Another article for the cache test');
      const after = await app.request(`/api/v1/codes/${CODE}`);
      const [article] = ((await after.json()) as CodeLookup).readings[0]?.articles ?? [];
      expect(article?.title).toBe('Another article for the cache test');
      expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'));
    });

    it('counts every look-up it answers from the cache', async () => {
      for (let i = 0; i < 3; i++) await app.request(`/api/v1/codes/${CODE}`);
      await composed.deps.lookups.flush();
      const counts = await composed.deps.demand.lookupCounts([CODE]);
      expect(counts.get(CODE)).toBe(3);
    });
  });
});
