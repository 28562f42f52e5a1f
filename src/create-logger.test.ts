import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createLogger, infoLineOf, isoTimeOncePerMs, parseLogLevel } from './create-logger.js';

describe('parseLogLevel', () => {
  it('defaults to info and reads the level in any case', () => {
    expect(parseLogLevel(undefined)).toEqual({ ok: true, value: 'info' });
    expect(parseLogLevel(' WARN ')).toEqual({ ok: true, value: 'warn' });
    expect(parseLogLevel('silent')).toEqual({ ok: true, value: 'silent' });
  });

  it('refuses a level that does not exist, naming the accepted ones', () => {
    const parsed = parseLogLevel('verbose');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.reason).toBe(
        'LOG_LEVEL "verbose" is not a log level; accepted: fatal, error, warn, info, debug, trace, silent',
      );
    }
  });
});

describe('isoTimeOncePerMs', () => {
  it('writes pino’s isoTime field, the same text within one millisecond and a new one after', () => {
    let now = Date.parse('2026-12-06T21:00:00.123Z');
    const time = isoTimeOncePerMs(() => now);
    expect(time()).toBe(',"time":"2026-12-06T21:00:00.123Z"');
    expect(time()).toBe(',"time":"2026-12-06T21:00:00.123Z"');
    now += 1;
    expect(time()).toBe(',"time":"2026-12-06T21:00:00.124Z"');
  });

  it('matches pino’s own isoTime for the clock it reads', () => {
    const time = isoTimeOncePerMs();
    const before = Date.now();
    const field = time();
    const parsed = JSON.parse(`{${field.slice(1)}}`) as { time: string };
    const at = Date.parse(parsed.time);
    expect(at).toBeGreaterThanOrEqual(before);
    expect(at).toBeLessThanOrEqual(Date.now());
  });
});

describe('infoLineOf', () => {
  it('writes, for a JSON-lines logger, the very line pino’s own info() writes', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'atlas-info-line-'));
    try {
      const file = join(folder, 'lines.log');
      const logger = await createLogger('info', false, { file });
      const fields = {
        requestId: 'a1b2',
        method: 'GET',
        route: '/codes/:notation{[\\s\\S]+}',
        status: 200,
        ms: 0.3,
      };
      logger.info(fields, 'request');
      const line = infoLineOf(logger);
      expect(line).toBeDefined();
      line?.(
        `"requestId":"a1b2","method":"GET","route":${JSON.stringify(fields.route)},"status":200,"ms":0.3`,
        'request',
      );
      logger.flush();
      const [viaPino, viaLine, ...more] = readFileSync(file, 'utf8')
        .split('\n')
        .map((text) => text.replace(/"time":"[^"]*"/, '"time":"…"'));
      expect(more).toEqual(['']);
      expect(viaLine).toBe(viaPino);
      expect(JSON.parse(viaPino ?? '')).toMatchObject({ level: 30, msg: 'request', ...fields });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('is not there for other loggers', () => {
    expect(infoLineOf(pino())).toBeUndefined();
  });
});
