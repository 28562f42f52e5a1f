import { describe, expect, it } from 'vitest';
import { isoTimeOncePerMs, parseLogLevel } from './create-logger.js';

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
