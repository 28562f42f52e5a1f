import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { requestHeader } from '../request-header.js';
import { fold, type Step } from './fold.js';
import { headerOf, plainResponse, setHeader } from './plain-head.js';
import { replaceResponse } from './replace-response.js';

/** A strong ETag from the bytes themselves: equal answers match across restarts and instances. */
export const etagOf = (body: Uint8Array | string): string =>
  `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;

/** Errors and refusals are not for keeping: the next request may well succeed. */
export const NO_STORE = 'no-store';

/** RFC 9110 §13.1.2: If-None-Match compares weakly; `*` matches any current representation. */
export function noneMatch(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const opaque = (tag: string): string => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
}

/** What a 304 keeps of the 200 it stands for (RFC 9110 §15.4.5). */
const KEPT_ON_304: readonly Lowercase<string>[] = [
  'cache-control',
  'content-location',
  'date',
  'etag',
  'expires',
  'vary',
];

export interface HttpCacheOptions {
  /** Cache-Control of a successful GET whose route set none. */
  cacheControl: string;
}

/**
 * ETag, conditional GET and Cache-Control, the same for pages and API. On a 200 to GET or
 * HEAD: the route's ETag (the page cache has one) or one from the final bytes, so each
 * encoding has its own; Cache-Control as the route set it or the default; 304 with no body
 * when If-None-Match names the ETag. Other answers get `no-store` unless the route said
 * otherwise (redirects keep theirs).
 */
export const httpCacheStep = ({ cacheControl }: HttpCacheOptions): Step => ({
  after(c) {
    const response = c.res;
    const readable = c.req.method === 'GET' || c.req.method === 'HEAD';
    if (!readable || response.status !== 200) {
      if (response.status >= 400 && headerOf(response, 'cache-control') === undefined) {
        setHeader(c, 'cache-control', NO_STORE);
      }
      return undefined;
    }
    if (headerOf(response, 'cache-control') === undefined) {
      setHeader(c, 'cache-control', cacheControl);
    }
    const etag = headerOf(c.res, 'etag');
    // Only an answer without a tag is read here (asynchronously): a kept one has its tag.
    if (!etag) return tagFromBytes(c);
    answerNotModified(c, etag);
    return undefined;
  },
});

export const httpCache = (options: HttpCacheOptions): MiddlewareHandler =>
  fold([httpCacheStep(options)]);

/**
 * The bytes, read once and sent as bytes again (a fresh buffered response stays on the Node
 * adapter's fast path; a cloned stream would not), tagged with their own ETag.
 */
async function tagFromBytes(c: Context): Promise<void> {
  const response = c.res;
  const body = new Uint8Array(await response.arrayBuffer());
  const etag = etagOf(body);
  const headers = new Headers(response.headers);
  headers.set('etag', etag);
  replaceResponse(c, new Response(body, { status: response.status, headers }));
  answerNotModified(c, etag);
}

/** 304 with no body when If-None-Match names the answer's ETag. */
function answerNotModified(c: Context, etag: string): void {
  if (!noneMatch(requestHeader(c, 'if-none-match'), etag)) return;
  const head: Record<string, string> = {};
  for (const name of KEPT_ON_304) {
    const value = headerOf(c.res, name);
    if (value !== undefined) head[name] = value;
  }
  replaceResponse(c, plainResponse(null, 304, head));
}
