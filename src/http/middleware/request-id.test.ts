import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { requestId } from './request-id.js';

const app = new Hono();
app.use(requestId());
app.get('/', (c) => c.text(c.get('requestId')));
app.get('/fails', () => {
  throw new Error('boom');
});
app.onError((_error, c) => c.text('failed', 500));

describe('requestId', () => {
  it('answers each request with a new id in X-Request-Id, the one the handler saw', async () => {
    const first = await app.request('/');
    const second = await app.request('/');
    const id = first.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await first.text()).toBe(id);
    expect(second.headers.get('x-request-id')).not.toBe(id);
  });

  it('does not take an id the client sends', async () => {
    const response = await app.request('/', { headers: { 'x-request-id': 'chosen-by-client' } });
    expect(response.headers.get('x-request-id')).not.toBe('chosen-by-client');
  });

  it('names failed requests too', async () => {
    const response = await app.request('/fails');
    expect(response.status).toBe(500);
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
