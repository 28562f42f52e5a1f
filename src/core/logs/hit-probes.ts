import type { LogFormat } from './log-format.js';

/**
 * The hit trigger's alternatives as probes: a needle found with `String.indexOf` (memchr speed
 * in V8, where one regex alternation of them all scanned ~350 MiB per CPU second) and a check
 * of the few characters around it. Needles are searched in the text with its ASCII letters
 * lowered (`low`), so one needle stands for every case, as the `i` flag of extract-codes.ts
 * reads them; run words, which runs.ts reads case-sensitively, are checked in the text as
 * written. A check may say yes when unsure (any character beyond ASCII where `\s` is allowed),
 * never no where the reading could find something: each probe is a superset of what it stands
 * for, within one line.
 */
export type Probe = {
  /** Searched in `low`: ASCII, lower case. */
  needle: string;
  /** True when the occurrence at `at` (in `low` and `text`) may be a hit. */
  check: (low: string, text: string, at: number) => boolean;
};

const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);
/** Past the `\s*` at `i`: its end, or -1 for a character beyond ASCII (it may be a `\s`). */
function skipSpaces(s: string, from: number): number {
  let i = from;
  for (;;) {
    const c = s.charCodeAt(i);
    if (c >= 128) return -1;
    if (!isSpace(c) || c === 10) return i;
    i++;
  }
}
const isHex = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 97 && c <= 102);
/** `[89a-f]` in lowered text: the first hex digit of a code with the severity bit set. */
const isFailureDigit = (c: number): boolean => c === 56 || c === 57 || (c >= 97 && c <= 102);
const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** `0x` and eight hex digits led by 8–F: every 0x form of a failure code. */
const hexCode: Probe = {
  needle: 'x',
  check: (low, _text, at) => {
    if (low.charCodeAt(at - 1) !== 48 || !isFailureDigit(low.charCodeAt(at + 1))) return false;
    for (let i = at + 2; i < at + 9; i++) if (!isHex(low.charCodeAt(i))) return false;
    return true;
  },
};

/** `hr` or `hresult`, `\s*[=:]\s*`, an optional `[`, a failure digit (DISM's `HRESULT=80070BC9`). */
const hrAssign: Probe = {
  needle: 'hr',
  check: (low, _text, at) => {
    const after = (from: number): boolean => {
      let i = skipSpaces(low, from);
      if (i === -1) return true;
      const sep = low.charCodeAt(i);
      if (sep !== 61 && sep !== 58) return false;
      i = skipSpaces(low, i + 1);
      if (i === -1) return true;
      if (low.charCodeAt(i) === 91) i++;
      return isFailureDigit(low.charCodeAt(i));
    };
    return after(at + 2) || (low.startsWith('esult', at + 2) && after(at + 7));
  },
};

/** `code\s*[=:]?\s*\d`: exit code 1603, error code 5, return code 2 (found by its `de`). */
const codeNumber: Probe = {
  needle: 'de',
  check: (low, _text, at) => {
    if (!low.startsWith('code', at - 2)) return false;
    let i = skipSpaces(low, at + 2);
    if (i === -1) return true;
    const c = low.charCodeAt(i);
    if (c === 61 || c === 58) i = skipSpaces(low, i + 1);
    return i === -1 || isDigit(low.charCodeAt(i));
  },
};

/** The probes of extract-codes.ts's contexts (and of the WindowsUpdate run banners). */
function codeProbes(format: LogFormat, sample: string): Probe[] {
  const banners = format === 'windows-update' || format === 'windows-update-legacy';
  return [
    hexCode,
    hrAssign,
    codeNumber,
    {
      // `*FAILED* [8024402C]`; and runs.ts's `\*\s*START\s*\*` / `\*\s*END\s*\*`, as written.
      needle: '*',
      check: (low, text, at) => {
        if (low.startsWith('failed*', at + 1)) return true;
        if (!banners) return false;
        const i = skipSpaces(text, at + 1);
        return i === -1 || text.startsWith('START', i) || text.startsWith('END', i);
      },
    },
    // `gle=0x00000570` (a Win32 code made an HRESULT): the `=` is rarer than the letters.
    { needle: '=', check: (low, _text, at) => low.startsWith('gle=0x', at - 3) },
    // MIG's `Error 1392 while`, found by its `rr`.
    {
      needle: 'rr',
      check: (low, _text, at) =>
        low.startsWith('error ', at - 1) && isDigit(low.charCodeAt(at + 5)),
    },
    // `NTSTATUS = -1073741790` and `NTSTATUS_FROM_WIN32(ERROR_…)`.
    literalProbe('ntstatus', sample),
    // CSI's `(F) STATUS_OBJECT_NAME_NOT_FOUND`.
    { needle: '(f)', check: () => true },
  ];
}

