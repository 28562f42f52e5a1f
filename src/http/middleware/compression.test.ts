import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { compression } from './compression.js';
import { MIN_COMPRESSED_BYTES } from './encoded-body.js';

const BIG_HTML = `<!doctype html><p>${'Windows Update could not connect. '.repeat(100)}</p>`;

const app = new Hono();
app.use(compression());
app.get('/page', (c) => c.html(BIG_HTML, 200, { etag: '"page"' }));
app.get('/json', (c) => c.json({ text: 'x'.repeat(2000) }));
app.get('/small', (c) => c.json({ ok: true }));
app.get('/png', (c) => c.body(new Uint8Array(4000), 200, { 'content-type': 'image/png' }));
app.get('/encoded', (c) =>
  c.body(gzipSync(BIG_HTML), 200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }),
);
app.get('/error', (c) => c.html(BIG_HTML, 500));

const get = (path: string, acceptEncoding?: string) =>
  app.request(path, acceptEncoding ? { headers: { 'accept-encoding': acceptEncoding } } : {});
const bytes = async (response: Response) => Buffer.from(await response.arrayBuffer());

describe('compression', () => {
  it('gzips HTML for a client that takes gzip, and the bytes unzip to the page', async () => {
    const response = await get('/page', 'gzip');
    expect(response.headers.get('content-encoding')).toBe('gzip');
    const body = await bytes(response);
    expect(Number(response.headers.get('content-length'))).toBe(body.byteLength);
    expect(gunzipSync(body).toString('utf8')).toBe(BIG_HTML);
    expect(body.byteLength).toBeLessThan(BIG_HTML.length * 0.3);
  });

  it('prefers brotli when both are acceptable, and respects q-values', async () => {
    const br = await get('/json', 'gzip, deflate, br');
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(JSON.parse(brotliDecompressSync(await bytes(br)).toString('utf8'))).toEqual({
      text: 'x'.repeat(2000),
    });
    expect((await get('/json', 'br;q=0.2, gzip;q=0.9')).headers.get('content-encoding')).toBe(
      'gzip',
    );
  });

  it('sends identity when nothing acceptable is offered, still saying it varies', async () => {
    for (const header of [undefined, 'deflate', 'gzip;q=0, br;q=0']) {
      const response = await get('/page', header);
      expect(response.headers.get('content-encoding')).toBeNull();
      expect(await response.text()).toBe(BIG_HTML);
      expect(response.headers.get('vary')).toBe('Accept-Encoding');
    }
  });

  it('gives each encoding its own ETag, so no cache mixes them', async () => {
    const tags = await Promise.all(
      [undefined, 'gzip', 'br'].map(async (e) => (await get('/page', e)).headers.get('etag')),
    );
    expect(tags).toEqual(['"page"', '"page-gzip"', '"page-br"']);
  });

  it(`leaves bodies under ${MIN_COMPRESSED_BYTES} bytes and binary types alone`, async () => {
    const small = await get('/small', 'br');
    expect(small.headers.get('content-encoding')).toBeNull();
    expect(await small.json()).toEqual({ ok: true });
    expect((await get('/png', 'br')).headers.get('content-encoding')).toBeNull();
  });

  it('compresses error pages too', async () => {
    const response = await get('/error', 'gzip');
    expect(response.status).toBe(500);
    expect(gunzipSync(await bytes(response)).toString('utf8')).toBe(BIG_HTML);
  });

  it('leaves an answer that already names its encoding as it is', async () => {
    const response = await get('/encoded', 'br');
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(await bytes(response)).toString('utf8')).toBe(BIG_HTML);
  });
});
