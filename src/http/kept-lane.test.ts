import { request as httpRequest } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Composed } from '../compose.js';
import { DEFAULT_SERVER_SETTINGS, type DatabaseTarget } from '../config.js';
import type { Clock } from '../core/ports.js';
import { composeForTest } from '../test-support/compose-for-test.js';
import { sampleArticle } from '../test-support/sample-article.js';
import { createHttpApp } from './create-http-app.js';
import { startHttpServer, type HttpServer } from './http-server.js';
import { SITE_STYLESHEET } from './web/assets.js';

// Every check goes through a real server: the lane stands in front of the app, in Node's
// request listener, so `app.request` never meets it.

/** 0x80240023 (WU_E_EULAS_DECLINED) has no shipped article: its code page is the decode. */
const NO_ARTICLE = '0x80240023';

interface Answer {
  status: number;
  /** Header lines in the order they came, names lower-cased. */
  lines: [string, string][];
  body: Buffer;
}

let composed: Composed;
let server: HttpServer;
let folder: string;
let logged: string[];
let clockMs: number;

function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port: server.port, path, method, headers },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const lines: [string, string][] = [];
          const raw = response.rawHeaders;
          for (let i = 0; i < raw.length; i += 2) {
            lines.push([String(raw[i]).toLowerCase(), String(raw[i + 1])]);
          }
          resolve({ status: response.statusCode ?? 0, lines, body: Buffer.concat(chunks) });
        });
      },
    );
    req.on('error', reject);
    req.end();
  });
}

const header = (answer: Answer, name: string): string | undefined =>
  answer.lines.find(([n]) => n === name)?.[1];

/** The head without what differs on every answer (the request id, the date). */
const steadyLines = (answer: Answer): [string, string][] =>
  answer.lines.map(([n, v]) => [n, n === 'x-request-id' || n === 'date' ? '…' : v]);

async function metric(name: string): Promise<number> {
  const text = (await get('/metrics')).body.toString();
  const line = new RegExp(`^${name} (\\d+)$`, 'm').exec(text);
  if (!line?.[1]) throw new Error(`/metrics has no ${name}`);
  return Number(line[1]);
}

const laneAnswers = (): Promise<number> => metric('http_kept_lane_answers_total');

async function start(database: DatabaseTarget, trustProxy = DEFAULT_SERVER_SETTINGS.trustProxy) {
  composed = await composeForTest(database);
  const clock: Clock = { now: () => new Date(clockMs) };
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logged.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  const app = createHttpApp(
    { ...composed.deps, clock },
    {
      logger: pino({ level: 'info', base: null }, sink),
      server: { ...DEFAULT_SERVER_SETTINGS, trustProxy },
    },
  );
  server = await startHttpServer(app, 0, DEFAULT_SERVER_SETTINGS, '127.0.0.1');
}

async function stop() {
  await server.close();
  await composed.close();
}

const KEPT_PATHS = [
  ['the home page', '/'],
  ['the API look-up', '/api/v1/codes/0x80244001'],
  ['an article page', '/windows-update/0x80244001'],
  ['a code page without an article', `/codes/${NO_ARTICLE}`],
  ['the stylesheet', SITE_STYLESHEET.path],
] as const;

const DATABASES = [
  {
    name: 'SQLite file',
    target: (): DatabaseTarget => ({ kind: 'sqlite', file: join(folder, 'a.db') }),
  },
  { name: 'memory', target: (): DatabaseTarget => ({ kind: 'memory' }) },
];

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'atlas-lane-'));
  logged = [];
  clockMs = Date.parse('2026-12-08T10:00:00Z');
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

