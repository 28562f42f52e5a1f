import type { Context, MiddlewareHandler } from 'hono';
import { encode, MIN_COMPRESSED_BYTES } from './encoded-body.js';
import { requestHeader } from '../request-header.js';
import { fold, type Step } from './fold.js';
import { negotiateEncoding, type ContentEncoding } from './negotiate-encoding.js';
import { headerOf, setHeader } from './plain-head.js';
import { replaceResponse } from './replace-response.js';

/** HTML, JSON, CSS and JS (and other text): what compresses well and what we send. */
const COMPRESSIBLE = /^(text\/|application\/(json|javascript|[\w.-]+\+json)\b)/i;

/** `"abc"` → `"abc-br"`; a weak tag stays weak. Each encoding has its own tag, so no cache mixes them. */
export const etagFor = (etag: string, encoding: string): string =>
  etag.replace(/"$/, `-${encoding}"`);

/** The Vary that also names `field`, or undefined when `vary` names it already. */
function varyWith(vary: string | undefined, field: string): string | undefined {
  if (!vary) return field;
  if (vary === field) return undefined;
  const named = vary
    .toLowerCase()
    .split(/\s*,\s*/)
    .includes(field.toLowerCase());
  return named ? undefined : `${vary}, ${field}`;
}

/**
 * gzip or brotli as the client's `Accept-Encoding` asks (see `negotiateEncoding`), for text
 * bodies of 1 KB and more. An answer that already names its encoding (a kept one: see
 * `sendCached`) is left as it is.
 */
export const compressionStep = (): Step => ({
  after(c) {
    const response = c.res;
    if (response.status === 204 || response.status === 304) return undefined;
    const type = headerOf(response, 'content-type') ?? '';
    if (!COMPRESSIBLE.test(type) || headerOf(response, 'content-encoding') !== undefined) {
      return undefined;
    }
    const encoding = negotiateEncoding(requestHeader(c, 'accept-encoding'));
    if (encoding === 'identity') {
      // The answer depends on the header whether or not this one is compressed. (Not touching
      // `response.body` here matters: reading it turns the Node adapter's buffered response into
      // a stream, written in pieces and several times slower.)
      const vary = varyWith(headerOf(response, 'vary'), 'Accept-Encoding');
      if (vary !== undefined) setHeader(c, 'vary', vary);
      return undefined;
    }
    return compress(c, encoding);
  },
});

export const compression = (): MiddlewareHandler => fold([compressionStep()]);

async function compress(c: Context, encoding: ContentEncoding): Promise<void> {
  const response = c.res;
  const headers = new Headers(response.headers);
  const vary = varyWith(headers.get('vary') ?? undefined, 'Accept-Encoding');
  if (vary !== undefined) headers.set('vary', vary);
  const body = new Uint8Array(await response.arrayBuffer());
  if (body.byteLength < MIN_COMPRESSED_BYTES) {
    replaceResponse(c, new Response(body, { status: response.status, headers }));
    return;
  }
  const encoded = encode(body, encoding, 'per-response');
  headers.set('content-encoding', encoding);
  headers.set('content-length', String(encoded.byteLength));
  const etag = headers.get('etag');
  if (etag) headers.set('etag', etagFor(etag, encoding));
  replaceResponse(c, new Response(encoded, { status: response.status, headers }));
}
