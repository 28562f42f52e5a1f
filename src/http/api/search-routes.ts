import type { Hono } from 'hono';
import type { AppDeps } from '../../app/deps.js';
import { listSearchMisses } from '../../app/list-search-misses.js';
import { parseSearchParams, search } from '../../app/search.js';
import { suggestSearch } from '../../app/suggest-search.js';
import { PageCache } from '../page-cache.js';
import { sendCached } from '../send-cached.js';

const JSON_UTF8 = 'application/json; charset=utf-8';

/** The bearer token of a request, if it sent one. */
const bearerToken = (header: string | undefined): string | undefined =>
  header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : undefined;

/**
 * `GET /api/v1/search`: the same answer the page shows, as JSON (`SearchResponse`); a first
 * page that found nothing or little is noted for editors. `GET /api/v1/search/suggest`: the
 * search box's options while a person types, kept per query while the content is the same.
 * `GET /api/v1/search/misses`: the notes, behind the operator token.
 */
export function registerSearchApiRoutes(app: Hono, deps: AppDeps): void {
  app.get('/api/v1/search', async (c) => {
    const input = parseSearchParams(deps, c.req.query());
    const result = await search(deps, input);
    if (input.offset === 0) deps.searchMisses.record(result, deps.clock.now().toISOString());
    return c.json(result);
  });

  // Each key stroke asks again, and many people type the same starts ("0x8024", "update"):
  // the answer is kept by query until the content version moves (look-up counts, which only
  // break ties, may be a minute old).
  const suggestions = new PageCache(5_000);
  app.get('/api/v1/search/suggest', async (c) => {
    const q = c.req.query('q') ?? '';
    const version = await deps.store.contentVersion();
    const answer =
      suggestions.get(q, version) ??
      suggestions.set(q, version, JSON.stringify(await suggestSearch(deps, q)));
    return sendCached(c, answer, JSON_UTF8, { 'cache-control': 'public, max-age=60' });
  });

  app.get('/api/v1/search/misses', async (c) => {
    const misses = await listSearchMisses(deps, bearerToken(c.req.header('authorization')));
    // Behind the operator token: for that client only, never kept by a shared cache.
    return c.json({ misses }, 200, { 'cache-control': 'private, no-store' });
  });
}
