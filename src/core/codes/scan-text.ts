import type { Catalog } from './catalog.js';
import { hresultFromWin32, MAX_WIN32_CODE } from './code-value.js';
import {
  CODE_KEY_BEFORE,
  MAX_DECIMAL_DIGITS,
  MAX_HEX_DIGITS,
  MAX_WIN32_DECIMAL_DIGITS,
  NTSTATUS_KEY_BEFORE,
  WIN32_KEY_BEFORE,
} from './notation-patterns.js';
import { readNumberToken } from './read-number.js';
import type { Candidate } from './reading.js';
import { EXTEND_AFTER } from './setup-extend.js';
import { forEachWord, hexValue, shapeOf, WordShape } from './text-words.js';

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
  forEachWord(text, true, (start, end, shape) => {
    if (start < skipUntil) return;
    const length = end - start;
    const decimal = (shape & WordShape.digits) !== 0;
    // Dates, times and counts: a short number counts only right after a word ("error 5").
    if (decimal && length <= MAX_WIN32_DECIMAL_DIGITS && !endsInWordAt(text, start)) return;
    const word = text.slice(start, end);
    // The 12 characters before the word, for the key-word tests; cut out only for them.
    let before: string | undefined;

    // After "NTSTATUS" a plain decimal is the status value itself (success and informational
    // values are positive), not a Win32 code.
    if (
      decimal &&
      keyMayEndAt(text, start, S) &&
      NTSTATUS_KEY_BEFORE.test((before ??= textBefore(text, start)))
    ) {
      const value = Number(word);
      if (value <= 0xffffffff) {
        weak.push({
          value,
          notation: 'unsigned-decimal',
          reason: found(word, 'After "NTSTATUS": the status value written as a decimal.'),
          written: word,
        });
        return;
      }
    }

    // `0x` and 1 to 8 hex digits (PREFIXED_HEX with digits).
    if (
      length > 2 &&
      length <= 2 + MAX_HEX_DIGITS &&
      text.charCodeAt(start) === 48 &&
      (text.charCodeAt(start + 1) | 32) === 120 &&
      (shapeOf(text, start + 2, end) & WordShape.hex) !== 0
    ) {
      const value = hexValue(text, start + 2, end);
      if (
        value <= MAX_WIN32_CODE &&
        keyMayEndAt(text, start, E) &&
        WIN32_KEY_BEFORE.test(before ?? textBefore(text, start))
      ) {
        strong.push({
          value: hresultFromWin32(value),
          notation: 'hex',
          reason: found(word, 'gle= is GetLastError, a Win32 code; it wraps to 0x8007xxxx.'),
        });
      } else {
        EXTEND_AFTER.lastIndex = end;
        const extend = mayDashFollow(text, end) ? EXTEND_AFTER.exec(text) : null;
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
            reason: found(word, 'Written with 0x: hexadecimal.'),
            written: word,
          });
        }
      }
      return;
    }

    if ((shape & WordShape.underscore) !== 0) {
      for (const { value, name } of catalog.valueOfName(word)) {
        strong.push({
          value,
          notation: 'name',
          reason: found(word, `The exact symbolic name ${name.name}.`),
        });
      }
      return;
    }

    if (isWeakNumber(shape, length, text, start)) {
      const reading = readNumberToken(word, catalog);
      if (reading.kind === 'read') {
        const ntstatus =
          (shape & WordShape.negative) !== 0 &&
          keyMayEndAt(text, start, S) &&
          NTSTATUS_KEY_BEFORE.test(before ?? textBefore(text, start));
        for (const candidate of reading.candidates) {
          const reason = ntstatus
            ? 'After "NTSTATUS": the 32 bits as a signed decimal, read as an NTSTATUS (0xC… for errors).'
            : candidate.reason;
          // Built field by field: an object spread here was the hottest line of a log scan.
          const next: Candidate = {
            value: candidate.value,
            notation: candidate.notation,
            reason: found(word, reason),
            written: word,
          };
          if (candidate.extend !== undefined) next.extend = candidate.extend;
          weak.push(next);
        }
      }
    }
  });
  // Pushed one by one: `concat` was the costliest line of a log line's scan.
  for (const candidate of weak) strong.push(candidate);
  return strong;
}

const found = (word: string, reason: string): string => `Found "${word}" in the text. ${reason}`;

const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);

/** Lower-case char codes: the last letter of "ntstatus" and of "gle". */
const S = 115;
const E = 101;

/**
 * Whether a key-word pattern (`\bKEY\s*[=:]?\s*$`) can match before `start`: going back over
 * ASCII white space, one `=` or `:` and white space again, the key's last letter must come (a
 * character past ASCII may be a Unicode space, so the pattern decides then). Most words of a
 * log line fail this, and the pattern's call costs more than the look.
 */
function keyMayEndAt(text: string, start: number, lastLetter: number): boolean {
  let i = start - 1;
  while (i >= 0 && isSpace(text.charCodeAt(i))) i--;
  const c = text.charCodeAt(i);
  if (c === 61 || c === 58) {
    i--;
    while (i >= 0 && isSpace(text.charCodeAt(i))) i--;
  }
  const last = text.charCodeAt(i);
  return last >= 128 || (last | 32) === lastLetter;
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

/**
 * Whether EXTEND_AFTER can match at `at`: after ASCII white space comes a dash or a character
 * past ASCII (which may be a dash or a Unicode space). Most codes in text are followed by
 * neither, and the regex call costs more than this look.
 */
function mayDashFollow(text: string, at: number): boolean {
  let i = at;
  let c = text.charCodeAt(i);
  while (c === 32 || (c >= 9 && c <= 13)) c = text.charCodeAt(++i);
  return c === 45 || c >= 128;
}

const textBefore = (text: string, start: number): string =>
  text.slice(Math.max(0, start - 12), start);

function isWeakNumber(shape: number, length: number, text: string, start: number): boolean {
  if ((shape & WordShape.negative) !== 0) return true;
  if ((shape & WordShape.digits) !== 0) {
    if (length === MAX_DECIMAL_DIGITS || length === MAX_HEX_DIGITS) return true;
    return length <= MAX_WIN32_DECIMAL_DIGITS && CODE_KEY_BEFORE.test(textBefore(text, start));
  }
  // Eight hex digits with at least one digit: a word of letters only is just a word.
  const eightHex = WordShape.hex | WordShape.someDigit;
  return length === MAX_HEX_DIGITS && (shape & eightHex) === eightHex;
}
