import type { LogFormat } from './log-format.js';
import { type Probe, probesFor } from './hit-probes.js';
import { requiredLiterals } from './required-literals.js';

/**
 * What a line must contain for the analyser to have anything to do with it beyond counting it:
 * a code in one of the contexts of extract-codes.ts, a run start or end of runs.ts, or the
 * literal text a rule pattern needs. Each alternative is a superset of what it stands for (a
 * line it does not flag provably yields no code, no run event and no signal), so the fast path
 * may skip every other line and still find exactly what reading every line finds. The tests in
 * hit-trigger.test.ts and log-analyser.fast.test.ts hold it to that.
 */

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/** `[hH][rR]` for `hr`: one regex can then mix case-insensitive codes with `START`/`END`. */
const anyCase = (text: string): string =>
  [...text]
    .map((ch) => (/[a-z]/i.test(ch) ? `[${ch.toLowerCase()}${ch.toUpperCase()}]` : escape(ch)))
    .join('');

/**
 * Every context form of extract-codes.ts reduced to what it cannot match without. A failure code
 * (severity bit set) in hex is eight digits led by 8–F, so `hr = 0x00000000` on every CBS line
 * is not flagged; decimal Win32 codes come after `code`, `Error`, `NTSTATUS`, a name after `(F)`.
 */
const CODE_CONTEXTS = [
  String.raw`0[xX][89a-fA-F][0-9a-fA-F]{7}`, // every 0x form (the flag `i` lets `0X` count)
  String.raw`\*${anyCase('failed')}\*`, // *FAILED* [8024402C]
  String.raw`${anyCase('hr')}(?:${anyCase('esult')})?\s*[=:]\s*\[?[89a-fA-F]`, // HRESULT=80070BC9
  `${anyCase('gle=0x')}`, // gle=0x00000570 (a Win32 code made an HRESULT)
  String.raw`${anyCase('code')}\s*[=:]?\s*\d`, // exit code 1603, error code 5
  String.raw`${anyCase('error')} \d`, // Error 1392 while
  anyCase('ntstatus'), // NTSTATUS = -1073741790, NTSTATUS_FROM_WIN32(ERROR_…)
  String.raw`\([fF]\)`, // (F) STATUS_OBJECT_NAME_NOT_FOUND
];

/** runs.ts: the words a run start or end needs, per layout (case as runs.ts tests them). */
const RUN_WORDS: Partial<Record<LogFormat, string[]>> = {
  'windows-update': ['START', 'END'],
  'windows-update-legacy': ['START', 'END'],
  dism: [String.raw`Dism\.exe session`],
  cbs: ['initialized by client'],
};

/**
 * Layouts read whole line by line: every ReportingEvents record is a run, every exported event
 * is a multi-line record. Such files are small; their reading stays the plain one.
 */
const EVERY_LINE: readonly LogFormat[] = ['reporting-events', 'event-xml'];

export type HitTrigger = {
  /** Codes, run words and the rules' ASCII literals, found by needle (hit-probes.ts). */
  probes: Probe[];
  /**
   * The same alternatives as one regex, in any case (`[hH][rR]`): for text whose lowering
   * changes its length (`İ` lowers to two characters), where the probes' offsets would not hold.
   */
  lines: RegExp;
  /** Rule patterns with no literal to scan for, and literals beyond ASCII, whole (`gim`). */
  whole?: RegExp | undefined;
};

/**
 * The trigger for a layout and the rules' patterns, or undefined when lines must all be read.
 * `sample` (the file's first lines) only picks the probes' needles: any sample flags the same lines.
 */
export function hitTrigger(
  format: LogFormat,
  patterns: readonly string[],
  sample = '',
): HitTrigger | undefined {
  if (EVERY_LINE.includes(format)) return undefined;
  const literals = new Set<string>();
  const whole = new Set<string>();
  for (const source of patterns) {
    const needs = requiredLiterals(source);
    if (needs) {
      for (const literal of needs) {
        // `[xX]` stands for an ASCII letter's cases only; `/i` folds other letters its own way
        // (`µ` with `μ`), so a literal beyond ASCII is scanned with `/i` itself.
        if (/^[\x20-\x7e]+$/.test(literal)) literals.add(literal.toLowerCase());
        else whole.add(escape(literal));
      }
    } else {
      // Read in a chunk instead of a line, a lookaround could see past the line's end.
      if (/\(\?<?[=!]/.test(source)) return undefined;
      whole.add(`(?:${source.replace(/\(\?<([A-Za-z]\w*)>/g, '(?:')})`);
    }
  }
  try {
    return {
      probes: probesFor(format, literals, sample),
      lines: new RegExp(
        [...CODE_CONTEXTS, ...[...literals].map(anyCase), ...(RUN_WORDS[format] ?? [])].join('|'),
        'g',
      ),
      // `m`: `^` and `$` then hold at each line's start and end, as they do on the line alone.
      whole: whole.size > 0 ? new RegExp([...whole].join('|'), 'gim') : undefined,
    };
  } catch {
    return undefined;
  }
}

/**
 * One test a line must pass for any rule pattern to match it: one of their required literals
 * (case-insensitively). Undefined when some pattern has none to tell.
 */
export function literalHint(patterns: readonly string[]): RegExp | undefined {
  if (patterns.length === 0) return undefined;
  const literals: string[] = [];
  for (const source of patterns) {
    const needs = requiredLiterals(source);
    if (!needs) return undefined;
    literals.push(...needs);
  }
  return new RegExp([...new Set(literals)].map(escape).join('|'), 'i');
}

/** Start offsets of the lines of `body` that `regex` flags, ascending, each once. */
function scanLines(body: string, regex: RegExp, into: number[]): void {
  regex.lastIndex = 0;
  for (let m = regex.exec(body); m !== null; m = regex.exec(body)) {
    into.push(m.index === 0 ? 0 : body.lastIndexOf('\n', m.index - 1) + 1);
    // On at the next line: a match that runs on into it cannot hide one that starts there.
    const end = body.indexOf('\n', m.index);
    if (end === -1) break;
    regex.lastIndex = end + 1;
  }
}

/** Start offsets of the lines of `body` where a probe's needle passes its check. */
function probeLines(body: string, low: string, probes: readonly Probe[], into: number[]): void {
  for (const { needle, check } of probes) {
    let at = low.indexOf(needle);
    while (at !== -1) {
      if (check(low, body, at)) {
        into.push(at === 0 ? 0 : body.lastIndexOf('\n', at - 1) + 1);
        // One flag per line and probe: on from the next line.
        const end = body.indexOf('\n', at);
        if (end === -1) break;
        at = low.indexOf(needle, end + 1);
      } else at = low.indexOf(needle, at + 1);
    }
  }
}

/** The start offsets of the lines of `body` (whole lines, ending in `\n`) that the trigger flags, ascending. */
export function flaggedLines(body: string, trigger: HitTrigger): number[] {
  const starts: number[] = [];
  const low = body.toLowerCase();
  if (low.length === body.length) probeLines(body, low, trigger.probes, starts);
  else scanLines(body, trigger.lines, starts);
  if (trigger.whole) scanLines(body, trigger.whole, starts);
  if (starts.length < 2) return starts;
  starts.sort((a, b) => a - b);
  let kept = 1;
  for (let i = 1; i < starts.length; i++) {
    const start = starts[i] ?? 0;
    if (start !== starts[kept - 1]) starts[kept++] = start;
  }
  starts.length = kept;
  return starts;
}
