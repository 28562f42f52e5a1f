import type { Catalog } from './catalog.js';
import { hresultFromWin32, MAX_WIN32_CODE } from './code-value.js';
import {
  CODE_KEY_BEFORE,
  MAX_DECIMAL_DIGITS,
  MAX_HEX_DIGITS,
  MAX_WIN32_DECIMAL_DIGITS,
  NTSTATUS_KEY_BEFORE,
  PREFIXED_HEX,
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
  // Most words of a log line are plain words, no digit and no `_`, so never a code: only the
  // others are cut out of the text.
  for (const match of textTokens(text, true)) {
    if (match.index < skipUntil) continue;
    const word = match.word;
    // Dates, times and counts: a short number counts only right after a word ("error 5").
    if (isShortDecimal(word) && !endsInWordAt(text, match.index)) continue;
    const before = text.slice(Math.max(0, match.index - 12), match.index);
    const found = (reason: string): string => `Found "${word}" in the text. ${reason}`;

    // After "NTSTATUS" a plain decimal is the status value itself (success and informational
    // values are positive), not a Win32 code.
    if (isDecimal(word) && NTSTATUS_KEY_BEFORE.test(before)) {
      const value = Number(word);
      if (value <= 0xffffffff) {
        weak.push({
          value,
          notation: 'unsigned-decimal',
          reason: found('After "NTSTATUS": the status value written as a decimal.'),
          written: word,
        });
        continue;
      }
    }

    const hex = PREFIXED_HEX.exec(word);
    if (hex && (hex[1] ?? '').length > 0 && (hex[1] ?? '').length <= MAX_HEX_DIGITS) {
      const value = parseInt(hex[1] ?? '', 16);
      if (value <= MAX_WIN32_CODE && WIN32_KEY_BEFORE.test(before)) {
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
          // Built field by field: an object spread here was the hottest line of a log scan.
          const next: Candidate = {
            value: candidate.value,
            notation: candidate.notation,
            reason: found(reason),
            written: word,
          };
          if (candidate.extend !== undefined) next.extend = candidate.extend;
          weak.push(next);
        }
      }
    }
  }
  return [...strong, ...weak];
}

const isWordChar = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/**
 * The words of TEXT_TOKEN (notation-patterns.ts), found by a loop over char codes: the
 * regex, with its look-behind, was the largest cost of scanning a log line. With
 * `codeLikeOnly`, only the words with a digit or `_` (those that may be a code), the others
 * skipped without being cut out of the text.
 */
export function textTokens(text: string, codeLikeOnly = false): { word: string; index: number }[] {
  const tokens: { word: string; index: number }[] = [];
  const length = text.length;
  let i = 0;
  while (i < length) {
    const c = text.charCodeAt(i);
    const negative =
      c === 45 &&
      isDigit(text.charCodeAt(i + 1)) &&
      !(i > 0 && (isWordChar(text.charCodeAt(i - 1)) || text.charCodeAt(i - 1) === 45));
    if (!negative && !isWordChar(c)) {
      i++;
      continue;
    }
    const start = i;
    // A negative number has digits; a word may have none (`c` is its first character).
    let codeLike = negative || isDigit(c) || c === 95;
    i++;
    if (negative) while (i < length && isDigit(text.charCodeAt(i))) i++;
    else {
      for (; i < length; i++) {
        const d = text.charCodeAt(i);
        if (!isWordChar(d)) break;
        if (!codeLike && (isDigit(d) || d === 95)) codeLike = true;
      }
    }
    if (codeLike || !codeLikeOnly) tokens.push({ word: text.slice(start, i), index: start });
  }
  return tokens;
}

/**
 * Whether a word (then at most one `=` or `:`, and spaces) ends `before`: the cheap test that
 * spares the key-word regex for the many short numbers of a log line (dates, times, counts).
 */
function endsInWordAt(text: string, end: number): boolean {
  let i = end - 1;
  while (i >= 0 && text.charCodeAt(i) === 32) i--;
  const c = text.charCodeAt(i);
  if (c === 61 || c === 58) i--;
  while (i >= 0 && text.charCodeAt(i) === 32) i--;
  const last = text.charCodeAt(i) | 32;
  return last >= 97 && last <= 122;
}

function isDecimal(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (!isDigit(word.charCodeAt(i))) return false;
  return word.length > 0;
}

const isShortDecimal = (word: string): boolean =>
  word.length <= MAX_WIN32_DECIMAL_DIGITS && isDecimal(word);

function isWeakNumber(word: string, before: string): boolean {
  if (/^-\d+$/.test(word)) return true;
  if (/^\d+$/.test(word)) {
    if (word.length === MAX_DECIMAL_DIGITS || word.length === MAX_HEX_DIGITS) return true;
    return word.length <= MAX_WIN32_DECIMAL_DIGITS && CODE_KEY_BEFORE.test(before);
  }
  // Eight hex digits with at least one digit: a word of letters only is just a word.
  return word.length === MAX_HEX_DIGITS && /^[0-9a-f]+$/i.test(word) && /\d/.test(word);
}
