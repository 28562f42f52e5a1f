import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../create-logger.js';
import { logBuffer } from '../../test-support/log-buffer.js';
import { logServerError, requestLog } from './request-log.js';
import { requestId } from './request-id.js';

function appWithLog(level: 'info' | 'warn' = 'info') {
  const log = logBuffer(level);
  const app = new Hono();
  app.use(requestId());
  app.use(requestLog(log.logger));
  app.get('/codes/:notation', (c) => c.text(`read ${c.req.param('notation')}`));
  app.get('/fails', () => {
    throw new Error('the disk is gone');
  });
  app.onError((error, c) => {
    logServerError(log.logger, c, error);
    return c.text('failed', 500);
  });
  return { app, ...log };
}

describe('requestLog', () => {
  it('writes one line per request: method, route pattern, status, duration, request id', async () => {
    const { app, lines } = appWithLog();
    const response = await app.request('/codes/0x80070005?q=secret');
    expect(lines()).toEqual([
      expect.objectContaining({
        msg: 'request',
        level: 30,
        method: 'GET',
        route: '/codes/:notation',
        status: 200,
        ms: expect.any(Number) as unknown,
        requestId: response.headers.get('x-request-id'),
      }),
    ]);
  });

  it('logs neither the path people typed nor its query nor their address', async () => {
    const { app, lines } = appWithLog();
    await app.request('/codes/0x80070005?q=secret', {
      headers: { 'x-forwarded-for': '203.0.113.7', cookie: 'session=abc' },
    });
    const text = JSON.stringify(lines());
    expect(text).not.toContain('0x80070005');
    expect(text).not.toContain('secret');
    expect(text).not.toContain('203.0.113');
    expect(text).not.toContain('session');
  });

  it('names an unknown address (unmatched), not its path', async () => {
    const { app, lines } = appWithLog();
    await app.request('/nothing/here');
    expect(lines()[0]).toMatchObject({ route: '(unmatched)', status: 404 });
  });

  it('logs a failure once, with its stack and the request id the answer carries', async () => {
    const { app, lines } = appWithLog();
    const response = await app.request('/fails');
    const errors = lines().filter((line) => line.level === 50);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      msg: 'request failed',
      requestId: response.headers.get('x-request-id'),
      route: '/fails',
      err: { message: 'the disk is gone' },
    });
    expect((errors[0]?.err as { stack: string }).stack).toContain('request-log.test.ts');
    expect(lines().filter((line) => line.msg === 'request')).toHaveLength(1);
  });

  it('follows the level: at warn, request lines are left out and failures kept', async () => {
    const { app, lines } = appWithLog('warn');
    await app.request('/codes/1');
    await app.request('/fails');
    expect(lines().map((line) => line.msg)).toEqual(['request failed']);
  });
});

describe('requestLog through the server’s own logger (its fast line)', () => {
  it('writes the line pino’s info() would write for the same fields', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'atlas-request-line-'));
    try {
      const file = join(folder, 'lines.log');
      const logger = await createLogger('info', false, { file });
      const app = new Hono();
      app.use(requestId());
      app.use(requestLog(logger));
      app.get('/codes/:notation{[\\s\\S]+}', (c) => c.text('read'));
      const response = await app.request('/codes/0x80070005?q=secret');
      logger.flush();
      const [line = ''] = readFileSync(file, 'utf8').split('\n');
      const fields = JSON.parse(line) as Record<string, unknown>;
      expect(fields).toMatchObject({
        level: 30,
        requestId: response.headers.get('x-request-id'),
        method: 'GET',
        route: '/codes/:notation{[\\s\\S]+}',
        status: 200,
        msg: 'request',
      });
      // pino's own line for the same fields, written by the same logger, is the same text.
      const { level: _level, time: _time, msg: _msg, ...own } = fields;
      logger.info(own, 'request');
      logger.flush();
      const [, again = ''] = readFileSync(file, 'utf8').split('\n');
      const untimed = (text: string) => text.replace(/"time":"[^"]*"/, '"time":"…"');
      expect(untimed(line)).toBe(untimed(again));
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
