import { request as httpRequest } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeLogsResponseSchema, sharedReportResponseSchema } from '../../app/log-responses.js';
import type { Composed } from '../../compose.js';
import { DEFAULT_SERVER_SETTINGS, type ServerSettings } from '../../config.js';
import { composeForTest } from '../../test-support/compose-for-test.js';
import { buildZip } from '../../test-support/zip-writer.js';
import { createHttpApp } from '../create-http-app.js';
import { startHttpServer, type HttpServer } from '../http-server.js';

const CAP = 4 * 1024 * 1024;
const settings: ServerSettings = { ...DEFAULT_SERVER_SETTINGS, maxLogUploadBytes: CAP };
const folder = mkdtempSync(join(tmpdir(), 'atlas-logs-api-'));
const dbFile = join(folder, 'atlas.db');
let composed: Composed;
let server: HttpServer;

beforeAll(async () => {
  composed = await composeForTest({ kind: 'sqlite', file: dbFile });
  server = await startHttpServer(createHttpApp(composed.deps, { server: settings }), 0, settings);
});
afterAll(async () => {
  await server.close();
  await composed.close();
  rmSync(folder, { recursive: true, force: true });
});

const dism = readFileSync('test/logs/dism.log');
const cbs = readFileSync('test/logs/CBS.log');

type Answer = {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
};

/**
 * A real request to the real server. The body goes in the pieces given, each written after
 * the server has had a turn, with no Content-Length (chunked): the server sees a stream.
 */
function send(
  path: string,
  pieces: readonly (Buffer | string)[],
  headers: Record<string, string> = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port: server.port, path, method: 'POST', headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    // The server may answer (413) and close while we still write: that is the point.
    req.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE' && e.code !== 'ECONNRESET') reject(e);
    });
    void (async () => {
      for (const piece of pieces) {
        if (req.destroyed) return;
        req.write(piece);
        await new Promise((r) => setImmediate(r));
      }
      req.end();
    })();
  });
}

