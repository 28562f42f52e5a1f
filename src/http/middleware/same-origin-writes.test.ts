import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { toHttpError } from '../errors.js';
import { sameOriginWrites } from './same-origin-writes.js';

const app = new Hono();
app.use(sameOriginWrites());
app.get('/form', (c) => c.text('read'));
app.post('/form', (c) => c.text('saved'));
app.delete('/form', (c) => c.text('deleted'));
app.onError((error, c) => {
  const { status, body } = toHttpError(error);
  return c.json(body, status);
});

const post = (headers: Record<string, string>, method = 'POST') =>
  app.request('http://atlas.example/form', { method, headers });

describe('sameOriginWrites', () => {
  it.each([
    ['Sec-Fetch-Site: same-origin', { 'sec-fetch-site': 'same-origin' }],
    ['Sec-Fetch-Site: none (typed by the person)', { 'sec-fetch-site': 'none' }],
    ['our own Origin', { origin: 'http://atlas.example' }],
    ['our Origin over TLS, through a proxy', { origin: 'https://atlas.example' }],
    ['no Origin and no Sec-Fetch-Site (curl)', {}],
  ])('lets a write through with %s', async (_what, headers) => {
    const response = await post(headers);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('saved');
  });

  it.each([
    ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site' }],
    ['Sec-Fetch-Site: same-site (a sibling subdomain)', { 'sec-fetch-site': 'same-site' }],
    [
      'Sec-Fetch-Site: cross-site with our Origin',
      {
        'sec-fetch-site': 'cross-site',
        origin: 'http://atlas.example',
      },
    ],
    ['another Origin', { origin: 'https://evil.example' }],
    ['Origin: null (a sandboxed page)', { origin: 'null' }],
  ])('refuses a write with %s: 403 cross_site_request', async (_what, headers) => {
    const response = await post(headers);
    expect(response.status).toBe(403);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('cross_site_request');
    expect(body.error.message).toContain('another site');
  });

  it('checks every state-changing method, not only POST', async () => {
    expect((await post({ 'sec-fetch-site': 'cross-site' }, 'DELETE')).status).toBe(403);
  });

  it('lets other sites read', async () => {
    const response = await app.request('http://atlas.example/form', {
      headers: { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' },
    });
    expect(response.status).toBe(200);
  });
});
