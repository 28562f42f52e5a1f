import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { codeSchema } from '../articles/schema.js';
import { readHex } from './table-cells.js';
import {
  CANONICAL_CODE,
  formatCode,
  hresultFromWin32,
  isCanonical,
  parseCanonicalCode,
  toInt32,
  valueOfCode,
} from './code-value.js';

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

describe('parseCanonicalCode', () => {
  it('gives back the canonical text, checked', () => {
    expect(parseCanonicalCode('0x80244001')).toEqual({ ok: true, value: '0x80244001' });
  });

  it.each(['0x800f081f', '80244001', '0x8024400', '0x80244001\n', ''])(
    'refuses %j, saying what the canonical form is',
    (input) => {
      expect(parseCanonicalCode(input)).toEqual({
        ok: false,
        reason: `${JSON.stringify(input)} must be "0x" followed by 8 upper-case hex digits, e.g. "0x80244001"`,
      });
    },
  );

  it('reads back every value formatCode writes, and only those texts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (value) => {
        const code = formatCode(value);
        expect(isCanonical(code)).toBe(true);
        expect(valueOfCode(code)).toBe(value);
      }),
    );
  });
});

describe('one owner of the canonical form', () => {
  // The article schema, the table reader and the OpenAPI pattern (CANONICAL_CODE.source) must
  // agree with the guard on every text, canonical or nearly so.
  const nearlyCanonical = fc
    .array(fc.constantFrom(...'0123456789ABCDEFabcdefxX \n'), { minLength: 0, maxLength: 11 })
    .map((chars) => chars.join(''));
  const texts = fc.oneof(
    nearlyCanonical,
    nearlyCanonical.map((rest) => `0x${rest}`),
    fc.integer({ min: 0, max: 0xffffffff }).map(formatCode),
  );

  it('agrees in the schema, the tables and the OpenAPI pattern', () => {
    const openApiPattern = new RegExp(CANONICAL_CODE.source);
    fc.assert(
      fc.property(texts, (text) => {
        const canonical = isCanonical(text);
        expect(codeSchema.safeParse(text).success).toBe(canonical);
        expect(readHex(text, 'code').ok).toBe(canonical);
        expect(openApiPattern.test(text)).toBe(canonical);
      }),
    );
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
