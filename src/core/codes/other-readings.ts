import { formatCode, hresultFromWin32, MAX_WIN32_CODE } from './code-value.js';
import { DECIMAL, MAX_HEX_DIGITS, MAX_WIN32_DECIMAL_DIGITS } from './notation-patterns.js';

/** Another way the digits someone typed could be read, beside the reading the rules chose. */
export type OtherReading = {
  code: string;
  value: number;
  /** How the digits give this value, in words. */
  how: string;
};

/**
 * A bare decimal of up to 7 digits can mean several codes (DESIGN.md "Canonical forms": a
 * Win32 error first, the same digits as hex, the plain decimal value). The rules pick one and
 * list another only when a table knows it; this gives every other way, known or not, so a page
 * can say how it read the number and offer the rest. Longer numbers, hex with letters, `0x`,
 * negative numbers and names read one way only: [].
 */
export function otherReadings(input: string, chosen: number): OtherReading[] {
  const token = input.trim();
  if (!DECIMAL.test(token) || token.length >= MAX_HEX_DIGITS) return [];
  const number = Number(token);
  const ways: OtherReading[] = [];
  const add = (value: number, how: string): void => {
    if (value === chosen || ways.some((way) => way.value === value)) return;
    ways.push({ code: formatCode(value), value, how });
  };
  if (token.length <= MAX_WIN32_DECIMAL_DIGITS && number <= MAX_WIN32_CODE) {
    add(hresultFromWin32(number), `${number} as a Win32 error code, wrapped as an HRESULT`);
  }
  add(Number.parseInt(token, 16), `the digits ${token} read as hexadecimal`);
  add(number, `${number} as a plain decimal number`);
  return ways;
}
