import type { Context } from 'hono';
import { etagOf } from './page-cache.js';
import type { HttpErrorStatus } from '../errors.js';

export type HtmlBody = { etag: string; body: Uint8Array<ArrayBuffer> };

/** Article and code pages: shared caches may keep them a minute, then must ask again. */
export const PAGE_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=600';
export const NO_STORE = 'no-store';

const matches = (header: string | undefined, etag: string): boolean =>
  header !== undefined &&
  header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === etag || t === `W/${etag}`;
  });

/** Sends a page with its ETag; answers 304 with no body when the client already has it. */
export function sendHtml(
  c: Context,
  page: HtmlBody | string,
  status: 200 | HttpErrorStatus = 200,
  cacheControl: string = status === 200 ? PAGE_CACHE_CONTROL : NO_STORE,
): Response {
  const { body, etag } =
    typeof page === 'string' ? { body: new TextEncoder().encode(page), etag: etagOf(page) } : page;
  const headers = {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': cacheControl,
    etag,
  };
  if (status === 200 && matches(c.req.header('if-none-match'), etag)) {
    return c.body(null, 304, headers);
  }
  return c.body(body, status, headers);
}
