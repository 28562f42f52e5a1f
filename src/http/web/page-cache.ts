import { createHash } from 'node:crypto';

export interface CachedPage {
  /** The store's content version the page was rendered at. */
  version: string;
  etag: string;
  body: Uint8Array<ArrayBuffer>;
}

/** A strong ETag from the bytes themselves: equal pages answer 304 across restarts and instances. */
export const etagOf = (body: Uint8Array | string): string =>
  `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;

/**
 * Rendered pages by key, valid while the store's content version is unchanged: a request costs
 * a version check, not a database read and a render. Bounded, oldest entry out first.
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
    const page = { version, etag: etagOf(body), body };
    this.pages.delete(key);
    this.pages.set(key, page);
    if (this.pages.size > this.capacity) {
      const oldest = this.pages.keys().next().value;
      if (oldest !== undefined) this.pages.delete(oldest);
    }
    return page;
  }
}
