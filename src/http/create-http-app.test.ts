import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Composed } from '../compose.js';
import { composeForTest } from '../test-support/compose-for-test.js';
import { logBuffer } from '../test-support/log-buffer.js';
import { createHttpApp } from './create-http-app.js';
import { CONTENT_SECURITY_POLICY } from './middleware/security-headers.js';
import { COPY_SCRIPT, SITE_STYLESHEET } from './web/assets.js';

/** The whole app through `app.request`: sub-apps, middleware and routes together. */
let composed: Composed;
let app: Hono;
const log = logBuffer();
beforeAll(async () => {
  composed = await composeForTest();
  app = createHttpApp(composed.deps, { logger: log.logger });
});
afterAll(() => composed.close());

const ARTICLE = '/windows-update/0x80244001';
const CODE_PAGE = '/codes/0x80070057';
const LOOKUP = '/api/v1/codes/0x80070057';

type ErrorJson = { error: { code: string; message: string; requestId?: string } };

describe('pages and API as two sub-apps', () => {
  it('answers an unknown page with the styled 404 page: look-up form, links home', async () => {
    const response = await app.request('/no/such/page/here');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await response.text();
    expect(html).toContain('<h1>No page at this address</h1>');
    expect(html).toContain('<form class="lookup" action="/search" method="get"');
    expect(html).toContain(`<link rel="stylesheet" href="${SITE_STYLESHEET.path}"/>`);
    expect(html).toContain('<a href="/">The home page</a>');
    expect(html).toContain('<a href="/families">');
  });

  it('answers an unknown API path with the JSON error and its request id', async () => {
    const response = await app.request('/api/v1/nothing', { method: 'DELETE' });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const body = (await response.json()) as ErrorJson;
    expect(body.error.code).toBe('not_found');
    expect(body.error.message).toContain('DELETE /api/v1/nothing');
    expect(body.error.requestId).toBe(response.headers.get('x-request-id'));
  });

  it('answers a page’s domain error as a page and the API’s as JSON', async () => {
    const page = await app.request('/families/nope');
    expect(page.status).toBe(404);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('role="alert"');
    const api = await app.request('/api/v1/families/nope');
    expect(api.status).toBe(404);
    expect(((await api.json()) as ErrorJson).error.code).toBe('not_found');
  });

  it('keeps today’s messages: an article that does not exist yet, an empty look-up', async () => {
    const missing = await app.request('/windows-update/0x80070057');
    expect(missing.status).toBe(404);
    const html = await missing.text();
    expect(html).toContain('There is no Microsoft Windows Update article for 0x80070057 yet.');
    expect(html).toContain('value="0x80070057"');
    const empty = await app.request('/codes?q=');
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain('Type an error code to look it up.');
  });
});

