import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { compression } from './middleware/compression.js';
import { httpCache } from './middleware/http-cache.js';
import { PageCache } from './page-cache.js';
import { sendCached } from './send-cached.js';

const BIG_HTML = `<!doctype html><p>${'Windows Update could not connect. '.repeat(100)}</p>`;
const cache = new PageCache();
const page = cache.set('page', 'v1', BIG_HTML);
const small = cache.set('small', 'v1', '<p>ok</p>');

// The middleware order of the web and API sub-apps.
const app = new Hono();
app.use(httpCache({ cacheControl: 'public, max-age=60' }));
app.use(compression());
app.get('/page', (c) => sendCached(c, page, 'text/html; charset=utf-8'));
app.get('/small', (c) => sendCached(c, small, 'text/html; charset=utf-8'));

const get = async (path: string, headers: Record<string, string> = {}): Promise<Response> =>
  app.request(path, { headers });
const bytes = async (response: Response) => Buffer.from(await response.arrayBuffer());

describe('sendCached', () => {
  it('sends the kept form the client asks for, each made once however often asked', async () => {
    for (let i = 0; i < 3; i++) {
      const br = await get('/page', { 'accept-encoding': 'gzip, br' });
      expect(br.headers.get('content-encoding')).toBe('br');
      expect(brotliDecompressSync(await bytes(br)).toString('utf8')).toBe(BIG_HTML);
      const gzip = await get('/page', { 'accept-encoding': 'gzip' });
      expect(gunzipSync(await bytes(gzip)).toString('utf8')).toBe(BIG_HTML);
      const plain = await get('/page');
      expect(plain.headers.get('content-encoding')).toBeNull();
      expect(await plain.text()).toBe(BIG_HTML);
    }
    expect(page.encoded.formsMade).toBe(2);
  });

  it('gives each form its own ETag and says the answer varies by Accept-Encoding', async () => {
    const answers = await Promise.all(
      [undefined, 'gzip', 'br'].map((e) => get('/page', e ? { 'accept-encoding': e } : {})),
    );
    expect(answers.map((a) => a.headers.get('etag'))).toEqual([
      page.etag,
      page.etag.replace(/"$/, '-gzip"'),
      page.etag.replace(/"$/, '-br"'),
    ]);
    for (const answer of answers) expect(answer.headers.get('vary')).toBe('Accept-Encoding');
  });

  it('answers 304 to a client that holds the form it asks for', async () => {
    const first = await get('/page', { 'accept-encoding': 'br' });
    const etag = first.headers.get('etag') ?? '';
    const again = await get('/page', { 'accept-encoding': 'br', 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  it('sends a body under the compression threshold as it is', async () => {
    const response = await get('/small', { 'accept-encoding': 'br' });
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(await response.text()).toBe('<p>ok</p>');
  });
});
