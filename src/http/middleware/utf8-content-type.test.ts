import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { utf8ContentType } from './utf8-content-type.js';

const app = new Hono();
app.use(utf8ContentType());
app.get('/json', (c) => c.json({ ok: true }));
app.get('/text', (c) => c.text('ok'));
app.get('/html', (c) => c.html('<p>ok</p>'));
app.get('/css', (c) => c.body('a{}', 200, { 'content-type': 'text/css' }));
app.get('/js', (c) => c.body('1', 200, { 'content-type': 'text/javascript' }));
app.get('/problem', (c) => c.body('{}', 400, { 'content-type': 'application/problem+json' }));
app.get('/metrics', (c) =>
  c.body('up 1', 200, { 'content-type': 'text/plain; version=0.0.4; charset=UTF-8' }),
);
app.get('/png', (c) => c.body(new Uint8Array([137, 80]), 200, { 'content-type': 'image/png' }));

describe('utf8ContentType', () => {
  it.each([
    ['/json', 'application/json; charset=utf-8'],
    ['/text', 'text/plain; charset=utf-8'],
    ['/html', 'text/html; charset=utf-8'],
    ['/css', 'text/css; charset=utf-8'],
    ['/js', 'text/javascript; charset=utf-8'],
    ['/problem', 'application/problem+json; charset=utf-8'],
    ['/metrics', 'text/plain; version=0.0.4; charset=utf-8'],
  ])('answers %s as %s', async (path, type) => {
    expect((await app.request(path)).headers.get('content-type')).toBe(type);
  });

  it('leaves binary types alone', async () => {
    expect((await app.request('/png')).headers.get('content-type')).toBe('image/png');
  });

  it('answers a type it has rewritten before the same way (each type is rewritten once, then kept)', async () => {
    for (let i = 0; i < 3; i++) {
      expect((await app.request('/metrics')).headers.get('content-type')).toBe(
        'text/plain; version=0.0.4; charset=utf-8',
      );
      expect((await app.request('/png')).headers.get('content-type')).toBe('image/png');
    }
  });

  it('still rewrites after more distinct types than it keeps', async () => {
    const many = new Hono();
    many.use(utf8ContentType());
    many.get('/:n', (c) =>
      c.body('x', 200, { 'content-type': `text/x-${c.req.param('n')}; charset=latin1` }),
    );
    for (let n = 0; n < 200; n++) {
      expect((await many.request(`/${n % 100}`)).headers.get('content-type')).toBe(
        `text/x-${n % 100}; charset=utf-8`,
      );
    }
  });
});
