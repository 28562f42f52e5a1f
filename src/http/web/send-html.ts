import type { Context } from 'hono';
import type { HttpErrorStatus } from '../errors.js';
import type { CachedPage } from '../page-cache.js';
import { sendCached } from '../send-cached.js';

/** Article and code pages: shared caches may keep them a minute, then must ask again. */
export const PAGE_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=600';

const HTML = 'text/html; charset=utf-8';

/**
 * Sends a page: a kept one with its ETag and compressed forms (and, unless told otherwise, the
 * pages' Cache-Control in its head already, which the ETag middleware would otherwise add by
 * copying the head), a fresh one as it is.
 */
export function sendHtml(
  c: Context,
  page: CachedPage | string,
  status: 200 | HttpErrorStatus = 200,
  cacheControl?: string,
): Response {
  if (typeof page !== 'string') {
    return sendCached(c, page, HTML, { 'cache-control': cacheControl ?? PAGE_CACHE_CONTROL });
  }
  const headers: Record<string, string> = cacheControl ? { 'cache-control': cacheControl } : {};
  return c.body(page, status, { ...headers, 'content-type': HTML });
}