describe('a failure on our side', () => {
  const folder = mkdtempSync(join(tmpdir(), 'atlas-http-fail-'));
  const failing = logBuffer();
  let broken: Hono;
  beforeAll(async () => {
    const closedEarly = await composeForTest({ kind: 'sqlite', file: join(folder, 'atlas.db') });
    broken = createHttpApp(closedEarly.deps, { logger: failing.logger });
    // A real fault: every store call now throws better-sqlite3's "database connection is not open".
    await closedEarly.deps.store.close();
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('answers a failing page with the HTML error page and its request id, no stack', async () => {
    const response = await broken.request('/');
    expect(response.status).toBe(500);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const id = response.headers.get('x-request-id') ?? '';
    const html = await response.text();
    expect(html).toContain('Something went wrong');
    expect(html).toContain(`<code>${id}</code>`);
    expect(html).not.toContain('not open');
    expect(html).not.toMatch(/at \S+ \(/);
  });

  it('answers a failing API call with the JSON error and its request id, no stack', async () => {
    const response = await broken.request(LOOKUP);
    expect(response.status).toBe(500);
    const body = (await response.json()) as ErrorJson;
    expect(body).toEqual({
      error: {
        code: 'internal',
        message: 'something went wrong on our side',
        requestId: response.headers.get('x-request-id'),
      },
    });
  });

  it('logs each failure once, with its stack, under the id the answer carries', async () => {
    const response = await broken.request('/families');
    const before = failing.lines().length;
    const failed = await broken.request(ARTICLE);
    const id = failed.headers.get('x-request-id');
    const lines = failing.lines().slice(before);
    const errors = lines.filter((line) => line.msg === 'request failed');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ requestId: id, route: '/:product/:code' });
    expect((errors[0]?.err as { stack: string }).stack).toMatch(/not open[\s\S]*\n\s+at /);
    expect(lines.filter((line) => line.msg === 'request')).toEqual([
      expect.objectContaining({ requestId: id, status: 500, route: '/:product/:code' }),
    ]);
    expect(response.status).toBe(200);
  });
});

describe('request lines', () => {
  it('name the route pattern, never the path or the query', async () => {
    const before = log.lines().length;
    await app.request('/codes?q=0x80070057&secret=1');
    await app.request(`${CODE_PAGE}?requested=yes`);
    await app.request(`${LOOKUP}?q=private`);
    const lines = log.lines().slice(before);
    expect(lines.map((line) => [line.method, line.route, line.status])).toEqual([
      ['GET', '/codes', 302],
      ['GET', '/codes/:notation{[\\s\\S]+}', 200],
      ['GET', '/api/v1/codes/:notation{[\\s\\S]+}', 200],
    ]);
    const text = JSON.stringify(lines);
    expect(text).not.toContain('0x80070057');
    expect(text).not.toContain('secret');
    expect(text).not.toContain('private');
  });
});

const EVERY_KIND = [
  ['a page', ARTICLE, 200],
  ['a code page', CODE_PAGE, 200],
  ['an API answer', LOOKUP, 200],
  ['the OpenAPI document', '/api/openapi.json', 200],
  ['the stylesheet', SITE_STYLESHEET.path, 200],
  ['the script', COPY_SCRIPT.path, 200],
  ['an error page', '/codes/80244O01', 400],
  ['an API error', '/api/v1/codes/80244O01', 400],
  ['the 404 page', '/nowhere', 404],
  ['an API 404', '/api/nowhere', 404],
  ['a redirect', '/codes/80244001', 301],
  ['/healthz', '/healthz', 200],
] as const;

describe('headers on every response', () => {
  it.each(EVERY_KIND)('security headers on %s', async (_what, path, status) => {
    const response = await app.request(path);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(response.headers.get('permissions-policy')).toContain('camera=()');
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each([ARTICLE, LOOKUP, SITE_STYLESHEET.path])(
    'security headers on a 304 of %s',
    async (path) => {
      const etag = (await app.request(path)).headers.get('etag') ?? '';
      const response = await app.request(path, { headers: { 'if-none-match': etag } });
      expect(response.status).toBe(304);
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    },
  );

  it.each([
    [ARTICLE, 'text/html; charset=utf-8'],
    [LOOKUP, 'application/json; charset=utf-8'],
    ['/api/v1/codes/80244O01', 'application/json; charset=utf-8'],
    [SITE_STYLESHEET.path, 'text/css; charset=utf-8'],
    [COPY_SCRIPT.path, 'text/javascript; charset=utf-8'],
    ['/healthz', 'text/plain; charset=utf-8'],
  ])('%s answers %s', async (path, type) => {
    expect((await app.request(path)).headers.get('content-type')).toBe(type);
  });

  it('sends HSTS only when the trustedTls given to the app says so', async () => {
    expect(
      (await app.request('https://atlas.example/healthz')).headers.get('strict-transport-security'),
    ).toBe('max-age=31536000');
    expect(
      (await app.request('/healthz', { headers: { 'x-forwarded-proto': 'https' } })).headers.get(
        'strict-transport-security',
      ),
    ).toBeNull();
    const behindProxy = createHttpApp(composed.deps, {
      trustedTls: (c) => c.req.header('x-forwarded-proto') === 'https',
    });
    const proxied = await behindProxy.request('/healthz', {
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(proxied.headers.get('strict-transport-security')).toBe('max-age=31536000');
  });
});

describe('ETags and Cache-Control, the same for pages and API', () => {
  it.each([
    ['an API look-up', LOOKUP, 'public, max-age=60'],
    ['a family (API)', '/api/v1/families/wu-pt', 'public, max-age=60'],
    ['an article page', ARTICLE, 'public, max-age=60, stale-while-revalidate=600'],
    ['a family page', '/families/wu-pt', 'public, max-age=60, stale-while-revalidate=600'],
    ['a code page', CODE_PAGE, 'no-cache'],
  ])('%s has an ETag and answers 304 when the client has it', async (_what, path, control) => {
    const first = await app.request(path);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers.get('cache-control')).toBe(control);
    const second = await app.request(path, { headers: { 'if-none-match': etag ?? '' } });
    expect(second.status).toBe(304);
    expect(await second.text()).toBe('');
    expect(second.headers.get('etag')).toBe(etag);
  });

  it('keeps the operator’s request list out of every shared cache', async () => {
    const response = await app.request('/api/v1/requests');
    expect(response.status).toBe(401);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });
});

describe('compression', () => {
  const bytes = async (response: Response) => Buffer.from(await response.arrayBuffer());

  it.each([
    ['br', ARTICLE, brotliDecompressSync],
    ['gzip', ARTICLE, gunzipSync],
    ['br', '/api/v1/articles/windows-update/0x80244001', brotliDecompressSync],
    ['gzip', SITE_STYLESHEET.path, gunzipSync],
    ['br', '/no/such/page', brotliDecompressSync],
  ] as const)('sends %s for %s, the same bytes once decoded', async (encoding, path, decode) => {
    const plain = await bytes(await app.request(path));
    const response = await app.request(path, { headers: { 'accept-encoding': encoding } });
    expect(response.headers.get('content-encoding')).toBe(encoding);
    expect(response.headers.get('vary')).toContain('Accept-Encoding');
    const encoded = await bytes(response);
    expect(decode(encoded).equals(plain)).toBe(true);
  });

  it('compresses the article page to at most 30% of its bytes, with a tag per encoding', async () => {
    const plain = await app.request(ARTICLE);
    const br = await app.request(ARTICLE, { headers: { 'accept-encoding': 'gzip, br' } });
    expect((await bytes(br)).byteLength).toBeLessThan((await bytes(plain)).byteLength * 0.3);
    expect(br.headers.get('etag')).toBe(plain.headers.get('etag')?.replace(/"$/, '-br"'));
    const notModified = await app.request(ARTICLE, {
      headers: { 'accept-encoding': 'br', 'if-none-match': br.headers.get('etag') ?? '' },
    });
    expect(notModified.status).toBe(304);
    const otherEncoding = await app.request(ARTICLE, {
      headers: { 'accept-encoding': 'gzip', 'if-none-match': br.headers.get('etag') ?? '' },
    });
    expect(otherEncoding.status).toBe(200);
  });
});

describe('CSRF and CORS', () => {
  it('refuses the request-an-article form posted from another site: 403, a page', async () => {
    const response = await app.request('/codes/0x80070009', {
      method: 'POST',
      headers: { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' },
    });
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toContain('came from another site');
    const count = await app.request('/api/v1/codes/0x80070009');
    expect(await count.text()).not.toContain('"requests":1');
  });

  it('takes the form from our own page', async () => {
    const response = await app.request('http://localhost/codes/0x8007000A', {
      method: 'POST',
      headers: { 'sec-fetch-site': 'same-origin', origin: 'http://localhost' },
    });
    expect(response.status).toBe(303);
  });

  it('refuses a cross-site POST to the API with cross_site_request, takes one from curl', async () => {
    const refused = await app.request('/api/v1/codes/0x8007000B/requests', {
      method: 'POST',
      headers: { origin: 'https://evil.example' },
    });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as ErrorJson).error.code).toBe('cross_site_request');
    const curl = await app.request('/api/v1/codes/0x8007000B/requests', { method: 'POST' });
    expect(curl.status).toBe(201);
    expect(curl.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('lets any site read the API, and only the API', async () => {
    const api = await app.request(LOOKUP, { headers: { origin: 'https://other.example' } });
    expect(api.headers.get('access-control-allow-origin')).toBe('*');
    const preflight = await app.request(LOOKUP, {
      method: 'OPTIONS',
      headers: { origin: 'https://other.example', 'access-control-request-method': 'GET' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    const page = await app.request(ARTICLE, { headers: { origin: 'https://other.example' } });
    expect(page.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('HEAD', () => {
  it.each(EVERY_KIND)('answers HEAD on %s like GET, without a body', async (_what, path) => {
    const get = await app.request(path);
    const head = await app.request(path, { method: 'HEAD' });
    expect(head.status).toBe(get.status);
    expect(head.headers.get('content-type')).toBe(get.headers.get('content-type'));
    expect(head.headers.get('etag')).toBe(get.headers.get('etag'));
    expect(await head.text()).toBe('');
  });
});

describe('a notation with a line break or a control character', () => {
  it.each(['%0A', '%0D', '%0D%0A', '%E2%80%A8', '%E2%80%A9'])(
    'is looked up in its first line (break %s), not answered 404',
    async (lineBreak) => {
      const page = await app.request(`/codes/0x80070057${lineBreak}next%20line`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('ERROR_INVALID_PARAMETER');
      const redirected = await app.request(`/codes/80070057${lineBreak}next`);
      expect(redirected.headers.get('location')).toBe(CODE_PAGE);
      const form = await app.request(`/codes?q=0x80070057${lineBreak}next`);
      expect(form.headers.get('location')).toBe(CODE_PAGE);
      const api = await app.request(`/api/v1/codes/0x80070057${lineBreak}next`);
      expect(api.status).toBe(200);
      expect(((await api.json()) as { input: string }).input).toBe('0x80070057');
      const suggestions = await app.request(`/api/v1/codes/0x8007OOO5${lineBreak}x/suggestions`);
      expect(suggestions.status).toBe(200);
    },
  );

  it('is refused with invalid_notation when its first line is empty', async () => {
    const api = await app.request('/api/v1/codes/%0A0x80070057');
    expect(api.status).toBe(400);
    expect(((await api.json()) as ErrorJson).error.code).toBe('invalid_notation');
    expect((await app.request('/codes/%0A0x80070057')).status).toBe(400);
  });

  it.each([
    '/codes/0x8007%000005',
    '/codes?q=0x8007%000005',
    '/x%00y/0x80244001',
    '/families/wu%00pt',
  ])('never brings a NUL byte into the HTML: %s', async (path) => {
    const response = await app.request(path);
    expect(response.status).toBeGreaterThanOrEqual(400);
    const html = await response.text();
    expect(html).toContain('<!doctype html>');
    expect(html).not.toContain('\u0000');
  });
});

describe('meta descriptions', () => {
  it('are cut to at most 160 characters on every page', async () => {
    for (const path of [ARTICLE, CODE_PAGE, '/codes/0x80244007']) {
      const html = await (await app.request(path)).text();
      const description = /<meta name="description" content="([^"]*)"/.exec(html)?.[1];
      if (description === undefined) continue;
      expect(description.length).toBeLessThanOrEqual(160);
      expect(description).toMatch(/[.!?…]$/);
    }
  });
});

describe('the benchmark-only sub-app routes', () => {
  const BIG = 'x'.repeat(4000);
  const benchmarked = () =>
    createHttpApp(composed.deps, {
      within: {
        web: (web) => web.get('/windows-update/0x80244001', (c) => c.text(BIG)),
        api: (api) => api.get('/api/v1/codes/0x80244001', (c) => c.json({ big: BIG })),
      },
    });

  it('win over the sub-app’s own routes, which still answer', async () => {
    const app = benchmarked();
    expect(await (await app.request(ARTICLE)).text()).toBe(BIG);
    expect(await (await app.request('/api/v1/codes/0x80244001')).json()).toEqual({ big: BIG });
    expect((await app.request('/families')).status).toBe(200);
  });

  it('answer behind the sub-app’s middleware (ETag, compression; CORS on the API)', async () => {
    const app = benchmarked();
    const page = await app.request(ARTICLE, { headers: { 'accept-encoding': 'gzip' } });
    expect(page.headers.get('content-encoding')).toBe('gzip');
    expect(page.headers.get('etag')).not.toBeNull();
    const api = await app.request('/api/v1/codes/0x80244001');
    expect(api.headers.get('access-control-allow-origin')).toBe('*');
  });
});
