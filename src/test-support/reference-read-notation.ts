import type { Catalog } from '../core/codes/catalog.js';
import type { NamedValue } from '../core/codes/code-name.js';
import { formatCode, hresultFromWin32, MAX_WIN32_CODE } from '../core/codes/code-value.js';
import { decodeCode, describeKnownWrapped } from '../core/codes/decode-hresult.js';
import { suggestNearCodes } from '../core/codes/did-you-mean.js';
import {
  ACCEPTED_FORMS,
  BARE_HEX,
  CODE_KEY_BEFORE,
  DECIMAL,
  MAX_DECIMAL_DIGITS,
  MAX_HEX_DIGITS,
  MAX_WIN32_DECIMAL_DIGITS,
  NEGATIVE_DECIMAL,
  NTSTATUS_KEY_BEFORE,
  PREFIXED_HEX,
  SYMBOLIC_NAME,
  WIN32_KEY_BEFORE,
} from '../core/codes/notation-patterns.js';
import { suggestCodes } from '../core/codes/notation-suggestions.js';
import type { Candidate, NotationError, Reading, TokenReading } from '../core/codes/reading.js';
import { fail, ok, type Result } from '../core/result.js';
import { EXTEND_AFTER, readSetupExtend } from '../core/codes/setup-extend.js';

/**
 * The readers of core/codes as they were before the look-up speed-up (main at a33021f): the
 * plain code, kept as the reference the fast readers must agree with on every input
 * (read-notation-sameness.test.ts). Only `export` lines and names are changed. Do not speed
 * this file up: its worth is that it is the straightforward version.
 */

/**
 * The catalog as `buildCatalog` answered `valueOfName` before: the upper-cased name looked up.
 * The map is rebuilt from `values()` and `namesOf`, so the fast name look-up is not used.
 */
export function referenceCatalog(catalog: Catalog): Catalog {
  const byName = new Map<string, NamedValue[]>();
  for (const value of catalog.values()) {
    for (const name of catalog.namesOf(value)) {
      const key = name.name.toUpperCase();
      const entries = byName.get(key);
      if (entries === undefined) byName.set(key, [{ value, name }]);
      else entries.push({ value, name });
    }
  }
  return {
    namesOf: (value) => catalog.namesOf(value),
    valueOfName: (name) => byName.get(name.toUpperCase()) ?? [],
    namesEndingWith: (tail) => catalog.namesEndingWith(tail),
    facilityName: (facility) => catalog.facilityName(facility),
    isKnown: (value) => catalog.isKnown(value),
    labelOf: (value) => catalog.labelOf(value),
    setupPhaseName: (phase) => catalog.setupPhaseName(phase),
    setupOperationName: (operation) => catalog.setupOperationName(operation),
    values: () => catalog.values(),
  };
}

// read-notation.ts

/**
 * Any notation of a code → its readings, most likely first (DESIGN.md "Canonical forms",
 * "Code intelligence"). Input that is one token is read by the notation rules; anything else
 * is searched for codes as text. Input with no reading is an error with suggestions.
 */

/** Input beyond this is a log, not a notation; the log parsers read those. */
const MAX_INPUT_LENGTH = 4096;
const MAX_AMBIGUOUS_SUGGESTIONS = 10;
const MAX_SUGGESTIONS = 10;
/** Did-you-mean on an unknown reading: a few, nearest first. */
const MAX_READING_SUGGESTIONS = 5;

export function referenceReadNotation(
  input: string,
  catalog: Catalog,
): Result<Reading[], NotationError> {
  const text = input.trim();
  if (text === '')
    return fail({ message: `The input is empty. ${ACCEPTED_FORMS}`, suggestions: [] });
  if (text.length > MAX_INPUT_LENGTH) {
    return fail({
      message: `The input is ${text.length} characters; a notation or a sentence around it is at most ${MAX_INPUT_LENGTH}. Paste long logs into the log analysis instead.`,
      suggestions: [],
    });
  }

  const whole: TokenReading = /\s/.test(text)
    ? { kind: 'none' }
    : referenceReadToken(text, catalog);
  if (whole.kind === 'read') return ok(rank(whole.candidates, catalog, text));
  if (whole.kind === 'invalid') {
    return fail(withSuggestions(`${whole.message} ${ACCEPTED_FORMS}`, suggestAll(text, catalog)));
  }
  if (whole.kind === 'ambiguous') return fail(ambiguousTail(whole.tail, whole.names, catalog));

  const inText = referenceScanText(text, catalog);
  if (inText.length > 0) return ok(rank(inText, catalog, text));
  return fail(
    withSuggestions(
      `"${text}" is not a code notation, and no code was found in it. ${ACCEPTED_FORMS}`,
      suggestAll(text, catalog),
    ),
  );
}

