import type { Catalog } from '../codes/catalog.js';
import { formatCode } from '../codes/code-value.js';
import { type CodeInContext, extractCodes } from './extract-codes.js';
import { LineMemo } from './line-memo.js';
import type { LogFormat } from './log-format.js';
import type { CodeGroup, FileAnalysis, Finding, Run } from './log-types.js';
import { noiseReason } from './noise.js';
import { parseLine } from './parse-line.js';
import { RecentLines } from './recent-lines.js';
import { redact } from './redact.js';
import { RuleSignals } from './rule-signals.js';
import { type RunEvent, reportingEventRun, runEvent, unfinished, xmlEventRun } from './runs.js';

/** Bounds that keep memory flat whatever the size of the log. */
export const LIMITS = {
  findings: 400,
  groups: 2000,
  runs: 2000,
  neighbourChars: 400,
  neighbours: 2,
  detectLines: 40,
  xmlEventChars: 64 * 1024,
  /** Messages whose codes are remembered (floods repeat a handful). */
  codeMemo: 256,
  /** Findings a piece builds for the merge (piece-summary.ts) before it gives up. */
  pieceBuilt: 8000,
} as const;

/** What reading a log needs of the catalog: a code's names, and the values of a name. */
export type ReadingCatalog = Pick<Catalog, 'namesOf' | 'valueOfName'>;

export type ReadingOptions = {
  /** The file's name as shown, already redacted. */
  file: string;
  catalog: ReadingCatalog;
  /** Text patterns the rules look for (case-insensitive), counted as signals. */
  patterns: readonly string[];
  /** Findings before this time (same `yyyy-MM-dd HH:mm:ss` form) are skipped. */
  since?: string | undefined;
};

/** What reading the lines of one file found (the analyser adds what it knows of the bytes). */
export type ReadingResult = Pick<
  FileAnalysis,
  | 'lines'
  | 'groups'
  | 'findings'
  | 'findingsDropped'
  | 'runs'
  | 'runsDropped'
  | 'setupResult'
  | 'signals'
>;

/**
 * A copy of a short string that does not hold on to the chunk it was cut from. V8 keeps a slice
 * of a string as a view into the whole (here a decoded chunk), so one kept line would keep its
 * chunk alive, and a few hundred findings would keep hundreds of megabytes.
 */
export const own = <T extends string | undefined>(s: T): T =>
  (s === undefined || s.length < 13 ? s : ` ${s}`.slice(1)) as T;

/** A line as a finding or signal shows it: clipped, redacted, its own copy. */
export const shown = (s: string): string =>
  redact(own(s.length > LIMITS.neighbourChars ? `${s.slice(0, LIMITS.neighbourChars)}…` : s));

/**
 * The reading of one log's lines in their layout, in bounded state: each line read in full
 * (`read`), or skipped by the fast path and accounted for (`skipped`). It turns lines into
 * findings, code groups, runs, the setup result and rule signals. Nothing here throws.
 * Reading a piece of a log from a fresh state, and merging such pieces, is piece-mode.ts.
 */
export class LogReading {
  protected lineNo = 0;
  protected lastTime: string | undefined;
  protected lastComponent: string | undefined;
  protected lastLevel: string | undefined;
  protected readonly before = new RecentLines();
  protected awaitingAfter: Finding[] = [];
  protected readonly findings: Finding[] = [];
  protected findingsDropped = 0;
  protected readonly groups = new Map<number, CodeGroup>();
  protected readonly runs: Run[] = [];
  protected runsDropped = 0;
  protected openRun: Run | undefined;
  protected setupResult: FileAnalysis['setupResult'];
  protected readonly signals: RuleSignals;
  private xmlEvent = '';
  private readonly codeMemo = new Map<string, CodeInContext[]>();
  private readonly memo: LineMemo;
  /**
   * Skipped lines whose time, component and level have not been worked out yet: the next line
   * read usually carries its own and makes the work needless (see `recoverState`).
   */
  private skippedState: { text: string; from: number; to: number } | undefined;
  protected readonly file: string;

