import { EncodedBody } from '../middleware/encoded-body.js';
import { etagOf } from '../middleware/http-cache.js';

export interface CachedPage {
  /** The store's content version the page was rendered at. */
  version: string;
  /** Of the uncompressed bytes; each compressed form answers with its own (`"…-br"`). */
  etag: string;
  /** The bytes, and their gzip and brotli forms, each made once when first asked for. */
  encoded: EncodedBody;
}

/**
 * Rendered pages by key, valid while the store's content version is unchanged: a request costs
 * a version check, not a database read, a render and a compression. Bounded, oldest out first.
 */
export class PageCache {
  private readonly pages = new Map<string, CachedPage>();

  /** `observe` hears every look-up's result (metrics count hits and misses with it). */
  constructor(
    private readonly capacity = 2_000,
    private readonly observe?: (result: 'hit' | 'miss') => void,
  ) {}

  get(key: string, version: string): CachedPage | undefined {
    const page = this.pages.get(key);
    const current = page?.version === version ? page : undefined;
    this.observe?.(current === undefined ? 'miss' : 'hit');
    return current;
  }

  set(key: string, version: string, html: string): CachedPage {
    const body = new TextEncoder().encode(html);
    const page = { version, etag: etagOf(body), encoded: new EncodedBody(body) };
    this.pages.delete(key);
    this.pages.set(key, page);
    if (this.pages.size > this.capacity) {
      const oldest = this.pages.keys().next().value;
      if (oldest !== undefined) this.pages.delete(oldest);
    }
    return page;
  }
}
