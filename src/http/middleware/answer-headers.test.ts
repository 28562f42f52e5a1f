import { request } from 'node:http';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SERVER_SETTINGS } from '../../config.js';
import { startHttpServer, type HttpServer } from '../http-server.js';
import { setAnswerHeader } from './answer-headers.js';
import { fold } from './fold.js';
import { plainResponse } from './plain-head.js';

// Routes that set the middleware's own header themselves: the middleware's value must win,
// through the Node adapter (where it goes on Node's response) as in process.
const app = new Hono();
app.use(
  fold([
    {
      after(c) {
        setAnswerHeader(c, 'x-frame-options', 'DENY');
        setAnswerHeader(c, 'x-answered-by', 'middleware');
      },
    },
  ]),
);
app.get('/plain', () =>
  plainResponse(new TextEncoder().encode('plain'), 200, {
    'content-type': 'text/plain; charset=utf-8',
    'x-frame-options': 'SAMEORIGIN',
  }),
);
app.get('/headers', (c) =>
  c.body('headers', 200, { 'content-type': 'text/plain', 'x-frame-options': 'SAMEORIGIN' }),
);
app.get('/stream', (c) =>
  c.body(
    new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('streamed'));
        controller.close();
      },
    }),
    200,
    { 'content-type': 'text/plain' },
  ),
);

let server: HttpServer;
beforeAll(async () => {
  server = await startHttpServer(app, 0, DEFAULT_SERVER_SETTINGS, '127.0.0.1');
});
afterAll(() => server.close());

/** Status, raw header lines (each sent line once) and body, as on the wire. */
const send = (path: string) =>
  new Promise<{ status: number; raw: string[]; body: string }>((done, fail) => {
    request(`http://127.0.0.1:${server.port}${path}`, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      res.on('end', () => done({ status: res.statusCode ?? 0, raw: res.rawHeaders, body }));
    })
      .on('error', fail)
      .end();
  });

const valuesOf = (raw: string[], name: string): string[] =>
  raw.filter((_v, i) => i % 2 === 1 && raw[i - 1]?.toLowerCase() === name);

describe('setAnswerHeader', () => {
  it.each(['/plain', '/headers', '/stream'])(
    'sends the middleware’s value once over the real server (%s), the answer’s own dropped',
    async (path) => {
      const response = await send(path);
      expect(response.status).toBe(200);
      expect(valuesOf(response.raw, 'x-frame-options')).toEqual(['DENY']);
      expect(valuesOf(response.raw, 'x-answered-by')).toEqual(['middleware']);
      expect(valuesOf(response.raw, 'content-type')).toHaveLength(1);
      expect(response.body).toBe(path.slice(1) === 'stream' ? 'streamed' : path.slice(1));
    },
  );

  it.each(['/plain', '/headers', '/stream'])(
    'puts it on the answer in process (%s)',
    async (path) => {
      const response = await app.request(path);
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('x-answered-by')).toBe('middleware');
      expect(await response.text()).toBe(path === '/stream' ? 'streamed' : path.slice(1));
    },
  );
});
