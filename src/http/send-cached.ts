import type { Context } from 'hono';
import { etagFor } from './middleware/compression.js';
import { MIN_COMPRESSED_BYTES } from './middleware/encoded-body.js';
import { negotiateEncoding } from './middleware/negotiate-encoding.js';
import { plainResponse } from './middleware/plain-head.js';
import type { CachedPage } from './page-cache.js';
import { requestHeader } from './request-header.js';

/**
 * Sends a kept answer in the form the client's `Accept-Encoding` asks for, each compressed form
 * made once and kept with it, with that form's ETag. The compression middleware leaves an
 * answer that names its encoding alone, so the hot path builds one response and no more; 304s
 * and Cache-Control defaults are still the middleware's (`httpCache`). The answer's head is a
 * plain record (`plainResponse`): the Node adapter writes it as it is.
 */
export function sendCached(
  c: Context,
  page: CachedPage,
  contentType: string,
  headers: Record<string, string> = {},
): Response {
  const encoding =
    page.encoded.body.byteLength < MIN_COMPRESSED_BYTES
      ? 'identity'
      : negotiateEncoding(requestHeader(c, 'accept-encoding'));
  // Built by assignment, never from a spread: V8 gives an object spread a shape that each name
  // added later replaces anew, and the adapter adds Content-Length (~2 µs a request measured).
  const head: Record<string, string> = Object.assign({}, headers);
  head['content-type'] = contentType;
  head.vary = 'Accept-Encoding';
  if (encoding === 'identity') {
    head.etag = page.etag;
    return plainResponse(page.encoded.body, 200, head);
  }
  head['content-encoding'] = encoding;
  head.etag = etagFor(page.etag, encoding);
  return plainResponse(page.encoded.in(encoding), 200, head);
}
