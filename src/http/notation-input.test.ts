import { describe, expect, it } from 'vitest';
import { DomainError } from '../core/errors.js';
import { notationInput, printable } from './notation-input.js';

const refusal = (raw: string): DomainError => {
  try {
    notationInput(raw);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error(`"${raw}" was accepted`);
};

describe('notationInput', () => {
  it.each([
    ['0x80244001', '0x80244001'],
    ['0x80244001\nthe next log line', '0x80244001'],
    ['0x80244001\r\nnext', '0x80244001'],
    ['0x80244001\rnext', '0x80244001'],
    ['0x80244001\u2028next', '0x80244001'],
    ['0x80244001\u2029next', '0x80244001'],
    ['error 0x80244001\ton Windows 11', 'error 0x80244001\ton Windows 11'],
  ])('reads %j as %j', (raw, expected) => {
    expect(notationInput(raw)).toBe(expected);
  });

  it.each(['\n0x80244001', '  \r\n', '\u2028'])(
    'refuses %j, whose first line is empty, with invalid_notation',
    (raw) => {
      const error = refusal(raw);
      expect(error.code).toBe('invalid_notation');
      expect(error.message).toContain('before the first line break is empty');
    },
  );

  it.each([
    ['0x8024\u00004001', 'U+0000'],
    ['0x80244001\u001b[31m', 'U+001B'],
    ['\u007f80244001', 'U+007F'],
  ])('refuses %j, naming the control character %s', (raw, shown) => {
    const error = refusal(raw);
    expect(error.code).toBe('invalid_notation');
    expect(error.message).toContain(shown);
    expect(printable(error.message)).toBe(error.message);
  });
});

describe('printable', () => {
  it('shows control characters as U+FFFD and keeps the rest', () => {
    expect(printable('a\u0000b\u001bc\u007fd é')).toBe('a\uFFFDb\uFFFDc\uFFFDd é');
  });
});