  constructor(
    protected readonly options: ReadingOptions,
    readonly format: LogFormat,
  ) {
    this.file = options.file;
    this.signals = new RuleSignals(options.patterns, shown);
    this.memo = new LineMemo(format, options.catalog);
  }

  /** True while a finding waits for the lines after it (the fast path must read them). */
  get waitingForNeighbours(): boolean {
    return this.awaitingAfter.length > 0;
  }

  /**
   * The lines `text[from, to)` (`count` whole lines, each ending in `\n`) were not read: what
   * reading them one by one would have left is their count, the last two as the next finding's
   * neighbours, and (worked out when needed) the time, component and level of the last record.
   */
  skipped(text: string, from: number, to: number, count: number): void {
    this.lineNo += count;
    if (this.skippedState !== undefined) this.recoverState();
    this.skippedState = { text, from, to };
    this.before.pushLastOf(text, from, to);
  }

  /** The end of the file: an event or run still open is closed, and the result handed over. */
  finish(): ReadingResult {
    if (this.xmlEvent !== '') this.record(this.xmlEvent, true);
    this.xmlEvent = '';
    this.awaitingAfter = [];
    if (this.openRun) this.closeRun(unfinished(this.openRun));
    this.openRun = undefined;
    return {
      lines: this.lineNo,
      groups: [...this.groups.values()],
      findings: this.findings,
      findingsDropped: this.findingsDropped,
      runs: this.runs,
      runsDropped: this.runsDropped,
      setupResult: this.setupResult,
      signals: this.signals.found,
    };
  }

  /**
   * The time, component and level of the last record line among the skipped lines, as reading
   * them would have left them. Walks back from the end and stops as soon as it knows, so a long
   * skip costs a line or two.
   */
  protected recoverState(): void {
    const skipped = this.skippedState;
    this.skippedState = undefined;
    if (skipped === undefined) return;
    const { text, from, to } = skipped;
    let needState = true;
    let needTime = true;
    let lineEnd = to - 1;
    while (lineEnd >= from && (needState || needTime)) {
      const lineStart = lineEnd === from ? from : text.lastIndexOf('\n', lineEnd - 1) + 1;
      let line = text.slice(lineStart, lineEnd);
      if (line.endsWith('\r')) line = line.slice(0, -1);
      const parsed = parseLine(this.format, line);
      if (parsed.record) {
        if (needState) {
          this.keepState(parsed.component, parsed.level);
          needState = false;
        }
        if (parsed.time !== undefined) {
          if (parsed.time !== this.lastTime) this.lastTime = own(parsed.time);
          needTime = false;
        }
      }
      lineEnd = lineStart - 1;
    }
  }

  /** One line read in full, as the plain path reads every line. */
  read(line: string): void {
    this.lineNo++;
    if (this.awaitingAfter.length > 0) this.neighbourAfter(shown(line));
    if (this.format === 'event-xml') this.xmlLine(line);
    else this.record(line, false);
    // Kept as read (two lines at most, so at most two chunks held); clipped and copied only
    // when a finding takes them.
    this.before.push(line);
  }

  /** A line after the findings waiting for theirs (as shown). */
  protected neighbourAfter(line: string): void {
    for (const waiting of this.awaitingAfter) waiting.after.push(line);
    this.awaitingAfter = this.awaitingAfter.filter((f) => f.after.length < LIMITS.neighbours);
  }

  /** Exported events are multi-line XML: one record from `<Event` to `</Event>`. */
  private xmlLine(line: string): void {
    let rest = line;
    for (;;) {
      const end = rest.indexOf('</Event>');
      if (end === -1) break;
      this.xmlEvent += rest.slice(0, end + 8);
      this.record(this.xmlEvent, true);
      this.xmlEvent = '';
      rest = rest.slice(end + 8);
    }
    if (rest.includes('<Event') || this.xmlEvent !== '') {
      if (this.xmlEvent.length + rest.length <= LIMITS.xmlEventChars) this.xmlEvent += `${rest}\n`;
    }
  }

