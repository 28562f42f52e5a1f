import { brotliDecompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { PageCache } from './page-cache.js';

const HTML = `<!doctype html><main>${'<p>Restart the Windows Update service.</p>'.repeat(80)}</main>`;

describe('PageCache', () => {
  it('keeps a page while the content version is unchanged, and drops it when it changes', () => {
    const cache = new PageCache();
    const page = cache.set('windows-update/0x80244001', 'v1', HTML);
    expect(cache.get('windows-update/0x80244001', 'v1')).toBe(page);
    expect(cache.get('windows-update/0x80244001', 'v2')).toBeUndefined();
  });

  it('compresses a kept page once per encoding, however many requests ask for it', () => {
    const cache = new PageCache();
    cache.set('home', 'v1', HTML);
    const forms = Array.from({ length: 5 }, () => cache.get('home', 'v1')?.encoded.in('br'));
    expect(new Set(forms).size).toBe(1);
    expect(brotliDecompressSync(forms[0] ?? new Uint8Array()).toString('utf8')).toBe(HTML);
    cache.get('home', 'v1')?.encoded.in('gzip');
    expect(cache.get('home', 'v1')?.encoded.formsMade).toBe(2);
  });

  it('holds at most its capacity, the oldest page out first', () => {
    const cache = new PageCache(2);
    cache.set('a', 'v', HTML);
    cache.set('b', 'v', HTML);
    cache.set('c', 'v', HTML);
    expect(cache.get('a', 'v')).toBeUndefined();
    expect(cache.get('c', 'v')).toBeDefined();
  });
});
