import { request } from 'node:http';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headWithoutBody } from './head-without-body.js';

const app = new Hono();
app.use(headWithoutBody());
app.get('/text', (c) => c.text('ok'));
app.get('/json', (c) => c.json({ answer: 42 }));
app.get('/html', (c) => c.html('<p>hello</p>', 404));

/** Raw node:http, so the body (or its absence) is what went over the wire. */
const send = (port: number, method: string, path: string) =>
  new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((done, fail) => {
    const req = request({ port, method, path }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', fail);
    req.end();
  });

let server: ReturnType<typeof serve>;
let port = 0;
beforeAll(
  () =>
    new Promise<void>((ready) => {
      server = serve({ fetch: app.fetch, port: 0 }, (info) => {
        port = info.port;
        ready();
      });
    }),
);
afterAll(() => new Promise<void>((done) => server.close(() => done())));

describe('headWithoutBody, through a real Node server', () => {
  it.each(['/text', '/json', '/html'])(
    'answers HEAD %s with GET’s status, type and length, and no body',
    async (path) => {
      const get = await send(port, 'GET', path);
      const head = await send(port, 'HEAD', path);
      expect(head.status).toBe(get.status);
      expect(head.headers['content-type']).toBe(get.headers['content-type']);
      expect(head.headers['content-length']).toBe(String(Buffer.byteLength(get.body)));
      expect(head.body).toBe('');
    },
  );
});
