import { literalHint } from './hit-trigger.js';
import type { FileAnalysis } from './log-types.js';
import { redact } from './redact.js';

/**
 * The rules' text patterns counted over a file's lines (case-insensitive): where each first
 * matched, how often, and the last `subject` it named. Cheap for the lines none can match: one
 * test of the literals they all need, then one alternation of them all, before each pattern.
 */
export class RuleSignals {
  readonly found: FileAnalysis['signals'] = new Map();
  private readonly patterns: { source: string; regex: RegExp }[];
  private readonly anyPattern: RegExp | undefined;
  /** The literals without which no rule pattern matches (one cheap test before `anyPattern`). */
  private readonly hint: RegExp | undefined;

  constructor(
    sources: readonly string[],
    /** A line as shown (clipped, redacted, not holding on to its chunk). */
    private readonly shown: (line: string) => string,
  ) {
    this.patterns = [...new Set(sources)].map((source) => ({
      source,
      regex: new RegExp(source, 'i'),
    }));
    this.anyPattern = prefilter(this.patterns.map((p) => p.source));
    this.hint = literalHint(this.patterns.map((p) => p.source));
  }

  /** Counts the patterns line `lineNo` matches. */
  test(line: string, lineNo: number): void {
    if (this.patterns.length === 0) return;
    if (!(this.hint?.test(line) ?? true) || !(this.anyPattern?.test(line) ?? true)) return;
    for (const { source, regex } of this.patterns) {
      const m = regex.exec(line);
      if (!m) continue;
      const raw = m.groups?.['subject'];
      const subject = raw === undefined ? undefined : ` ${redact(raw)}`.slice(1);
      const seen = this.found.get(source);
      if (seen) {
        seen.count++;
        if (subject !== undefined) seen.lastSubject = subject;
      } else
        this.found.set(source, {
          line: lineNo,
          text: this.shown(line),
          subject,
          lastSubject: subject,
          count: 1,
        });
    }
  }

  /** The signals of the lines after those counted so far, their line numbers `offset` lower. */
  merge(later: FileAnalysis['signals'], offset: number): void {
    for (const [source, signal] of later) {
      const seen = this.found.get(source);
      if (seen === undefined) this.found.set(source, { ...signal, line: signal.line + offset });
      else {
        seen.count += signal.count;
        if (signal.lastSubject !== undefined) seen.lastSubject = signal.lastSubject;
      }
    }
  }
}

/**
 * One alternation of every rule pattern, so a line that none can match costs one test. Named
 * groups are made plain (two rules may both name `subject`); a set that still does not compile
 * as one (back-references) goes without the pre-test.
 */
function prefilter(sources: readonly string[]): RegExp | undefined {
  if (sources.length === 0) return undefined;
  try {
    return new RegExp(
      sources.map((s) => `(?:${s.replace(/\(\?<([A-Za-z]\w*)>/g, '(?:')})`).join('|'),
      'i',
    );
  } catch {
    return undefined;
  }
}
