import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAILY_REQUEST_LIMIT } from '../src/app/request-article.js';
import { startServer, type StartedServer } from './start-server.js';

const folder = mkdtempSync(join(tmpdir(), 'atlas-limit-'));
const dbFile = join(folder, 'atlas.db');
let server: StartedServer;

beforeAll(async () => {
  server = await startServer({ DATABASE_URL: `sqlite:${dbFile}` });
});
afterAll(async () => {
  await server.stop();
  rmSync(folder, { recursive: true, force: true });
});

/** 300 different codes with no article: 0x00FA0000, 0x00FA0001, … */
const codes = Array.from(
  { length: 300 },
  (_, i) => `0x00FA${i.toString(16).toUpperCase().padStart(4, '0')}`,
);

/**
 * Writes every request at once on one socket (HTTP/1.1 pipelining) and reads the statuses of
 * the responses in order. No Origin header, as curl sends none.
 */
function pipeline(origin: string, paths: readonly string[]): Promise<number[]> {
  const { hostname, port } = new URL(origin);
  const requests = paths
    .map((path, i) =>
      [
        `POST ${path} HTTP/1.1`,
        `Host: ${hostname}:${port}`,
        'Content-Length: 0',
        ...(i === paths.length - 1 ? ['Connection: close'] : []),
        '',
        '',
      ].join('\r\n'),
    )
    .join('');
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname === 'localhost' ? '127.0.0.1' : hostname);
    let received = '';
    socket.setEncoding('latin1');
    socket.on('connect', () => socket.write(requests));
    socket.on('data', (chunk: string) => (received += chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(statusesOf(received)));
  });
}

/** The status of each response in a stream of HTTP/1.1 responses framed by Content-Length. */
function statusesOf(stream: string): number[] {
  const statuses: number[] = [];
  let at = 0;
  while (at < stream.length) {
    const headEnd = stream.indexOf('\r\n\r\n', at);
    if (headEnd < 0) throw new Error(`a response without its headers' end at byte ${at}`);
    const head = stream.slice(at, headEnd);
    const status = /^HTTP\/1\.1 (\d{3}) /.exec(head)?.[1];
    const length = /\r\ncontent-length: *(\d+)/i.exec(head)?.[1];
    if (status === undefined || length === undefined) throw new Error(`not framed: ${head}`);
    statuses.push(Number(status));
    at = headEnd + 4 + Number(length);
  }
  return statuses;
}

describe('article requests pipelined on one connection', () => {
  it(`accept exactly ${DAILY_REQUEST_LIMIT} and refuse the rest with 429; the database holds the limit`, async () => {
    const statuses = await pipeline(
      server.origin,
      codes.map((code) => `/api/v1/codes/${code}/requests`),
    );
    expect(statuses).toHaveLength(codes.length);
    expect(statuses.filter((s) => s === 201)).toHaveLength(DAILY_REQUEST_LIMIT);
    expect(statuses.filter((s) => s === 429)).toHaveLength(codes.length - DAILY_REQUEST_LIMIT);

    const db = new BetterSqlite3(dbFile, { readonly: true });
    try {
      const stored = db.prepare<[], number>('SELECT count(*) FROM article_requests').pluck().get();
      expect(stored).toBe(DAILY_REQUEST_LIMIT);
    } finally {
      db.close();
    }
  });
});
