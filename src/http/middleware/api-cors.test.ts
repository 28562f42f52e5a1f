import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { apiCors } from './api-cors.js';

const app = new Hono();
app.use(apiCors());
app.get('/codes', (c) => c.json({ ok: true }));
app.post('/codes', (c) => c.json({ saved: true }, 201));

const preflight = (method: string) =>
  app.request('/codes', {
    method: 'OPTIONS',
    headers: { origin: 'https://other.example', 'access-control-request-method': method },
  });

describe('apiCors', () => {
  it('lets any site read: GET and HEAD answer Access-Control-Allow-Origin: *', async () => {
    for (const method of ['GET', 'HEAD']) {
      const response = await app.request('/codes', {
        method,
        headers: { origin: 'https://other.example' },
      });
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      expect(response.headers.get('access-control-expose-headers')).toContain('ETag');
    }
  });

  it('grants a preflight for GET, with the headers a reader sends', async () => {
    const response = await preflight('GET');
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-methods')).toBe('GET, HEAD');
    expect(response.headers.get('access-control-allow-headers')).toContain('If-None-Match');
  });

  it('grants nothing cross-origin for writes', async () => {
    const refused = await preflight('POST');
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    const posted = await app.request('/codes', {
      method: 'POST',
      headers: { origin: 'https://other.example' },
    });
    expect(posted.headers.get('access-control-allow-origin')).toBeNull();
  });
});
