import type { Catalog } from './catalog.js';
import { hresultFromWin32, MAX_WIN32_CODE } from './code-value.js';
import {
  CODE_KEY_BEFORE,
  MAX_DECIMAL_DIGITS,
  MAX_HEX_DIGITS,
  MAX_WIN32_DECIMAL_DIGITS,
  NTSTATUS_KEY_BEFORE,
  PREFIXED_HEX,
  TEXT_TOKEN,
  WIN32_KEY_BEFORE,
} from './notation-patterns.js';
import { readNumberToken } from './read-number.js';
import type { Candidate } from './reading.js';
import { EXTEND_AFTER } from './setup-extend.js';

/**
 * Codes inside text: "error 0x80244001 on Windows 11", `hr=0x80244001`,
 * `[HRESULT = 0x80244001 - WU_E_…]`, `gle=5`. Text is noisy, so only unmistakable words count:
 * strong ones (0x…, an exact name with `_`) rank before weak ones (8 hex digits, `-N`, 10
 * decimal digits, a short decimal right after a word such as "error"), each in text order.
 * A setup result with its extend code (`0xC1900101 - 0x4000D`) is one candidate, not two.
 */
export function scanText(text: string, catalog: Catalog): Candidate[] {
  const strong: Candidate[] = [];
  const weak: Candidate[] = [];
  let skipUntil = 0;
  for (const match of text.matchAll(TEXT_TOKEN)) {
    if (match.index < skipUntil) continue;
    const word = match[0];
    const before = text.slice(Math.max(0, match.index - 12), match.index);
    const found = (reason: string): string => `Found "${word}" in the text. ${reason}`;

    const hex = PREFIXED_HEX.exec(word);
    if (hex && (hex[1] ?? '').length > 0 && (hex[1] ?? '').length <= MAX_HEX_DIGITS) {
      const value = parseInt(hex[1] ?? '', 16);
      if (WIN32_KEY_BEFORE.test(before) && value <= MAX_WIN32_CODE) {
        strong.push({
          value: hresultFromWin32(value),
          notation: 'hex',
          reason: found('gle= is GetLastError, a Win32 code; it wraps to 0x8007xxxx.'),
        });
      } else {
        EXTEND_AFTER.lastIndex = match.index + word.length;
        const extend = EXTEND_AFTER.exec(text);
        if (extend) {
          skipUntil = EXTEND_AFTER.lastIndex;
          strong.push({
            value,
            notation: 'hex',
            extend: parseInt(extend[1] ?? '', 16),
            reason: `Found "${word}${extend[0]}" in the text: a Windows setup result code, then its extend code (phase and operation).`,
          });
        } else {
          strong.push({
            value,
            notation: 'hex',
            reason: found('Written with 0x: hexadecimal.'),
            written: word,
          });
        }
      }
      continue;
    }

    if (word.includes('_')) {
      for (const { value, name } of catalog.valueOfName(word)) {
        strong.push({
          value,
          notation: 'name',
          reason: found(`The exact symbolic name ${name.name}.`),
        });
      }
      continue;
    }

    if (isWeakNumber(word, before)) {
      const reading = readNumberToken(word, catalog);
      if (reading.kind === 'read') {
        const ntstatus = NTSTATUS_KEY_BEFORE.test(before) && word.startsWith('-');
        for (const candidate of reading.candidates) {
          const reason = ntstatus
            ? 'After "NTSTATUS": the 32 bits as a signed decimal, read as an NTSTATUS (0xC… for errors).'
            : candidate.reason;
          weak.push({ ...candidate, reason: found(reason), written: word });
        }
      }
    }
  }
  return [...strong, ...weak];
}

function isWeakNumber(word: string, before: string): boolean {
  if (/^-\d+$/.test(word)) return true;
  if (/^\d+$/.test(word)) {
    if (word.length === MAX_DECIMAL_DIGITS || word.length === MAX_HEX_DIGITS) return true;
    return word.length <= MAX_WIN32_DECIMAL_DIGITS && CODE_KEY_BEFORE.test(before);
  }
  // Eight hex digits with at least one digit: a word of letters only is just a word.
  return word.length === MAX_HEX_DIGITS && /^[0-9a-f]+$/i.test(word) && /\d/.test(word);
}