/** runs.ts's run words other than the banners, per layout, as written. */
const RUN_WORDS: Partial<Record<LogFormat, string>> = {
  dism: 'Dism.exe session',
  cbs: 'initialized by client',
};

/**
 * Characters of lowered log text, the most common first (spaces, digits and the separators of
 * times and paths; hex digits and `x` come early: hashes and GUIDs are everywhere). A needle
 * starts at its literal's rarest character: V8 finds a short needle with memchr on its first
 * character, so a common one stops the scan every few bytes.
 */
const COMMON = ' 0123456789.:-etaoinsrcdlhfxbumpg_,\\/ykvwqjz';
const commonness = (ch: string): number => {
  const at = COMMON.indexOf(ch);
  return at === -1 ? -1 : COMMON.length - at;
};

/** How often `needle` occurs in `text`, counted up to `limit`. */
function occurrences(text: string, needle: string, limit: number): number {
  let n = 0;
  for (let at = text.indexOf(needle); at !== -1 && n < limit; at = text.indexOf(needle, at + 1))
    n++;
  return n;
}

/**
 * A literal found in any case (`low` is lowered), by two of its characters, then checked
 * whole. The two are those that cost least in `sample` (the file's first lines, lowered):
 * `.inf` by `nf` stopped at the `Info` of every CBS line. Without a sample, or on a tie, the
 * two from its rarest character by COMMON (the last two when that one ends it). Any two find
 * the same lines; only the speed differs.
 */
export function literalProbe(literal: string, sample = ''): Probe {
  const lower = literal.toLowerCase();
  let from = 0;
  for (let i = 1; i < lower.length; i++)
    if (commonness(lower[i] ?? '') < commonness(lower[from] ?? '')) from = i;
  from = Math.max(0, Math.min(from, lower.length - 2));
  if (sample !== '') {
    // indexOf stops at each occurrence of the needle's first character (memchr), and the
    // check runs at each of the needle's own: both counted in the sample.
    const cost = (i: number): number =>
      occurrences(sample, lower[i] ?? '', Infinity) +
      2 * occurrences(sample, lower.slice(i, i + 2), Infinity);
    let least = cost(from);
    for (let i = 0; i + 2 <= lower.length; i++) {
      const c = cost(i);
      if (c < least) {
        least = c;
        from = i;
      }
    }
  }
  const needle = lower.slice(from, from + 2);
  return needle === lower
    ? { needle, check: () => true }
    : { needle, check: (low, _text, at) => low.startsWith(lower, at - from) };
}

/** A run word, as written: found in `low` by its lowered form, then checked in `text`. */
function runWordProbe(word: string, sample: string): Probe {
  const { needle, check } = literalProbe(word, sample);
  const from = word.toLowerCase().indexOf(needle);
  return {
    needle,
    check: (low, text, at) => check(low, text, at) && text.startsWith(word, at - from),
  };
}

/**
 * Every probe for a layout and the rules' ASCII literals (lowered, each once), their needles
 * chosen by `sample` (text of the file, see `literalProbe`). Probes on the same needle are
 * made one, whose check tries each.
 */
export function probesFor(format: LogFormat, literals: Iterable<string>, sample = ''): Probe[] {
  const low = sample.toLowerCase();
  const probes = [...codeProbes(format, low)];
  const word = RUN_WORDS[format];
  if (word !== undefined) probes.push(runWordProbe(word, low));
  for (const literal of literals) probes.push(literalProbe(literal, low));
  const byNeedle = new Map<string, Probe[]>();
  for (const probe of probes)
    byNeedle.set(probe.needle, [...(byNeedle.get(probe.needle) ?? []), probe]);
  return [...byNeedle].map(([needle, same]) =>
    same.length === 1 && same[0]
      ? same[0]
      : { needle, check: (low, text, at) => same.some((p) => p.check(low, text, at)) },
  );
}
