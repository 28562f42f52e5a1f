import type { Catalog } from './catalog.js';
import { formatCode, hresultFromWin32, MAX_WIN32_CODE } from './code-value.js';
import {
  MAX_DECIMAL_DIGITS,
  MAX_HEX_DIGITS,
  MAX_WIN32_DECIMAL_DIGITS,
} from './notation-patterns.js';
import { NO_READING, type Candidate, type TokenReading } from './reading.js';
import { hexValue, numberShapeOf, WordShape } from './text-words.js';

/**
 * Numeric notations, ranked by DESIGN.md "Canonical forms". Secondary readings that the rule
 * admits only "when the value is in a table" are added only when the catalog knows them.
 */

const read = (...candidates: Candidate[]): TokenReading => ({ kind: 'read', candidates });
const readAll = (candidates: Candidate[]): TokenReading => ({ kind: 'read', candidates });
const invalid = (message: string): TokenReading => ({ kind: 'invalid', message });

/** Decimal digits (the caller knows they are; at most 15 of them) added up: `Number` costs more. */
function decimalValue(digits: string, start = 0): number {
  let value = 0;
  for (let i = start; i < digits.length; i++) value = value * 10 + (digits.charCodeAt(i) - 48);
  return value;
}

export function readNumberToken(token: string, catalog: Catalog): TokenReading {
  // One pass over the characters says which pattern can match (the patterns, as regexes,
  // cost a call each on every look-up).
  const first = token.charCodeAt(0);
  // PREFIXED_HEX: `0x` or `0X`, then hex digits only (none is a shape, but no reading).
  if (token.length >= 2 && first === 48 && (token.charCodeAt(1) | 32) === 120) {
    if (token.length === 2) return NO_READING;
    if ((numberShapeOf(token, 2) & WordShape.hex) === 0) return NO_READING;
    return readPrefixedHex(token, token.length - 2);
  }
  // NEGATIVE_DECIMAL: `-` then one digit or more.
  if (first === 45) {
    return (numberShapeOf(token, 1) & WordShape.digits) !== 0 ? readNegative(token) : NO_READING;
  }
  const shape = numberShapeOf(token);
  if ((shape & WordShape.digits) !== 0) return readDecimal(token, catalog);

  if ((shape & WordShape.hex) !== 0) {
    if (token.length > MAX_HEX_DIGITS) return tooManyHexDigits(token, token.length);
    return read({
      value: hexValue(token),
      notation: 'bare-hex',
      reason: 'Hex digits without 0x (it has letters A–F, so it cannot be decimal).',
    });
  }
  return NO_READING;
}

function readPrefixedHex(token: string, digits: number): TokenReading {
  if (digits > MAX_HEX_DIGITS) return tooManyHexDigits(token, digits);
  return read({
    value: hexValue(token, 2),
    notation: 'hex',
    reason: 'Written with 0x: hexadecimal.',
  });
}

function readNegative(token: string): TokenReading {
  // Up to 15 digits the sum is exact (and `-0` stays -0, as Number gives it); longer tokens
  // (leading zeros, or far below -2^31) are left to Number.
  const value = token.length <= 16 ? -decimalValue(token, 1) : Number(token);
  if (value < -0x80000000) {
    return invalid(`"${token}" is below -2147483648, the smallest signed 32-bit value.`);
  }
  return read({
    value: value >>> 0,
    notation: 'signed-decimal',
    reason:
      'A negative number is the 32 bits written as a signed decimal, as .NET and PowerShell show an HResult.',
  });
}

function readDecimal(token: string, catalog: Catalog): TokenReading {
  const digits = token.length;
  // More than ten digits is too large whatever they are, so only up to ten are added up.
  const value = digits > MAX_DECIMAL_DIGITS ? Infinity : decimalValue(token);
  if (value > 0xffffffff) {
    return invalid(
      `"${token}" is larger than a 32-bit value (at most 4294967295, or 8 hex digits).`,
    );
  }

  if (digits === MAX_HEX_DIGITS) {
    const candidates = [
      asHex(
        token,
        'Eight digits are read as hex first: the usual way a code is copied without 0x.',
      ),
    ];
    if (catalog.isKnown(value)) {
      candidates.push(
        asDecimal(
          value,
          'Also a decimal number whose value is in the tables; eight digits read as hex first, so it comes second.',
        ),
      );
    }
    return readAll(candidates);
  }
  if (digits === MAX_DECIMAL_DIGITS) {
    return read(
      asDecimal(value, 'Ten decimal digits: the 32 bits written as an unsigned decimal.'),
    );
  }
  if (digits > MAX_HEX_DIGITS) {
    return read(
      asDecimal(
        value,
        'Nine decimal digits cannot be hex (a code has at most 8 hex digits), so the 32 bits in decimal.',
      ),
    );
  }
  if (digits <= MAX_WIN32_DECIMAL_DIGITS && value <= MAX_WIN32_CODE) {
    const wrapped = hresultFromWin32(value);
    const candidates: Candidate[] = [
      {
        value: wrapped,
        notation: 'win32-decimal',
        reason: `A decimal of five digits or fewer is read as a Win32 error code first; HRESULT_FROM_WIN32(${value}) is ${formatCode(wrapped)}.`,
      },
    ];
    if (catalog.isKnown(value)) {
      candidates.push(
        asDecimal(
          value,
          `Also the plain value ${value}, which is in the tables; short decimals read as Win32 first, so it comes after.`,
        ),
      );
    }
    const hex = hexValue(token);
    if (catalog.isKnown(hex)) {
      candidates.push(
        asHex(
          token,
          'Also the same digits as hex, which is in the tables; short decimals read as Win32 first, so it comes after.',
        ),
      );
    }
    return readAll(candidates);
  }
  // 6-7 digits (or a 5-digit number above 65535): decimal only when the tables know it,
  // hex beside it as the other way such digits are copied.
  if (catalog.isKnown(value)) {
    return read(
      asDecimal(value, 'A decimal whose value is in the tables.'),
      asHex(token, 'The same digits read as hex, beside the decimal reading.'),
    );
  }
  return read(
    asHex(token, 'Read as hex digits without 0x; as a decimal this value is in no table.'),
  );
}

const asDecimal = (value: number, reason: string): Candidate => ({
  value,
  notation: 'unsigned-decimal',
  reason,
});

const asHex = (digits: string, reason: string): Candidate => ({
  value: hexValue(digits),
  notation: 'bare-hex',
  reason,
});

function tooManyHexDigits(token: string, digits: number): TokenReading {
  return invalid(
    `"${token}" has ${digits} hex digits; a 32-bit code has at most ${MAX_HEX_DIGITS}.`,
  );
}
