import type { Context } from 'hono';
import type { HttpErrorStatus } from '../errors.js';
import type { CachedPage } from './page-cache.js';
import '../middleware/context-variables.js';

/** Article and code pages: shared caches may keep them a minute, then must ask again. */
export const PAGE_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=600';

/**
 * Sends a page. A cached page goes with its ETag and its kept compressed forms; ETags, 304s,
 * Cache-Control defaults and compression are the middleware's (`httpCache`, `compression`).
 */
export function sendHtml(
  c: Context,
  page: CachedPage | string,
  status: 200 | HttpErrorStatus = 200,
  cacheControl?: string,
): Response {
  const headers: Record<string, string> = { 'content-type': 'text/html; charset=utf-8' };
  if (cacheControl) headers['cache-control'] = cacheControl;
  if (typeof page === 'string') return c.body(page, status, headers);
  c.set('encodedBody', page.encoded);
  return c.body(page.encoded.body, status, { ...headers, etag: page.etag });
}
