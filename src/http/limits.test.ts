import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Composed } from '../compose.js';
import { DEFAULT_SERVER_SETTINGS, type ServerSettings } from '../config.js';
import { composeForTest } from '../test-support/compose-for-test.js';
import { createHttpApp } from './create-http-app.js';
import { startHttpServer, type HttpServer } from './http-server.js';
import { bodyLimitOf } from './limits.js';

const SETTINGS: ServerSettings = {
  ...DEFAULT_SERVER_SETTINGS,
  maxBodyBytes: 8192,
  maxUrlBytes: 512,
  maxHeaderBytes: 4096,
  headersTimeoutMs: 500,
  requestTimeoutMs: 800,
};

/** Writes raw bytes on a fresh connection and collects everything until the server closes it. */
function exchange(
  port: number,
  chunks: readonly string[],
  options: { keepOpen?: boolean } = {},
): Promise<{ text: string; ms: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = connect(port, '127.0.0.1');
    let text = '';
    socket.on('data', (data) => (text += data.toString('latin1')));
    socket.on('error', reject);
    socket.on('close', () => resolve({ text, ms: Date.now() - started }));
    socket.on('connect', () => {
      for (const chunk of chunks) socket.write(chunk);
      if (options.keepOpen !== true) socket.end();
    });
  });
}

let composed: Composed;
let server: HttpServer;
beforeAll(async () => {
  composed = await composeForTest();
  server = await startHttpServer(
    createHttpApp(composed.deps, { server: SETTINGS }),
    0,
    SETTINGS,
    '127.0.0.1',
  );
});
afterAll(async () => {
  await server.close();
  await composed.close();
});

const REQUESTS = '/api/v1/codes/0x80240023/requests';

describe('request bodies', () => {
  it('caps the article-request routes below the server-wide limit', () => {
    expect(bodyLimitOf('POST', REQUESTS, 8192)).toBe(4096);
    expect(bodyLimitOf('POST', '/codes/0x80240023', 8192)).toBe(4096);
    expect(bodyLimitOf('POST', '/elsewhere', 8192)).toBe(8192);
    expect(bodyLimitOf('POST', REQUESTS, 1000)).toBe(1000);
  });

  it('refuses a declared Content-Length over the limit before any of the body is sent', async () => {
    const { text } = await exchange(
      server.port,
      [`POST ${REQUESTS} HTTP/1.1\r\nHost: x\r\nContent-Length: 10000000\r\n\r\n`],
      { keepOpen: true },
    );
    expect(text).toMatch(/^HTTP\/1\.1 413 /);
    expect(text).toContain('"code":"payload_too_large"');
    expect(text).toContain('at most 4096 bytes (4 KiB)');
    expect(text.toLowerCase()).toContain('connection: close');
  });

  it('refuses a chunked body once it streams past the limit', async () => {
    const chunk = 'x'.repeat(1000);
    const body = Array.from({ length: 6 }, () => `3e8\r\n${chunk}\r\n`).join('');
    const { text } = await exchange(
      server.port,
      [`POST ${REQUESTS} HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n`, body],
      { keepOpen: true },
    );
    expect(text).toMatch(/^HTTP\/1\.1 413 /);
    expect(text).toContain('"code":"payload_too_large"');
  });

  it('lets a chunked body under the limit through', async () => {
    const answer = await fetch(`http://127.0.0.1:${server.port}${REQUESTS}`, {
      method: 'POST',
      body: new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('a=1'));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(answer.status).toBe(201);
  });

  it('applies the server-wide limit where a route has none', async () => {
    const answer = await fetch(`http://127.0.0.1:${server.port}/api/v1/codes/0x80244001`, {
      method: 'POST',
      body: 'x'.repeat(9000),
    });
    expect(answer.status).toBe(413);
    expect(await answer.json()).toEqual({
      error: {
        code: 'payload_too_large',
        message: 'the request body is larger than this route accepts: at most 8192 bytes (8 KiB)',
      },
    });
  });
});

describe('URLs and headers', () => {
  it('answers 414 uri_too_long for a URL over MAX_URL_BYTES, naming both lengths', async () => {
    const path = `/codes/${'8'.repeat(600)}`;
    const answer = await fetch(`http://127.0.0.1:${server.port}${path}`);
    expect(answer.status).toBe(414);
    expect(await answer.json()).toEqual({
      error: {
        code: 'uri_too_long',
        message: `the URL is ${path.length} bytes long; this server accepts at most 512`,
      },
    });
  });

  it('counts the query string in the URL length', async () => {
    const answer = await fetch(`http://127.0.0.1:${server.port}/codes?q=${'8'.repeat(600)}`);
    expect(answer.status).toBe(414);
  });

  it('lets a URL at the limit through', async () => {
    const path = `/codes?q=${'8'.repeat(512 - '/codes?q='.length)}`;
    expect(path.length).toBe(512);
    const answer = await fetch(`http://127.0.0.1:${server.port}${path}`);
    expect(answer.status).not.toBe(414);
  });

  it('lets Node refuse headers over MAX_HEADER_BYTES with 431', async () => {
    const answer = await fetch(`http://127.0.0.1:${server.port}/healthz`, {
      headers: { 'x-padding': 'p'.repeat(5000) },
    });
    expect(answer.status).toBe(431);
  });
});

describe('slow clients', () => {
  it('drops a client that never finishes its headers, soon after HEADERS_TIMEOUT_MS', async () => {
    const { text, ms } = await exchange(server.port, ['GET /healthz HTTP/1.1\r\nHost: x\r\n'], {
      keepOpen: true,
    });
    expect(text).toMatch(/^HTTP\/1\.1 408 /);
    expect(ms).toBeGreaterThanOrEqual(450);
    expect(ms).toBeLessThan(3000);
  });

  it('drops a client that trickles its body past REQUEST_TIMEOUT_MS', async () => {
    // Chunked: the body limit reads the stream, so the request waits on the client.
    const { text, ms } = await exchange(
      server.port,
      [`POST ${REQUESTS} HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n`],
      { keepOpen: true },
    );
    expect(text).toMatch(/^HTTP\/1\.1 408 /);
    expect(ms).toBeGreaterThanOrEqual(750);
    expect(ms).toBeLessThan(3000);
  });
});