describe.each(DATABASES)('the kept-answer lane on $name', ({ target }) => {
  beforeEach(() => start(target()));
  afterEach(stop);

  it.each(KEPT_PATHS)(
    'gives %s again as the app gave it, in each encoding, but for its own request id',
    async (_what, path) => {
      const encodings: Record<string, string>[] = [
        {},
        { 'accept-encoding': 'gzip' },
        { 'accept-encoding': 'br' },
      ];
      const firsts: Answer[] = [];
      for (const encoding of encodings) firsts.push(await get(path, encoding));
      // Each encoding is kept apart: asked again in turn, each gets its own.
      for (const [i, encoding] of encodings.entries()) {
        const first = firsts[i] as Answer;
        expect(first.status).toBe(200);
        const before = await laneAnswers();
        const again = await get(path, encoding);
        expect(await laneAnswers()).toBe(before + 1);
        expect(again.status).toBe(200);
        expect(steadyLines(again)).toEqual(steadyLines(first));
        expect(again.body.equals(first.body)).toBe(true);
        expect(header(again, 'content-encoding')).toBe(encoding['accept-encoding']);
        expect(header(again, 'x-request-id')).not.toBe(header(first, 'x-request-id'));
      }
    },
  );

  it('writes a request line and counts a metric series for each answer it gives', async () => {
    const path = '/api/v1/codes/0x80244001';
    await get(path);
    const again = await get(path);
    const id = header(again, 'x-request-id');
    const line = logged
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l.requestId === id);
    expect(line).toMatchObject({
      msg: 'request',
      method: 'GET',
      route: '/api/v1/codes/:notation{[\\s\\S]+}',
      status: 200,
    });
    const metrics = (await get('/metrics')).body.toString();
    expect(metrics).toMatch(
      /^http_requests_total\{method="GET",route="\/api\/v1\/codes\/:notation\{\[\\\\s\\\\S\]\+\}",status="200"\} 2$/m,
    );
  });

  it('counts every view of an article page it gives, as the route counts its own', async () => {
    for (let i = 0; i < 4; i++) await get('/windows-update/0x80244001');
    await composed.deps.lookups.flush();
    const counts = await composed.deps.demand.lookupCounts(['0x80244001']);
    expect(counts.get('0x80244001')).toBe(4);
  });

  it('leaves a changed answer to the app: a new article shows on the next request', async () => {
    const path = `/api/v1/codes/${NO_ARTICLE}`;
    await get(path);
    await get(path);
    await composed.deps.store.saveArticle({
      article: sampleArticle({ code: NO_ARTICLE, title: 'Written while the lane kept the answer' }),
      contentHash: 'lane-test',
      baseRevision: 0,
      at: '2026-12-08T00:00:00.000Z',
      author: 'test',
      reason: 'kept-lane test',
    });
    const before = await laneAnswers();
    const changed = await get(path);
    expect(await laneAnswers()).toBe(before);
    expect(changed.body.toString()).toContain('Written while the lane kept the answer');
    // …and that answer is kept in its turn.
    const again = await get(path);
    expect(await laneAnswers()).toBe(before + 1);
    expect(again.body.equals(changed.body)).toBe(true);
  });

  it('leaves the home page to the app once the most looked-up codes changed', async () => {
    await get('/');
    await get('/');
    const before = await laneAnswers();
    // A code without an article is on the home page only once people look it up.
    expect((await get('/')).body.toString()).not.toContain(NO_ARTICLE);
    for (let i = 0; i < 5; i++) await get(`/api/v1/codes/${NO_ARTICLE}`);
    await composed.deps.lookups.flush();
    const laneBefore = await laneAnswers();
    expect((await get('/')).body.toString()).toContain(NO_ARTICLE);
    expect(await laneAnswers()).toBe(laneBefore);
    expect(laneBefore).toBeGreaterThan(before);
  });

  it('leaves an article page to the app on a new day (support may have ended meanwhile)', async () => {
    const path = '/windows-update/0x80244001';
    await get(path);
    const before = await laneAnswers();
    clockMs += 86_400_000;
    expect((await get(path)).status).toBe(200);
    expect(await laneAnswers()).toBe(before);
  });

  it('leaves revalidation, HEAD, a body and a new article request to the app', async () => {
    const path = `/codes/${NO_ARTICLE}`;
    const first = await get(path);
    const etag = header(first, 'etag') ?? '';
    const before = await laneAnswers();
    const revalidated = await get(path, { 'if-none-match': etag });
    expect(revalidated.status).toBe(304);
    const head = await get(path, {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(header(head, 'content-length')).toBe(header(first, 'content-length'));
    expect(await laneAnswers()).toBe(before);
    // The page shows how many asked for an article: a request makes the kept page stale.
    expect((await get(path, {}, 'POST')).status).toBe(303);
    const after = await get(path);
    expect(after.body.toString()).toContain('1 request so far');
    expect(await laneAnswers()).toBe(before);
  });

  it('keeps nothing a route did not offer', async () => {
    await get('/families');
    const before = await laneAnswers();
    expect((await get('/families')).status).toBe(200);
    expect((await get('/no-such-page')).status).toBe(404);
    expect((await get('/no-such-page')).status).toBe(404);
    expect(await laneAnswers()).toBe(before);
  });
});

describe('the kept-answer lane behind a trusted proxy', () => {
  beforeEach(() => start({ kind: 'memory' }, { kind: 'hops', hops: 1 }));
  afterEach(stop);

  it('answers over TLS with HSTS, though the same page over plain HTTP was kept without it', async () => {
    const path = '/api/v1/codes/0x80244001';
    await get(path);
    expect(header(await get(path), 'strict-transport-security')).toBeUndefined();
    const overTls = await get(path, { 'x-forwarded-proto': 'https' });
    expect(header(overTls, 'strict-transport-security')).toBe('max-age=31536000');
    const again = await get(path, { 'x-forwarded-proto': 'https' });
    expect(header(again, 'strict-transport-security')).toBe('max-age=31536000');
    expect(header(await get(path), 'strict-transport-security')).toBeUndefined();
  });
});
