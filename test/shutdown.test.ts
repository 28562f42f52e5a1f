import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { SERVER } from './run-process.js';

/**
 * Graceful shutdown of the real server (`dist/server.js`, what `npm start` runs): SIGTERM
 * stops new connections, lets the request in flight finish, flushes the look-up counts and
 * exits 0; a request that outlives SHUTDOWN_TIMEOUT_MS is cut and the exit is still clean.
 */

interface Started {
  child: ChildProcess;
  port: number;
  output: () => string;
  exited: Promise<number | null>;
}

function start(env: Record<string, string>): Promise<Started> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SERVER], {
      env: { ...process.env, PORT: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      const match = /listening on http:\/\/localhost:(\d+)/.exec(output);
      if (match?.[1]) resolve({ child, port: Number(match[1]), output: () => output, exited });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    void exited.then((code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
}

/** A POST whose chunked body the test sends in two parts: in flight until the second. */
function slowRequest(port: number): {
  socket: Socket;
  finish: () => void;
  answer: Promise<string>;
} {
  const socket = connect(port, '127.0.0.1');
  socket.write(
    'POST /api/v1/codes/0x80240023/requests HTTP/1.1\r\nHost: x\r\n' +
      'Transfer-Encoding: chunked\r\n\r\n3\r\na=1\r\n',
  );
  let text = '';
  const answer = new Promise<string>((resolve) => {
    socket.on('data', (data) => {
      text += data.toString('utf8');
      if (text.includes('\r\n\r\n') && /\}\s*$/.test(text)) resolve(text);
    });
    socket.on('close', () => resolve(text));
  });
  return { socket, finish: () => socket.write('0\r\n\r\n'), answer };
}

const refused = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });

async function until(condition: () => Promise<boolean>, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});
const freshDb = (): string => {
  const folder = mkdtempSync(join(tmpdir(), 'atlas-shutdown-'));
  folders.push(folder);
  return join(folder, 'atlas.db');
};

describe('graceful shutdown on SIGTERM', () => {
  it('finishes the request in flight, refuses new connections, flushes counts, exits 0', async () => {
    const file = freshDb();
    const server = await start({ DATABASE_URL: `sqlite:${file}`, SHUTDOWN_TIMEOUT_MS: '10000' });
    for (let i = 0; i < 3; i++) {
      const answer = await fetch(`http://127.0.0.1:${server.port}/api/v1/codes/0x80244001`);
      expect(answer.status).toBe(200);
    }
    const slow = slowRequest(server.port);
    // The request has reached the app (its headers are parsed) before the signal.
    await new Promise((r) => setTimeout(r, 200));
    server.child.kill('SIGTERM');
    await until(() => refused(server.port));
    expect(server.child.exitCode).toBeNull(); // still draining: the slow request holds it
    slow.finish();
    const answer = await slow.answer;
    expect(answer).toMatch(/^HTTP\/1\.1 201 /);
    expect(answer.toLowerCase()).toContain('connection: close');
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain('shutdown: 1 in-flight request(s) finished');

    const db = new BetterSqlite3(file, { readonly: true });
    const row = db
      .prepare<[], { count: number }>("SELECT count FROM lookup_counts WHERE code = '0x80244001'")
      .get();
    const requested = db
      .prepare<[], { n: number }>(
        "SELECT count(*) AS n FROM article_requests WHERE code = '0x80240023'",
      )
      .get();
    db.close();
    expect(row?.count).toBe(3);
    expect(requested?.n).toBe(1);
  });

  it('cuts a request that outlives SHUTDOWN_TIMEOUT_MS and still exits 0', async () => {
    const server = await start({ DATABASE_URL: `sqlite:${freshDb()}`, SHUTDOWN_TIMEOUT_MS: '300' });
    const slow = slowRequest(server.port);
    await new Promise((r) => setTimeout(r, 200));
    const signalled = Date.now();
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(5000);
    expect(server.output()).toContain('1 cut off at the 300 ms deadline');
    await slow.answer; // the connection was closed under it
    expect(slow.socket.destroyed || slow.socket.readableEnded).toBe(true);
  });
});