  private record(line: string, xml: boolean): void {
    const format = this.format;
    const facts = xml ? undefined : this.memo.facts(line);
    const parsed = facts?.parsed ?? parseLine(format, line);
    const time = facts ? facts.time : parsed.time;
    // A record line with its own time replaces all the state the skipped lines would have left.
    if (this.skippedState !== undefined) {
      if (parsed.record && time !== undefined) this.skippedState = undefined;
      else this.recoverState();
    }
    if (parsed.record) {
      if (time !== undefined && time !== this.lastTime) this.lastTime = own(time);
      this.keepState(parsed.component, parsed.level);
    }
    const message = parsed.message;
    this.signals.test(line, this.lineNo);

    const event = facts ? facts.event : runEvent(format, message);
    if (event?.type === 'start') this.startRun(event);

    const rr = parsed.reportingResult;
    // The memo's own list, read as it is; only a ReportingEvents result changes a copy of it.
    let codes = facts ? facts.codes : this.codesIn(xml ? line : message);
    if (rr && rr.hex !== '' && rr.outcome === 'Failure' && /^[0-9a-fA-F]{1,8}$/.test(rr.hex)) {
      const value = Number.parseInt(rr.hex, 16) >>> 0;
      const changed = codes.map((code) => ({ ...code }));
      const same = changed.find((c) => c.value === value);
      if (same) same.context = 'ReportingEvents result column';
      else if (value >= 0x80000000)
        changed.unshift({ value, context: 'ReportingEvents result column' });
      codes = changed;
    }
    if (this.since(time ?? this.lastTime)) {
      for (const code of codes)
        this.found(code.value, code.context, code.extend, xml ? message : line);
    }

    const at = { file: this.file, line: this.lineNo, time: this.lastTime };
    const oneLineRun = rr
      ? reportingEventRun(rr, at)
      : xml
        ? xmlEventRun(parsed.component ?? '', at)
        : undefined;
    if (oneLineRun) this.oneLineRun(oneLineRun, codes[0]?.value, xml);
    if (event?.type === 'end') this.endRun(codes[0]);
  }

  /** A ReportingEvents record or an exported event that is a run: its code, if it failed. */
  private oneLineRun(run: Run, code: number | undefined, xml: boolean): void {
    if (code !== undefined && (xml || run.result === 'failed')) {
      run.resultCode = formatCode(code);
      run.firstFailure = this.findings.find(
        (f) => f.line === this.lineNo && (!xml || f.value === code),
      );
    }
    this.closeRun(run);
  }

  /** A run starts (and the one open, if any, ends without its end line). */
  protected startRun(event: Extract<RunEvent, { type: 'start' }>): void {
    if (this.openRun) this.closeRun(unfinished(this.openRun));
    this.openRun = {
      kind: event.kind,
      label: own(event.label),
      file: this.file,
      startLine: this.lineNo,
      startTime: this.lastTime,
      result: 'unknown',
    };
  }

  /** The open run ends on this line; `exit`, its code, if the line names one. */
  protected endRun(exit: CodeInContext | undefined): void {
    const run = this.openRun;
    if (!run) return;
    run.endLine = this.lineNo;
    run.endTime = this.lastTime;
    run.result = exit || run.firstFailure ? 'failed' : 'succeeded';
    if (exit) run.resultCode = formatCode(exit.value);
    this.closeRun(run);
    this.openRun = undefined;
  }

