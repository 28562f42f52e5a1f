import { EncodedBody } from './middleware/encoded-body.js';
import { etagOf } from './middleware/http-cache.js';
import { VersionedCache } from './versioned-cache.js';

export interface CachedPage {
  /** Of the uncompressed bytes; each compressed form answers with its own (`"…-br"`). */
  etag: string;
  /** The bytes, and their gzip and brotli forms, each made once when first asked for. */
  encoded: EncodedBody;
}

/**
 * Rendered answers (pages, and the API's JSON) by key, valid while their version is current:
 * a request costs a version check, not a database read, a render and a compression.
 */
export class PageCache {
  private readonly pages: VersionedCache<CachedPage>;

  constructor(capacity = 2_000, observe?: (result: 'hit' | 'miss') => void) {
    this.pages = new VersionedCache(capacity, observe);
  }

  get(key: string, version: string): CachedPage | undefined {
    return this.pages.get(key, version);
  }

  set(key: string, version: string, text: string): CachedPage {
    const body = new TextEncoder().encode(text);
    return this.pages.set(key, version, { etag: etagOf(body), encoded: new EncodedBody(body) });
  }
}
