import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { etagOf, httpCache, noneMatch } from './http-cache.js';

const app = new Hono();
app.use(httpCache({ cacheControl: 'public, max-age=60' }));
app.get('/data', (c) => c.json({ answer: 42 }, 200, { vary: 'Accept-Encoding' }));
app.get('/own-tag', (c) => c.text('tagged', 200, { etag: '"v1"', 'cache-control': 'no-cache' }));
app.get('/missing', (c) => c.json({ error: 'no' }, 404));
app.get('/moved', (c) => c.redirect('/data', 301));
app.post('/data', (c) => c.json({ saved: true }));

describe('httpCache', () => {
  it('tags a GET answer with an ETag from its bytes and the default Cache-Control', async () => {
    const response = await app.request('/data');
    expect(response.headers.get('etag')).toBe(etagOf(JSON.stringify({ answer: 42 })));
    expect(response.headers.get('cache-control')).toBe('public, max-age=60');
    expect(await response.json()).toEqual({ answer: 42 });
  });

  it('answers 304 with no body, keeping ETag, Cache-Control and Vary', async () => {
    const etag = (await app.request('/data')).headers.get('etag') ?? '';
    const response = await app.request('/data', { headers: { 'if-none-match': etag } });
    expect(response.status).toBe(304);
    expect(await response.text()).toBe('');
    expect(response.headers.get('etag')).toBe(etag);
    expect(response.headers.get('cache-control')).toBe('public, max-age=60');
    expect(response.headers.get('vary')).toBe('Accept-Encoding');
    expect(response.headers.get('content-type')).toBeNull();
  });

  it('matches weakly, in a list, and for *; a different tag gets the full answer', async () => {
    expect((await app.request('/own-tag', { headers: { 'if-none-match': 'W/"v1"' } })).status).toBe(
      304,
    );
    expect(
      (await app.request('/own-tag', { headers: { 'if-none-match': '"x", "v1"' } })).status,
    ).toBe(304);
    expect((await app.request('/own-tag', { headers: { 'if-none-match': '*' } })).status).toBe(304);
    const other = await app.request('/own-tag', { headers: { 'if-none-match': '"v2"' } });
    expect(other.status).toBe(200);
    expect(await other.text()).toBe('tagged');
  });

  it('keeps the route’s own ETag and Cache-Control', async () => {
    const response = await app.request('/own-tag');
    expect(response.headers.get('etag')).toBe('"v1"');
    expect(response.headers.get('cache-control')).toBe('no-cache');
  });

  it('marks errors no-store, leaves redirects and writes untagged', async () => {
    const missing = await app.request('/missing');
    expect(missing.headers.get('cache-control')).toBe('no-store');
    expect(missing.headers.get('etag')).toBeNull();
    expect((await app.request('/moved')).headers.get('etag')).toBeNull();
    const post = await app.request('/data', { method: 'POST', headers: { 'if-none-match': '*' } });
    expect(post.status).toBe(200);
    expect(post.headers.get('etag')).toBeNull();
  });

  it('answers HEAD like GET, 304 included', async () => {
    const etag = (await app.request('/data')).headers.get('etag') ?? '';
    const head = await app.request('/data', { method: 'HEAD', headers: { 'if-none-match': etag } });
    expect(head.status).toBe(304);
  });
});

describe('noneMatch', () => {
  it.each([
    [undefined, '"a"', false],
    ['"a"', '"a"', true],
    ['W/"a"', '"a"', true],
    ['"a"', 'W/"a"', true],
    ['"b", W/"a"', '"a"', true],
    ['"a-br"', '"a"', false],
  ])('%s against %s: %s', (header, etag, expected) => {
    expect(noneMatch(header, etag)).toBe(expected);
  });
});
