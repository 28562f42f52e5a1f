import type { Hono } from 'hono';
import type { AppDeps } from '../../app/deps.js';
import { parseSearchParams, search } from '../../app/search.js';

/** `GET /api/v1/search`: the same answer the page shows, as JSON (`SearchResponse`). */
export function registerSearchApiRoutes(app: Hono, deps: AppDeps): void {
  app.get('/api/v1/search', async (c) => {
    const input = parseSearchParams(deps, c.req.query());
    return c.json(await search(deps, input));
  });
}
