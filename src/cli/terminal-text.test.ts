import { describe, expect, it } from 'vitest';
import { escapeLine, terminalJson } from './terminal-text.js';

describe('escapeLine', () => {
  it('shows escape sequences, CR, tab and newline as text, not as what they do', () => {
    expect(escapeLine('a\x1b[31mred\x1b[0m\rb\tc\nd')).toBe('a\\x1b[31mred\\x1b[0m\\rb\\tc\\nd');
  });

  it('escapes DEL, the C1 controls (U+009B is a one-byte CSI) and the bidi overrides', () => {
    expect(escapeLine('x\x7f\u009b2J\u202eevil\u2066\u2028')).toBe(
      'x\\x7f\\x9b2J\\u202eevil\\u2066\\u2028',
    );
  });

  it('leaves printable text alone, accents and dashes included', () => {
    const text = 'Windows Update error 0x80244001 — “SOAP” café ✓';
    expect(escapeLine(text)).toBe(text);
  });
});

describe('terminalJson', () => {
  it('is JSON that reads back as the same value, with no raw control character in it', () => {
    const value = { input: 'a\x1b[31m\u009b\u202e\x7f\n', n: 1 };
    const text = terminalJson(value);
    expect(JSON.parse(text)).toEqual(value);
    // eslint-disable-next-line no-control-regex -- looking for control characters
    expect(text.replace(/\n/g, '')).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202e]/);
  });
});