const BOUNDARY = 'atlas-test-boundary-7f3a';
const multipartHeaders = { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` };
type Part = { field: string; filename?: string; type?: string; data: Buffer | string };

/** A multipart body as pieces of at most 16 KiB, the way a slow client would send it. */
function multipart(parts: readonly Part[]): Buffer[] {
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = `form-data; name="${p.field}"${p.filename !== undefined ? `; filename="${p.filename}"` : ''}`;
    chunks.push(
      Buffer.from(
        `--${BOUNDARY}\r\nContent-Disposition: ${disposition}\r\n${p.type ? `Content-Type: ${p.type}\r\n` : ''}\r\n`,
      ),
      Buffer.isBuffer(p.data) ? p.data : Buffer.from(p.data),
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  const all = Buffer.concat(chunks);
  const pieces: Buffer[] = [];
  for (let i = 0; i < all.length; i += 16 * 1024) pieces.push(all.subarray(i, i + 16 * 1024));
  return pieces;
}

const errorCode = (a: { body: string }): string =>
  (JSON.parse(a.body) as { error: { code: string } }).error.code;
const storedReports = (): number => {
  const db = new Database(dbFile, { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM shared_log_reports').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

describe('POST /api/v1/logs/analyze (a real server, streamed bodies)', () => {
  it('two files in one streamed multipart upload: the redacted diagnosis, stored nowhere', async () => {
    const a = await send(
      '/api/v1/logs/analyze',
      multipart([
        { field: 'file', filename: 'dism.log', type: 'text/plain', data: dism },
        { field: 'file', filename: 'C:\\Users\\jsmith\\Desktop\\CBS.log', data: cbs },
      ]),
      multipartHeaders,
    );
    expect(a.status).toBe(200);
    expect(a.headers['cache-control']).toBe('no-store');
    const { diagnosis, report } = analyzeLogsResponseSchema.parse(JSON.parse(a.body));
    expect(report).toBeUndefined();
    expect(diagnosis.matches[0]?.rule).toBe('servicing-source-missing-dism');
    expect(diagnosis.files.map((f) => f.file)).toEqual(['dism.log', 'CBS.log']);
    expect(a.body).not.toContain('jsmith');
    expect(storedReports()).toBe(0);
  });

  it('a binary file the analyser stops reading early does not stall the files after it', async () => {
    const a = await send(
      '/api/v1/logs/analyze',
      multipart([
        { field: 'file', filename: 'binary.log', data: readFileSync('test/logs/binary.log') },
        { field: 'file', filename: 'dism.log', data: dism },
      ]),
      multipartHeaders,
    );
    expect(a.status).toBe(200);
    const { diagnosis } = analyzeLogsResponseSchema.parse(JSON.parse(a.body));
    expect(diagnosis.files.map((f) => f.file)).toEqual(['dism.log']);
    expect(diagnosis.refused.map((f) => f.file)).toEqual(['binary.log']);
  });

  it('a raw body named by ?name=, and a raw .zip of a logs folder', async () => {
    const raw = await send('/api/v1/logs/analyze?name=setupact.log', [
      readFileSync('test/logs/setupact.log'),
    ]);
    expect(raw.status).toBe(200);
    const setup = analyzeLogsResponseSchema.parse(JSON.parse(raw.body)).diagnosis;
    expect(setup.matches[0]?.rule).toBe('setup-migration-corrupt-file');
    const zip = buildZip([
      { name: 'Logs/DISM/dism.log', data: dism },
      { name: 'Logs/CBS/CBS.log', data: cbs },
    ]);
    const zipped = await send('/api/v1/logs/analyze?name=Logs.zip', [zip], {
      'content-type': 'application/zip',
    });
    expect(zipped.status).toBe(200);
    const d = analyzeLogsResponseSchema.parse(JSON.parse(zipped.body)).diagnosis;
    expect(d.files.map((f) => f.file)).toEqual([
      'Logs.zip/Logs/DISM/dism.log',
      'Logs.zip/Logs/CBS/CBS.log',
    ]);
    expect(d.matches[0]?.rule).toBe('servicing-source-missing-dism');
  });

  it('413 past MAX_LOG_UPLOAD_BYTES: at once for a declared length, mid-stream for a chunked body', async () => {
    const declared = await send('/api/v1/logs/analyze', ['x'], {
      'content-length': String(CAP + 1),
    });
    expect([declared.status, errorCode(declared)]).toEqual([413, 'payload_too_large']);
    // 6 MiB of a real log, chunked: the cap is found while it streams.
    const line = cbs.toString('utf8');
    const pieces = Array.from({ length: Math.ceil((6 * 1024 * 1024) / (64 * 1024)) }, () =>
      Buffer.from(line.repeat(Math.ceil((64 * 1024) / line.length))),
    );
    const streamed = await send(
      '/api/v1/logs/analyze',
      multipart([{ field: 'file', filename: 'CBS.log', data: Buffer.concat(pieces) }]),
      multipartHeaders,
    );
    expect([streamed.status, errorCode(streamed)]).toEqual([413, 'payload_too_large']);
    expect(streamed.body).toContain(`at most ${CAP} bytes`);
    expect(streamed.headers.connection).toBe('close');
  });

  it('the cap is the log upload setting, not MAX_BODY_BYTES (64 KiB by default)', async () => {
    const big = Buffer.concat([dism, Buffer.from('\r\n'.repeat(100 * 1024))]);
    expect(big.length).toBeGreaterThan(DEFAULT_SERVER_SETTINGS.maxBodyBytes);
    const a = await send('/api/v1/logs/analyze?name=dism.log', [big]);
    expect(a.status).toBe(200);
  });

  it('bad input: 400 with a stable code and what is accepted', async () => {
    const empty = await send('/api/v1/logs/analyze', []);
    expect([empty.status, errorCode(empty)]).toEqual([400, 'log_upload_empty']);
    const noFile = await send(
      '/api/v1/logs/analyze',
      multipart([
        { field: 'file', filename: '', data: '' },
        { field: 'share', data: 'on' },
      ]),
      multipartHeaders,
    );
    expect([noFile.status, errorCode(noFile)]).toEqual([400, 'log_upload_empty']);
    const noBoundary = await send('/api/v1/logs/analyze', ['--x\r\n'], {
      'content-type': 'multipart/form-data',
    });
    expect([noBoundary.status, errorCode(noBoundary)]).toEqual([400, 'log_upload_malformed']);
    const broken = await send(
      '/api/v1/logs/analyze',
      [
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="a.log"\r\n\r\nhr=0x80070005 cut`,
      ],
      multipartHeaders,
    );
    expect([broken.status, errorCode(broken)]).toEqual([400, 'log_upload_malformed']);
    const many = await send(
      '/api/v1/logs/analyze',
      multipart(
        Array.from({ length: 21 }, (_, i) => ({ field: 'file', filename: `${i}.log`, data: dism })),
      ),
      multipartHeaders,
    );
    expect([many.status, errorCode(many)]).toEqual([400, 'log_upload_too_many_files']);
    const binary = await send('/api/v1/logs/analyze?name=x.log', [
      readFileSync('test/logs/binary.log'),
    ]);
    expect([binary.status, errorCode(binary)]).toEqual([400, 'logs_not_readable']);
    expect(binary.body).toContain('x.log');
    const since = await send('/api/v1/logs/analyze?since=yesterday', [dism]);
    expect([since.status, errorCode(since)]).toEqual([400, 'invalid_request']);
  });
});