/** The sure fixes (look-alike letters, an extra digit) first, then the nearest known codes. */
function suggestAll(text: string, catalog: Catalog): string[] {
  const sure = suggestCodes(text, catalog);
  const near = suggestNearCodes(text, catalog, MAX_SUGGESTIONS).map((n) => n.code);
  return [...new Set([...sure, ...near])].slice(0, MAX_SUGGESTIONS);
}

/**
 * Candidates arrive in rule order; one value is one reading, at its best place. A value no
 * table names is still known when the code wrapped inside it is (HRESULT_FROM_NT, …).
 */
function rank(candidates: readonly Candidate[], catalog: Catalog, input: string): Reading[] {
  // A plain array: there are only ever a few candidates, and a Set costs more to make.
  const seen: number[] = [];
  const readings: Reading[] = [];
  for (const candidate of candidates) {
    const { value, notation } = candidate;
    if (seen.includes(value)) continue;
    seen.push(value);
    const names = catalog.namesOf(value);
    const label = catalog.labelOf(value);
    const knownVia =
      names.length === 0 && label === undefined
        ? describeKnownWrapped(decodeCode(value, catalog))
        : undefined;
    const reading: Reading = {
      code: formatCode(value),
      value,
      notation,
      known: names.length > 0 || label !== undefined || knownVia !== undefined,
      names,
      rank: readings.length + 1,
      reason:
        knownVia === undefined
          ? candidate.reason
          : `${candidate.reason} No table names it, but it is ${knownVia}.`,
    };
    if (label !== undefined) reading.label = label;
    if (knownVia !== undefined) reading.knownVia = knownVia;
    if (candidate.extend !== undefined) {
      reading.extend = readSetupExtend(candidate.extend, catalog);
    }
    if (!reading.known && (notation === 'hex' || notation === 'bare-hex')) {
      const near = suggestNearCodes(candidate.written ?? input, catalog, MAX_READING_SUGGESTIONS);
      if (near.length > 0) reading.suggestions = near.map((n) => n.code);
    }
    readings.push(reading);
  }
  return readings;
}

function withSuggestions(message: string, suggestions: string[]): NotationError {
  const hint = suggestions.length > 0 ? ` Did you mean ${suggestions.slice(0, 3).join(', ')}?` : '';
  return { message: message + hint, suggestions };
}

function ambiguousTail(tail: string, names: readonly string[], catalog: Catalog): NotationError {
  const examples = names.slice(0, 3).join(', ');
  const suggestions = [
    ...new Set(
      names
        .slice(0, MAX_AMBIGUOUS_SUGGESTIONS)
        .flatMap((name) => catalog.valueOfName(name).map(({ value }) => formatCode(value))),
    ),
  ];
  return {
    message: `"${tail}" ends ${names.length} names (${examples}${names.length > 3 ? ', …' : ''}); write more of the name, or the whole name. ${ACCEPTED_FORMS}`,
    suggestions,
  };
}

// read-token.ts

/**
 * One token written on its own (no surrounding text). A token can be both a name and hex
 * ("FACE"): eight hex digits read as hex first, anything shorter reads as the name first.
 */
function referenceReadToken(token: string, catalog: Catalog): TokenReading {
  const asNumber = readNumberToken(token, catalog);
  const asName = readNameToken(token, catalog);
  if (asName.kind !== 'read') {
    if (asNumber.kind !== 'none') return asNumber;
    return asName;
  }
  if (asNumber.kind !== 'read') return asName;
  const hexFirst = token.length === MAX_HEX_DIGITS;
  const [first, second] = hexFirst ? [asNumber, asName] : [asName, asNumber];
  return { kind: 'read', candidates: [...first.candidates, ...second.candidates] };
}

// read-number.ts

/**
 * Numeric notations, ranked by DESIGN.md "Canonical forms". Secondary readings that the rule
 * admits only "when the value is in a table" are added only when the catalog knows them.
 */

const read = (...candidates: Candidate[]): TokenReading => ({ kind: 'read', candidates });
const invalid = (message: string): TokenReading => ({ kind: 'invalid', message });

function readNumberToken(token: string, catalog: Catalog): TokenReading {
  const prefixed = PREFIXED_HEX.exec(token);
  if (prefixed) return readPrefixedHex(token, prefixed[1] ?? '');

  const negative = NEGATIVE_DECIMAL.exec(token);
  if (negative) return readNegative(token);

  if (DECIMAL.test(token)) return readDecimal(token, catalog);

  if (BARE_HEX.test(token)) {
    if (token.length > MAX_HEX_DIGITS) return tooManyHexDigits(token, token.length);
    return read({
      value: parseInt(token, 16),
      notation: 'bare-hex',
      reason: 'Hex digits without 0x (it has letters A–F, so it cannot be decimal).',
    });
  }
  return { kind: 'none' };
}

