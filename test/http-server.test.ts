import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type StartedServer } from './start-server.js';

/**
 * Headers, compression, HEAD, the 404 page and the log lines of the real server
 * (`dist/server.js`), read with node:http so the bytes are the ones on the wire.
 */
const folder = mkdtempSync(join(tmpdir(), 'atlas-http-server-'));
let server: StartedServer;
beforeAll(async () => {
  server = await startServer({ DATABASE_URL: `sqlite:${join(folder, 'atlas.db')}` });
});
afterAll(async () => {
  if (server) await server.stop();
  rmSync(folder, { recursive: true, force: true });
});

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

const send = (path: string, method = 'GET', headers: Record<string, string | string[]> = {}) =>
  new Promise<RawResponse>((done, fail) => {
    const url = new URL(path, server.origin);
    const req = request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', fail);
    req.end();
  });

const ARTICLE = '/windows-update/0x80244001';

describe('the real server', () => {
  it('answers HEAD /healthz like GET, without a body (it answered 500)', async () => {
    const head = await send('/healthz', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe('2');
    expect(head.body.byteLength).toBe(0);
  });

  it.each([ARTICLE, '/codes/0x80070057', '/api/v1/codes/0x80244001', '/nowhere'])(
    'answers HEAD %s with GET’s status and no body',
    async (path) => {
      const get = await send(path);
      const head = await send(path, 'HEAD');
      expect(head.status).toBe(get.status);
      expect(head.body.byteLength).toBe(0);
    },
  );

  it.each([
    ['br', brotliDecompressSync],
    ['gzip', gunzipSync],
  ] as const)(
    'sends the article page in %s, to at most 30% of its bytes',
    async (encoding, decode) => {
      const plain = await send(ARTICLE);
      const compressed = await send(ARTICLE, 'GET', { 'accept-encoding': encoding });
      expect(compressed.headers['content-encoding']).toBe(encoding);
      expect(compressed.headers.vary).toContain('Accept-Encoding');
      expect(decode(compressed.body).equals(plain.body)).toBe(true);
      expect(compressed.body.byteLength).toBeLessThan(plain.body.byteLength * 0.3);
      expect(compressed.headers.etag).not.toBe(plain.headers.etag);
    },
  );

  // The middleware reads request headers from Node's parsed ones, not from a Headers object:
  // a header sent on two lines must still read as one list.
  it('reads Accept-Encoding and If-None-Match sent on two lines each as one list', async () => {
    const first = await send(ARTICLE, 'GET', { 'accept-encoding': ['identity', 'br'] });
    expect(first.headers['content-encoding']).toBe('br');
    const again = await send(ARTICLE, 'GET', {
      'accept-encoding': ['identity', 'br'],
      'if-none-match': ['"not-this-one"', String(first.headers.etag)],
    });
    expect(again.status).toBe(304);
  });

  it('answers the API compressed and with an ETag it honours', async () => {
    const first = await send('/api/v1/articles/windows-update/0x80244001', 'GET', {
      'accept-encoding': 'gzip',
    });
    expect(first.headers['content-encoding']).toBe('gzip');
    expect(first.headers['content-type']).toBe('application/json; charset=utf-8');
    const again = await send('/api/v1/articles/windows-update/0x80244001', 'GET', {
      'accept-encoding': 'gzip',
      'if-none-match': String(first.headers.etag),
    });
    expect(again.status).toBe(304);
    expect(again.body.byteLength).toBe(0);
  });

  it.each([ARTICLE, '/api/v1/codes/0x80244001', '/nowhere', '/api/nowhere', '/codes/80244O01'])(
    'puts the security headers on %s',
    async (path) => {
      const response = await send(path);
      expect(response.headers['content-security-policy']).toContain("default-src 'self'");
      expect(response.headers['content-security-policy']).not.toContain('unsafe-inline');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(response.headers['permissions-policy']).toContain('microphone=()');
      // Plain HTTP and no trusted proxy: no HSTS, whatever the client claims.
      expect(response.headers['strict-transport-security']).toBeUndefined();
      expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    },
  );

  // Kept answers go out with their head as a plain record, and the headers the middleware
  // add go on Node's response: each must still arrive, once, on 200s and 304s alike.
  it.each([
    [ARTICLE, 'public, max-age=60, stale-while-revalidate=600', undefined],
    ['/api/v1/codes/0x80244001', 'public, max-age=60', '*'],
  ])(
    'sends %s with its Cache-Control, CORS as the sub-app says, each header once, 304 too',
    async (path, cacheControl, allowOrigin) => {
      const first = await send(path, 'GET', { 'accept-encoding': 'br' });
      const again = await send(path, 'GET', {
        'accept-encoding': 'br',
        'if-none-match': String(first.headers.etag),
      });
      expect([first.status, again.status]).toEqual([200, 304]);
      for (const response of [first, again]) {
        expect(response.headers['cache-control']).toBe(cacheControl);
        expect(response.headers['access-control-allow-origin']).toBe(allowOrigin);
        expect(response.headers.vary).toBe('Accept-Encoding');
        expect(response.headers['x-frame-options']).toBe('DENY');
        expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
        // node:http joins a header sent twice with ", ": one value means one line.
        expect(response.headers['content-security-policy']).not.toMatch(/'none', /);
      }
      expect(again.headers.etag).toBe(first.headers.etag);
      expect(again.body.byteLength).toBe(0);
      expect(first.headers['x-request-id']).not.toBe(again.headers['x-request-id']);
    },
  );

  it('answers an unknown address with the styled 404 page', async () => {
    const response = await send('/this/is/not/a/page', 'GET', { 'accept-encoding': 'br' });
    expect(response.status).toBe(404);
    const html = brotliDecompressSync(response.body).toString('utf8');
    expect(html).toContain('<h1>No page at this address</h1>');
    expect(html).toContain('<form class="lookup"');
    expect(html).toMatch(/<link rel="stylesheet" href="\/assets\/site\.[0-9a-f]+\.css"\/>/);
  });

  it('writes one JSON line per request with the route pattern, and no query', async () => {
    const response = await send('/codes/0x80070057?secret=hunter2', 'GET');
    const id = String(response.headers['x-request-id']);
    await new Promise((done) => setTimeout(done, 200));
    const line = server
      .output()
      .split('\n')
      .filter((text) => text.startsWith('{'))
      .map((text) => JSON.parse(text) as Record<string, unknown>)
      .find((entry) => entry.requestId === id);
    expect(line).toMatchObject({
      msg: 'request',
      method: 'GET',
      route: '/codes/:notation{[\\s\\S]+}',
      status: 200,
    });
    expect(server.output()).not.toContain('hunter2');
  });
});

describe('LOG_LEVEL', () => {
  it('is checked at start: a level that does not exist stops the server with the accepted ones', async () => {
    await expect(
      startServer({ DATABASE_URL: 'sqlite::memory:', LOG_LEVEL: 'loud' }),
    ).rejects.toThrow(/LOG_LEVEL "loud" is not a log level; accepted: fatal, error, warn, info/);
  });

  it('leaves the request lines out at warn', async () => {
    const quiet = await startServer({ DATABASE_URL: 'sqlite::memory:', LOG_LEVEL: 'warn' });
    try {
      await fetch(`${quiet.origin}/healthz`);
      await new Promise((done) => setTimeout(done, 200));
      expect(quiet.output()).not.toContain('"msg":"request"');
    } finally {
      await quiet.stop();
    }
  });
});
