import { fail, ok, type Result } from '../result.js';

/**
 * The numeric side of a code: a 32-bit value held as an unsigned JS number (0 … 0xFFFFFFFF),
 * and its canonical text `0x` + 8 upper-case hex digits (DESIGN.md, "Canonical forms").
 * This module is the one owner of that text: its pattern, parser, guard and formatter.
 */

/**
 * A code in canonical form. Only `formatCode`, `parseCanonicalCode` and `isCanonical` make one,
 * so a value of this type has been checked (or formatted) once, where it entered.
 */
export type CanonicalCode = string & { readonly __brand: 'CanonicalCode' };

/** The canonical form as a regular expression; its `source` is the OpenAPI `pattern`. */
export const CANONICAL_CODE = /^0x[0-9A-F]{8}$/;

/** What the canonical form is, in the words every refusal of a non-canonical code uses. */
export const CANONICAL_CODE_RULE =
  'must be "0x" followed by 8 upper-case hex digits, e.g. "0x80244001"';

/** Bitwise operators in JS yield signed int32; `>>> 0` brings any result back to unsigned. */
export const toUint32 = (value: number): number => value >>> 0;

/** The same 32 bits as a signed int32: what .NET/PowerShell `HResult` prints. */
export const toInt32 = (value: number): number => value | 0;

/** Two upper-case hex digits per byte value: formatting is on every look-up's path. */
const BYTE_HEX = Array.from({ length: 256 }, (_, byte) =>
  byte.toString(16).toUpperCase().padStart(2, '0'),
);

export function formatCode(value: number): CanonicalCode {
  if (!Number.isInteger(value) || value < -0x80000000 || value > 0xffffffff) {
    throw new RangeError(`formatCode: ${value} is not a 32-bit integer`);
  }
  const v = toUint32(value);
  return `0x${BYTE_HEX[v >>> 24]}${BYTE_HEX[(v >>> 16) & 255]}${BYTE_HEX[(v >>> 8) & 255]}${BYTE_HEX[v & 255]}` as CanonicalCode;
}

/** `0x` + at least `digits` upper-case hex digits: a facility (3), a low word (4), an extend code (5). */
export const formatHex = (value: number, digits: number): string =>
  `0x${toUint32(value).toString(16).toUpperCase().padStart(digits, '0')}`;

/** True when the input is already the canonical form (so the web need not redirect it). */
export const isCanonical = (input: string): input is CanonicalCode => CANONICAL_CODE.test(input);

/** Text that must already be canonical (front matter, a table cell, a URL segment) → the code. */
export function parseCanonicalCode(text: string): Result<CanonicalCode> {
  return isCanonical(text) ? ok(text) : fail(`${JSON.stringify(text)} ${CANONICAL_CODE_RULE}`);
}

/** The 32-bit value a canonical code writes. */
export const valueOfCode = (code: CanonicalCode): number => Number.parseInt(code.slice(2), 16);

/** winerror.h's `HRESULT_FROM_WIN32`: a Win32 code in the low word of 0x8007xxxx; 0 stays 0. */
export const hresultFromWin32 = (code: number): number =>
  code === 0 ? 0 : toUint32(0x80070000 | (code & 0xffff));

/** The largest Win32 code: they are 16-bit values. */
export const MAX_WIN32_CODE = 0xffff;
