import type { MiddlewareHandler } from 'hono';
import { encode, MIN_COMPRESSED_BYTES } from './encoded-body.js';
import { requestHeader } from '../request-header.js';
import { negotiateEncoding } from './negotiate-encoding.js';
import { replaceResponse } from './replace-response.js';

/** HTML, JSON, CSS and JS (and other text): what compresses well and what we send. */
const COMPRESSIBLE = /^(text\/|application\/(json|javascript|[\w.-]+\+json)\b)/i;

/** `"abc"` → `"abc-br"`; a weak tag stays weak. Each encoding has its own tag, so no cache mixes them. */
export const etagFor = (etag: string, encoding: string): string =>
  etag.replace(/"$/, `-${encoding}"`);

const addVary = (headers: Headers, field: string): void => {
  const vary = headers.get('vary');
  if (!vary) headers.set('vary', field);
  else if (vary === field) return;
  else if (
    !vary
      .toLowerCase()
      .split(/\s*,\s*/)
      .includes(field.toLowerCase())
  )
    headers.set('vary', `${vary}, ${field}`);
};

/**
 * gzip or brotli as the client's `Accept-Encoding` asks (see `negotiateEncoding`), for text
 * bodies of 1 KB and more. An answer that already names its encoding (a kept one: see
 * `sendCached`) is left as it is.
 */
export const compression = (): MiddlewareHandler => async (c, next) => {
  await next();
  const response = c.res;
  if (response.status === 204 || response.status === 304) return;
  const type = response.headers.get('content-type') ?? '';
  if (!COMPRESSIBLE.test(type) || response.headers.has('content-encoding')) return;
  const encoding = negotiateEncoding(requestHeader(c, 'accept-encoding'));
  if (encoding === 'identity') {
    // The answer depends on the header whether or not this one is compressed. (Not touching
    // `response.body` here matters: reading it turns the Node adapter's buffered response into
    // a stream, written in pieces and several times slower.)
    addVary(response.headers, 'Accept-Encoding');
    return;
  }
  const headers = new Headers(response.headers);
  addVary(headers, 'Accept-Encoding');
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
};
