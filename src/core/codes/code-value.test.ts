import { describe, expect, it } from 'vitest';
import { formatCode, hresultFromWin32, isCanonical, toInt32 } from './code-value.js';

describe('formatCode', () => {
  it.each([
    [0, '0x00000000'],
    [5, '0x00000005'],
    [0x80244001, '0x80244001'],
    [-2145107967, '0x80244001'],
    [0xffffffff, '0xFFFFFFFF'],
    [0x800f081f, '0x800F081F'],
  ])('%d → %s', (value, code) => {
    expect(formatCode(value)).toBe(code);
  });

  it.each([0x100000000, -0x80000001, 1.5, Number.NaN])(
    'refuses %d, which is not 32 bits',
    (value) => {
      expect(() => formatCode(value)).toThrow(RangeError);
    },
  );
});

describe('isCanonical', () => {
  it.each([
    ['0x80244001', true],
    ['0x800F081F', true],
    ['0x800f081f', false],
    ['0X80244001', false],
    ['80244001', false],
    ['0x8024401', false],
    [' 0x80244001', false],
  ])('%j → %s', (input, canonical) => {
    expect(isCanonical(input)).toBe(canonical);
  });
});

describe('hresultFromWin32 and toInt32', () => {
  it.each([
    [0, 0],
    [5, 0x80070005],
    [12002, 0x80072ee2],
  ])('HRESULT_FROM_WIN32(%d) = %d', (code, hr) => {
    expect(hresultFromWin32(code)).toBe(hr);
  });

  it('gives the signed view of the same bits', () => {
    expect(toInt32(0x80244001)).toBe(-2145107967);
  });
});
