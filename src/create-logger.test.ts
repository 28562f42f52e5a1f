import { describe, expect, it } from 'vitest';
import { parseLogLevel } from './create-logger.js';

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