describe('shared reports over the API', () => {
  const get = async (path: string) => {
    const r = await fetch(`http://127.0.0.1:${server.port}${path}`);
    return { status: r.status, cache: r.headers.get('cache-control'), body: await r.text() };
  };

  it('?share=true keeps the redacted diagnosis under an unguessable id, readable at its address', async () => {
    const before = storedReports();
    const a = await send('/api/v1/logs/analyze?share=true&name=CBS.log', [cbs]);
    expect(a.status).toBe(200);
    const { diagnosis, report } = analyzeLogsResponseSchema.parse(JSON.parse(a.body));
    expect(report?.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(report?.url).toBe(`/logs/r/${report?.id}`);
    expect(storedReports()).toBe(before + 1);
    const again = await send('/api/v1/logs/analyze?share=true&name=CBS.log', [cbs]);
    expect(analyzeLogsResponseSchema.parse(JSON.parse(again.body)).report?.id).not.toBe(report?.id);
    const shared = await get(`/api/v1/logs/reports/${report?.id}`);
    expect(shared.status).toBe(200);
    expect(shared.cache).toBe('private, no-store');
    const read = sharedReportResponseSchema.parse(JSON.parse(shared.body));
    expect(read.diagnosis).toEqual(diagnosis);
    expect(Date.parse(read.expiresAt) - Date.parse(read.sharedAt)).toBe(30 * 24 * 3600 * 1000);
    expect(shared.body).not.toContain('jsmith');
  });

  it('404 for an id never issued, 410 once 30 days are over', async () => {
    const unknown = await get('/api/v1/logs/reports/AAAAAAAAAAAAAAAAAAAAAA');
    expect([unknown.status, errorCode(unknown)]).toEqual([404, 'report_not_found']);
    await composed.deps.reports.saveReport({
      id: 'expiredexpiredexpired_',
      diagnosis: '{}',
      createdAt: '2020-01-01T00:00:00.000Z',
      expiresAt: '2020-01-31T00:00:00.000Z',
    });
    const gone = await get('/api/v1/logs/reports/expiredexpiredexpired_');
    expect([gone.status, errorCode(gone)]).toEqual([410, 'report_expired']);
  });
});
