import { expect, it } from 'vitest';
import { loadWindowsCatalog } from '../../adapters/catalog/load-windows-tables.js';
import { readNotation } from './read-notation.js';
import type { Notation } from './reading.js';

/**
 * DESIGN.md: "Ambiguity is shown, ranked, never hidden". Each row: every reading of the input,
 * in rank order, as [code, notation, known], and a phrase its reason must contain.
 */

const catalog = await loadWindowsCatalog();

type Row = [code: string, notation: Notation, known: boolean, reason: RegExp];

it.each<[string, Row[]]>([
  [
    // 8 digits: hex first; the decimal reading only because 128 (0x80) is in a table.
    '00000128',
    [
      ['0x00000128', 'bare-hex', true, /Eight digits are read as hex first/],
      ['0x00000080', 'unsigned-decimal', true, /decimal number whose value is in the tables/],
    ],
  ],
  [
    '00197120',
    [
      ['0x00197120', 'bare-hex', false, /hex first/],
      ['0x00030200', 'unsigned-decimal', true, /value is in the tables/],
    ],
  ],
  [
    // Win32 first; then the plain value 128 (STATUS_ABANDONED); then the digits as hex.
    '128',
    [
      [
        '0x80070080',
        'win32-decimal',
        true,
        /five digits or fewer is read as a Win32 error code first/,
      ],
      ['0x00000080', 'unsigned-decimal', true, /plain value 128, which is in the tables/],
      ['0x00000128', 'bare-hex', true, /same digits as hex, which is in the tables/],
    ],
  ],
  [
    '102',
    [
      ['0x80070066', 'win32-decimal', true, /Win32 error code first/],
      ['0x00000102', 'bare-hex', true, /same digits as hex/],
    ],
  ],
  ['1645', [['0x8007066D', 'win32-decimal', true, /HRESULT_FROM_WIN32\(1645\) is 0x8007066D/]]],
  [
    '1',
    [
      ['0x80070001', 'win32-decimal', true, /Win32 error code first/],
      ['0x00000001', 'unsigned-decimal', true, /plain value 1/],
    ],
  ],
  [
    // 6 digits: decimal when the tables know the value, hex beside it.
    '197120',
    [
      ['0x00030200', 'unsigned-decimal', true, /decimal whose value is in the tables/],
      ['0x00197120', 'bare-hex', false, /same digits read as hex/],
    ],
  ],
  ['123456', [['0x00123456', 'bare-hex', false, /in no table/]]],
  ['2149859329', [['0x80244001', 'unsigned-decimal', true, /Ten decimal digits/]]],
  ['-2145107967', [['0x80244001', 'signed-decimal', true, /signed decimal/]]],
  [
    // Text: strong words (0x…, names) before weak ones (bare digits), each code once.
    'failed 80070005 then 0x80244001 (0x80244001)',
    [
      ['0x80244001', 'hex', true, /Written with 0x/],
      ['0x80070005', 'bare-hex', true, /hex first/],
    ],
  ],
])('%j: every reading, ranked, with its reason', (input, expected) => {
  const result = readNotation(input, catalog);
  if (!result.ok) throw new Error(result.reason.message);
  expect(result.value.map((r) => [r.code, r.notation, r.known])).toEqual(
    expected.map(([code, notation, known]) => [code, notation, known]),
  );
  result.value.forEach((reading, i) => {
    expect(reading.rank).toBe(i + 1);
    expect(reading.reason).toMatch(expected[i]?.[3] ?? /^$/);
  });
});