  /**
   * extractCodes, remembered per message text: a flood repeats one message thousands of times
   * (only the time differs, and it is not part of the message). The list is the memo's own:
   * a caller that changes it copies it first.
   */
  private codesIn(text: string): readonly CodeInContext[] {
    let known = this.codeMemo.get(text);
    if (known === undefined) {
      known = extractCodes(text, this.options.catalog);
      if (this.codeMemo.size >= LIMITS.codeMemo) this.codeMemo.clear();
      this.codeMemo.set(own(text), known);
    }
    return known;
  }

  /** The component and level of the last record line, copied only when they change. */
  protected keepState(component: string | undefined, level: string | undefined): void {
    if (component !== this.lastComponent) this.lastComponent = own(component);
    if (level !== this.lastLevel) this.lastLevel = own(level);
  }

  private since(time: string | undefined): boolean {
    return this.options.since === undefined || time === undefined || time >= this.options.since;
  }

  /** A code found on this line (`text`, as the finding shows it). */
  protected found(value: number, context: string, extend: number | undefined, text: string): void {
    const noise = noiseReason(value, text);
    const group = this.groups.get(value);
    const keep = this.findings.length < LIMITS.findings && (group === undefined || !noise);
    const setup = extend !== undefined || context === 'SetupResult';
    const needed =
      keep || setup || (!noise && this.openRun !== undefined && !this.openRun.firstFailure);
    if (group && !needed) {
      // The hot path of a flood (CBS_E_INVALID_PACKAGE, CSI probes): count it, build nothing.
      group.count++;
      if (noise) group.noiseCount++;
      group.lastTime = this.lastTime ?? group.lastTime;
      this.findingsDropped++;
      return;
    }
    const finding = this.newFinding(value, context, extend, text, noise);
    if (setup) this.setup(finding);
    this.grouped(finding, group);
    if (!noise && this.openRun && !this.openRun.firstFailure) this.openRun.firstFailure = finding;
    // Keep the first finding of each code and every non-noise one, up to the bound.
    if (keep) {
      this.findings.push(finding);
      this.awaitingAfter.push(finding);
    } else this.findingsDropped++;
  }

  /** A setup result line (the extend code carried over when the line gives none). */
  protected setup(f: Finding): void {
    const previous = this.setupResult;
    this.setupResult = {
      value: f.value,
      extend: f.extend ?? (previous?.value === f.value ? previous.extend : undefined),
      line: f.line,
      time: f.time,
    };
  }

  /** A built finding counted in its code's group (a new group while there is room). */
  protected grouped(f: Finding, group: CodeGroup | undefined): void {
    const noise = f.noise !== undefined;
    if (group) {
      group.count++;
      if (noise) group.noiseCount++;
      group.last = f;
      group.lastTime = f.time ?? group.lastTime;
    } else if (this.groups.size < LIMITS.groups) {
      this.groups.set(f.value, {
        code: f.code,
        name: f.name,
        count: 1,
        noiseCount: noise ? 1 : 0,
        firstTime: f.time,
        lastTime: f.time,
        first: f,
        last: f,
      });
    }
  }

  protected newFinding(
    value: number,
    context: string,
    extend: number | undefined,
    text: string,
    noise: string | undefined,
  ): Finding {
    const name = this.options.catalog.namesOf(value)[0]?.name;
    const finding: Finding = {
      code: formatCode(value),
      value,
      context,
      time: this.lastTime,
      component: this.lastComponent,
      level: this.lastLevel,
      file: this.file,
      line: this.lineNo,
      text: shown(text),
      before: this.before.lines().map(shown),
      after: [],
    };
    if (name) finding.name = name;
    if (extend !== undefined) finding.extend = extend;
    if (noise) finding.noise = noise;
    return finding;
  }

  protected closeRun(run: Run): void {
    // With --since, a run over before that time is not part of the story.
    const end = run.endTime ?? run.startTime;
    if (this.options.since !== undefined && end !== undefined && end < this.options.since) return;
    if (this.runs.length < LIMITS.runs) this.runs.push(run);
    else this.runsDropped++;
  }
}
