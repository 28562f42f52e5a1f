import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { headerOf, plainHeadOf, plainResponse, setHeader } from './plain-head.js';

describe('plain heads', () => {
  it('reads a plain answer’s head from its record and any other answer’s from its Headers', () => {
    const plain = plainResponse(null, 200, { etag: '"a"' });
    expect(headerOf(plain, 'etag')).toBe('"a"');
    expect(headerOf(plain, 'vary')).toBeUndefined();
    const other = new Response(null, { headers: { etag: '"b"' } });
    expect(headerOf(other, 'etag')).toBe('"b"');
    expect(headerOf(other, 'vary')).toBeUndefined();
    expect(plainHeadOf(other)).toBeUndefined();
  });

  it('changes a plain answer by putting a new one in place, whose Response says the same', async () => {
    const head = { 'content-type': 'text/plain; charset=utf-8', 'x-gone': 'soon' };
    const body = new TextEncoder().encode('kept bytes');
    const app = new Hono();
    app.use(async (c, next) => {
      await next();
      setHeader(c, 'cache-control', 'no-cache');
      setHeader(c, 'x-gone', undefined);
    });
    app.get('/', () => plainResponse(body, 201, head));
    const response = await app.request('/');
    expect(response.status).toBe(201);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.has('x-gone')).toBe(false);
    expect(plainHeadOf(response)).toEqual({
      'content-type': 'text/plain; charset=utf-8',
      'cache-control': 'no-cache',
    });
    expect(await response.text()).toBe('kept bytes');
    // The record the route gave is never changed (another request may hold it).
    expect(head).toEqual({ 'content-type': 'text/plain; charset=utf-8', 'x-gone': 'soon' });
  });

  it('changes any other answer in its Headers', async () => {
    const app = new Hono();
    app.use(async (c, next) => {
      await next();
      setHeader(c, 'cache-control', 'no-cache');
    });
    app.get('/', (c) => c.text('text'));
    const response = await app.request('/');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(await response.text()).toBe('text');
  });
});