function readPrefixedHex(token: string, digits: string): TokenReading {
  if (digits === '') return { kind: 'none' };
  if (digits.length > MAX_HEX_DIGITS) return tooManyHexDigits(token, digits.length);
  return read({
    value: parseInt(digits, 16),
    notation: 'hex',
    reason: 'Written with 0x: hexadecimal.',
  });
}

function readNegative(token: string): TokenReading {
  const value = Number(token);
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
  const value = Number(token);
  if (digits > MAX_DECIMAL_DIGITS || value > 0xffffffff) {
    return invalid(
      `"${token}" is larger than a 32-bit value (at most 4294967295, or 8 hex digits).`,
    );
  }
  const asDecimal = (reason: string): Candidate => ({
    value,
    notation: 'unsigned-decimal',
    reason,
  });
  const asHex = (reason: string): Candidate => ({
    value: parseInt(token, 16),
    notation: 'bare-hex',
    reason,
  });

  if (digits === MAX_HEX_DIGITS) {
    const candidates = [
      asHex('Eight digits are read as hex first: the usual way a code is copied without 0x.'),
    ];
    if (catalog.isKnown(value)) {
      candidates.push(
        asDecimal(
          'Also a decimal number whose value is in the tables; eight digits read as hex first, so it comes second.',
        ),
      );
    }
    return read(...candidates);
  }
  if (digits === MAX_DECIMAL_DIGITS) {
    return read(asDecimal('Ten decimal digits: the 32 bits written as an unsigned decimal.'));
  }
  if (digits > MAX_HEX_DIGITS) {
    return read(
      asDecimal(
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
          `Also the plain value ${value}, which is in the tables; short decimals read as Win32 first, so it comes after.`,
        ),
      );
    }
    const hex = parseInt(token, 16);
    if (catalog.isKnown(hex)) {
      candidates.push(
        asHex(
          'Also the same digits as hex, which is in the tables; short decimals read as Win32 first, so it comes after.',
        ),
      );
    }
    return read(...candidates);
  }
  // 6-7 digits (or a 5-digit number above 65535): decimal only when the tables know it,
  // hex beside it as the other way such digits are copied.
  if (catalog.isKnown(value)) {
    return read(
      asDecimal('A decimal whose value is in the tables.'),
      asHex('The same digits read as hex, beside the decimal reading.'),
    );
  }
  return read(asHex('Read as hex digits without 0x; as a decimal this value is in no table.'));
}

function tooManyHexDigits(token: string, digits: number): TokenReading {
  return invalid(
    `"${token}" has ${digits} hex digits; a 32-bit code has at most ${MAX_HEX_DIGITS}.`,
  );
}

// read-name.ts

/**
 * A symbolic name, case-insensitive. An exact name always wins; otherwise a distinctive tail
 * (a `_`-bounded suffix of exactly one name in all tables) reads as that name.
 */
function readNameToken(token: string, catalog: Catalog): TokenReading {
  if (!SYMBOLIC_NAME.test(token)) return { kind: 'none' };

  const exact = catalog.valueOfName(token);
  if (exact.length > 0) {
    return {
      kind: 'read',
      candidates: exact.map(({ value, name }) => ({
        value,
        notation: 'name',
        reason: `The exact symbolic name ${name.name}.`,
      })),
    };
  }

  const tail = token.toUpperCase();
  const holders = catalog.namesEndingWith(tail);
  const only = holders.length === 1 ? holders[0] : undefined;
  if (only === undefined) {
    return holders.length > 1 ? { kind: 'ambiguous', tail, names: holders } : { kind: 'none' };
  }
  return {
    kind: 'read',
    candidates: catalog.valueOfName(only).map(({ value }) => ({
      value,
      notation: 'name-tail',
      reason: `${only} is the only name in the tables that ends in _${tail}.`,
    })),
  };
}

// scan-text.ts

/**
 * Codes inside text: "error 0x80244001 on Windows 11", `hr=0x80244001`,
 * `[HRESULT = 0x80244001 - WU_E_…]`, `gle=5`. Text is noisy, so only unmistakable words count:
 * strong ones (0x…, an exact name with `_`) rank before weak ones (8 hex digits, `-N`, 10
 * decimal digits, a short decimal right after a word such as "error"), each in text order.
 * A setup result with its extend code (`0xC1900101 - 0x4000D`) is one candidate, not two.
 */
export function referenceScanText(text: string, catalog: Catalog): Candidate[] {
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
function textTokens(text: string, codeLikeOnly = false): { word: string; index: number }[] {
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
