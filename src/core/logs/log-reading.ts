import type { Catalog } from '../codes/catalog.js';
import { formatCode } from '../codes/code-value.js';
import { type CodeInContext, extractCodes } from './extract-codes.js';
import { literalHint } from './hit-trigger.js';
import type { LogFormat } from './log-format.js';
import type { CodeGroup, FileAnalysis, Finding, Run } from './log-types.js';
import { noiseReason } from './noise.js';
import { parseLine } from './parse-line.js';
import {
  type BuiltFinding,
  type InheritedRunClose,
  INHERITED,
  type PieceGroup,
  type PieceSummary,
} from './piece-summary.js';
import { redact } from './redact.js';
import { runEvent, unfinished } from './runs.js';

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

/** What a reading in piece mode gathers beyond the plain state (see `foundInPiece`). */
type PieceState = {
  /** Stands for the run open before the piece (if any). */
  placeholder: Run;
  built: BuiltFinding[];
  groups: Map<number, PieceGroup>;
  nonNoise: number;
  inheritedClose?: InheritedRunClose | undefined;
  overflow: boolean;
};

export type ReadingOptions = {
  /** The file's name as shown, already redacted. */
  file: string;
  catalog: Catalog;
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

const clip = (s: string): string =>
  own(s.length > LIMITS.neighbourChars ? `${s.slice(0, LIMITS.neighbourChars)}…` : s);

/**
 * The reading of one log's lines in their layout, in bounded state: each line read in full
 * (`read`), or skipped by the fast path and accounted for (`skipped`). It turns lines into
 * findings, code groups, runs, the setup result and rule signals. Nothing here throws.
 */
export class LogReading {
  private lineNo = 0;
  private lastTime: string | undefined;
  private lastComponent: string | undefined;
  private lastLevel: string | undefined;
  private readonly before: string[] = [];
  private awaitingAfter: Finding[] = [];
  private readonly findings: Finding[] = [];
  private findingsDropped = 0;
  private readonly groups = new Map<number, CodeGroup>();
  private readonly runs: Run[] = [];
  private runsDropped = 0;
  private openRun: Run | undefined;
  private setupResult: FileAnalysis['setupResult'];
  private readonly signals: FileAnalysis['signals'] = new Map();
  private readonly patterns: { source: string; regex: RegExp }[];
  private readonly anyPattern: RegExp | undefined;
  /** The literals without which no rule pattern matches (one cheap test before `anyPattern`). */
  private readonly signalHint: RegExp | undefined;
  private xmlEvent = '';
  private readonly codeMemo = new Map<string, CodeInContext[]>();
  /**
   * Skipped lines whose time, component and level have not been worked out yet: the next line
   * read usually carries its own and makes the work needless (see `recoverState`).
   */
  private skippedState: { text: string; from: number; to: number } | undefined;
  private readonly file: string;
  private readonly piece: PieceState | undefined;

  /**
   * `piece`: read a piece of a log from a fresh state, for `pieceResult` and a merge by
   * `absorb` (piece-summary.ts), instead of a whole file. `since` must then be unset.
   */
  constructor(
    private readonly options: ReadingOptions,
    readonly format: LogFormat,
    piece = false,
  ) {
    this.file = options.file;
    if (piece) {
      const placeholder: Run = {
        kind: 'operation',
        label: '',
        file: this.file,
        startLine: 0,
        result: 'unknown',
      };
      this.piece = { placeholder, built: [], groups: new Map(), nonNoise: 0, overflow: false };
      this.openRun = placeholder;
      this.lastTime = INHERITED;
      this.lastComponent = INHERITED;
      this.lastLevel = INHERITED;
    }
    this.patterns = [...new Set(options.patterns)].map((source) => ({
      source,
      regex: new RegExp(source, 'i'),
    }));
    this.anyPattern = prefilter(this.patterns.map((p) => p.source));
    this.signalHint = literalHint(this.patterns.map((p) => p.source));
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
    let lineEnd = to - 1;
    const recent: string[] = [];
    while (lineEnd >= from && recent.length < LIMITS.neighbours) {
      const lineStart = lineEnd === from ? from : text.lastIndexOf('\n', lineEnd - 1) + 1;
      const line = text.slice(lineStart, lineEnd);
      recent.unshift(line.endsWith('\r') ? line.slice(0, -1) : line);
      lineEnd = lineStart - 1;
    }
    this.before.push(...recent);
    while (this.before.length > LIMITS.neighbours) this.before.shift();
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
      signals: this.signals,
    };
  }

  /**
   * The time, component and level of the last record line among the skipped lines, as reading
   * them would have left them. Walks back from the end and stops as soon as it knows, so a long
   * skip costs a line or two.
   */
  private recoverState(): void {
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
    if (this.awaitingAfter.length > 0) {
      const shown = redact(clip(line));
      for (const waiting of this.awaitingAfter) waiting.after.push(shown);
      this.awaitingAfter = this.awaitingAfter.filter((f) => f.after.length < LIMITS.neighbours);
    }
    if (this.format === 'event-xml') this.xmlLine(line);
    else this.record(line, false);
    // Kept as read (two lines at most, so at most two chunks held); clipped and copied only
    // when a finding takes them.
    this.before.push(line);
    if (this.before.length > LIMITS.neighbours) this.before.shift();
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
    const parsed = parseLine(format, line);
    // A record line with its own time replaces all the state the skipped lines would have left.
    if (this.skippedState !== undefined) {
      if (parsed.record && parsed.time !== undefined) this.skippedState = undefined;
      else this.recoverState();
    }
    if (parsed.record) {
      if (parsed.time !== undefined && parsed.time !== this.lastTime)
        this.lastTime = own(parsed.time);
      this.keepState(parsed.component, parsed.level);
    }
    const message = parsed.message;
    if (
      this.patterns.length > 0 &&
      (this.signalHint?.test(line) ?? true) &&
      (this.anyPattern?.test(line) ?? true)
    )
      this.signal(line);

    const event = runEvent(format, message);
    const piece = this.piece;
    if (event?.type === 'start') {
      if (piece && this.openRun === piece.placeholder) piece.inheritedClose = { by: 'start' };
      else if (this.openRun) this.closeRun(unfinished(this.openRun));
      this.openRun = {
        kind: event.kind,
        label: own(event.label),
        file: this.file,
        startLine: this.lineNo,
        startTime: this.lastTime,
        result: 'unknown',
      };
    }

    const rr = parsed.reportingResult;
    // The memo's own list, read as it is; only a ReportingEvents result changes a copy of it.
    let codes = this.codesIn(xml ? line : message);
    if (rr && rr.hex !== '' && rr.outcome === 'Failure' && /^[0-9a-fA-F]{1,8}$/.test(rr.hex)) {
      const value = Number.parseInt(rr.hex, 16) >>> 0;
      const changed = codes.map((code) => ({ ...code }));
      const same = changed.find((c) => c.value === value);
      if (same) same.context = 'ReportingEvents result column';
      else if (value >= 0x80000000)
        changed.unshift({ value, context: 'ReportingEvents result column' });
      codes = changed;
    }
    if (this.since(parsed.time ?? this.lastTime)) {
      for (const code of codes)
        this.found(code.value, code.context, code.extend, xml ? message : line);
    }

    if (rr) this.reportingRun(rr, codes[0]?.value);
    if (xml) this.xmlRun(parsed.component ?? '', codes[0]?.value);
    if (event?.type === 'end' && piece && this.openRun === piece.placeholder) {
      const exit = codes[0];
      piece.inheritedClose = {
        by: 'end',
        line: this.lineNo,
        time: this.lastTime ?? INHERITED,
        exit: exit && formatCode(exit.value),
      };
      this.openRun = undefined;
    } else if (event?.type === 'end' && this.openRun) {
      const exit = codes[0];
      this.openRun.endLine = this.lineNo;
      this.openRun.endTime = this.lastTime;
      this.openRun.result = exit || this.openRun.firstFailure ? 'failed' : 'succeeded';
      if (exit) this.openRun.resultCode = formatCode(exit.value);
      this.closeRun(this.openRun);
      this.openRun = undefined;
    }
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
  private keepState(component: string | undefined, level: string | undefined): void {
    if (component !== this.lastComponent) this.lastComponent = own(component);
    if (level !== this.lastLevel) this.lastLevel = own(level);
  }

  private since(time: string | undefined): boolean {
    return this.options.since === undefined || time === undefined || time >= this.options.since;
  }

  private found(value: number, context: string, extend: number | undefined, text: string): void {
    if (this.piece) {
      this.foundInPiece(this.piece, value, context, extend, text);
      return;
    }
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
    const { code, name } = finding;
    if (setup) {
      const previous = this.setupResult;
      this.setupResult = {
        value,
        extend: extend ?? (previous?.value === value ? previous.extend : undefined),
        line: this.lineNo,
        time: this.lastTime,
      };
    }

    if (group) {
      group.count++;
      if (noise) group.noiseCount++;
      group.last = finding;
      group.lastTime = finding.time ?? group.lastTime;
    } else if (this.groups.size < LIMITS.groups) {
      this.groups.set(value, {
        code,
        name,
        count: 1,
        noiseCount: noise ? 1 : 0,
        firstTime: finding.time,
        lastTime: finding.time,
        first: finding,
        last: finding,
      });
    }
    if (!noise && this.openRun && !this.openRun.firstFailure) this.openRun.firstFailure = finding;
    // Keep the first finding of each code and every non-noise one, up to the bound.
    if (keep) {
      this.findings.push(finding);
      this.awaitingAfter.push(finding);
    } else this.findingsDropped++;
  }

  private newFinding(
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
      text: redact(clip(text)),
      before: this.before.map((line) => redact(clip(line))),
      after: [],
    };
    if (name) finding.name = name;
    if (extend !== undefined) finding.extend = extend;
    if (noise) finding.noise = noise;
    return finding;
  }

  /**
   * `found` in a piece, whose caps, groups and open run are not known here. Built is every
   * finding one pass might build, keep or point at: the first of each code in the piece (a
   * code new to the file is among them), the first LIMITS.findings that are not noise (one
   * pass keeps no more, and no later one of a code it has seen before the cap is reached),
   * every setup result, and the first failure of a run. Each waits for its neighbours after.
   * The others are only counted: one pass does the same with them whatever came before.
   */
  private foundInPiece(
    piece: PieceState,
    value: number,
    context: string,
    extend: number | undefined,
    text: string,
  ): void {
    if (piece.overflow) return;
    const noise = noiseReason(value, text);
    let group = piece.groups.get(value);
    const isNew = group === undefined;
    if (group === undefined) {
      group = { value, count: 0, noiseCount: 0, built: 0, builtNoise: 0, lastTime: INHERITED };
      piece.groups.set(value, group);
      if (piece.groups.size > LIMITS.groups) piece.overflow = true;
    }
    group.count++;
    if (noise) group.noiseCount++;
    group.lastTime = this.lastTime ?? INHERITED;
    const setup = extend !== undefined || context === 'SetupResult';
    const open = this.openRun;
    const runFirst = !noise && open !== undefined && !open.firstFailure;
    const firstNonNoise = !noise && piece.nonNoise++ < LIMITS.findings;
    if (!isNew && !firstNonNoise && !setup && !runFirst) return;
    const finding = this.newFinding(value, context, extend, text, noise);
    group.built++;
    if (noise) group.builtNoise++;
    if (runFirst) open.firstFailure = finding;
    const inherited = open === piece.placeholder;
    piece.built.push({ finding, setup, inherited, runFirst: runFirst && !inherited });
    this.awaitingAfter.push(finding);
    if (piece.built.length > LIMITS.pieceBuilt) piece.overflow = true;
  }

  /** What a reading in piece mode leaves (the caller adds what it knows of the text). */
  pieceResult(): Omit<PieceSummary, 'crlf' | 'lf' | 'cut' | 'replaced' | 'head'> {
    const piece = this.piece;
    if (piece === undefined) throw new Error('pieceResult: not a piece reading');
    if (this.skippedState !== undefined) this.recoverState();
    return {
      lines: this.lineNo,
      tail: [...this.before],
      built: piece.built,
      groups: [...piece.groups.values()],
      inheritedClose: piece.inheritedClose,
      runs: this.runs,
      runsDropped: this.runsDropped,
      openRun: this.openRun === piece.placeholder ? undefined : this.openRun,
      signals: this.signals,
      time: this.lastTime ?? INHERITED,
      component: this.lastComponent,
      level: this.lastLevel,
      overflow: piece.overflow,
    };
  }

  /**
   * True when `absorb` merges the piece exactly: it did not overflow, and the file's groups
   * cannot reach their bound in it (one pass would then keep findings a piece only counts).
   */
  canAbsorb(piece: PieceSummary): boolean {
    return (
      !piece.overflow &&
      this.piece === undefined &&
      this.options.since === undefined &&
      this.format !== 'event-xml' &&
      this.groups.size + piece.groups.length <= LIMITS.groups
    );
  }

  /**
   * Merges a piece read from a fresh state (the lines right after those read so far) as if its
   * lines had been read here: each built finding goes through `found`'s rules against the
   * file's caps, groups and open run; what the piece left open is filled in from the state here.
   */
  absorb(piece: PieceSummary): void {
    if (this.skippedState !== undefined) this.recoverState();
    const offset = this.lineNo;
    const { lastTime, lastComponent, lastLevel } = this;
    const inherit = <T extends string | undefined>(value: T, was: T): T =>
      value === INHERITED ? was : value;
    for (const line of piece.head) {
      if (this.awaitingAfter.length === 0) break;
      const shown = redact(clip(line));
      for (const waiting of this.awaitingAfter) waiting.after.push(shown);
      this.awaitingAfter = this.awaitingAfter.filter((f) => f.after.length < LIMITS.neighbours);
    }
    const before = this.before.map((line) => redact(clip(line)));
    const fixRun = (run: Run): Run => {
      run.startLine += offset;
      if (run.endLine !== undefined) run.endLine += offset;
      run.startTime = inherit(run.startTime, lastTime);
      if (run.endTime !== undefined) run.endTime = inherit(run.endTime, lastTime);
      return run;
    };
    let closed = piece.inheritedClose === undefined;
    const closeInherited = (): void => {
      closed = true;
      const close = piece.inheritedClose;
      const open = this.openRun;
      this.openRun = undefined;
      if (open === undefined || close === undefined) return;
      if (close.by === 'start') {
        this.closeRun(unfinished(open));
        return;
      }
      open.endLine = offset + close.line;
      open.endTime = inherit(close.time, lastTime);
      open.result = close.exit !== undefined || open.firstFailure ? 'failed' : 'succeeded';
      if (close.exit !== undefined) open.resultCode = close.exit;
      this.closeRun(open);
    };
    for (const built of piece.built) {
      const f = built.finding;
      f.line += offset;
      f.time = inherit(f.time, lastTime);
      f.component = inherit(f.component, lastComponent);
      f.level = inherit(f.level, lastLevel);
      const missing = LIMITS.neighbours - f.before.length;
      if (missing > 0)
        f.before = [...before.slice(Math.max(0, before.length - missing)), ...f.before];
      if (!built.inherited && !closed) closeInherited();
      this.replayFound(built);
    }
    if (!closed) closeInherited();
    for (const group of piece.groups) {
      const rest = group.count - group.built;
      this.findingsDropped += rest;
      const known = this.groups.get(group.value);
      if (known === undefined) continue;
      known.count += rest;
      known.noiseCount += group.noiseCount - group.builtNoise;
      known.lastTime = inherit(group.lastTime, lastTime) ?? known.lastTime;
    }
    for (const run of piece.runs) this.closeRun(fixRun(run));
    this.runsDropped += piece.runsDropped;
    if (piece.openRun) this.openRun = fixRun(piece.openRun);
    for (const [source, signal] of piece.signals) {
      const seen = this.signals.get(source);
      if (seen === undefined) this.signals.set(source, { ...signal, line: signal.line + offset });
      else {
        seen.count += signal.count;
        if (signal.lastSubject !== undefined) seen.lastSubject = signal.lastSubject;
      }
    }
    this.lineNo += piece.lines;
    this.lastTime = inherit(piece.time, lastTime);
    this.lastComponent = inherit(piece.component, lastComponent);
    this.lastLevel = inherit(piece.level, lastLevel);
    this.before.push(...piece.tail);
    while (this.before.length > LIMITS.neighbours) this.before.shift();
  }

  /** `found` for a finding a piece built, against this reading's caps, groups and run. */
  private replayFound(built: BuiltFinding): void {
    const f = built.finding;
    const value = f.value;
    const noise = f.noise !== undefined;
    const group = this.groups.get(value);
    const keep = this.findings.length < LIMITS.findings && (group === undefined || !noise);
    const open = built.inherited ? this.openRun : undefined;
    const inheritedFirst = !noise && open !== undefined && !open.firstFailure;
    const needed = keep || built.setup || inheritedFirst || built.runFirst;
    if (group && !needed) {
      group.count++;
      if (noise) group.noiseCount++;
      group.lastTime = f.time ?? group.lastTime;
      this.findingsDropped++;
      return;
    }
    if (built.setup) {
      const previous = this.setupResult;
      this.setupResult = {
        value,
        extend: f.extend ?? (previous?.value === value ? previous.extend : undefined),
        line: f.line,
        time: f.time,
      };
    }
    if (group) {
      group.count++;
      if (noise) group.noiseCount++;
      group.last = f;
      group.lastTime = f.time ?? group.lastTime;
    } else if (this.groups.size < LIMITS.groups) {
      this.groups.set(value, {
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
    if (inheritedFirst) open.firstFailure = f;
    if (keep) {
      this.findings.push(f);
      if (f.after.length < LIMITS.neighbours) this.awaitingAfter.push(f);
    } else {
      // One pass fills the neighbours after only of the findings it keeps.
      f.after = [];
      this.findingsDropped++;
    }
  }

  private reportingRun(
    rr: NonNullable<ReturnType<typeof parseLine>['reportingResult']>,
    code: number | undefined,
  ): void {
    const kind = /download/i.test(rr.category)
      ? 'download'
      : /install/i.test(rr.category)
        ? 'install'
        : 'scan';
    if (/STARTED/.test(rr.event)) return;
    const failed = rr.outcome === 'Failure';
    const run: Run = {
      kind,
      label: own(`${rr.event} (${rr.category})`),
      file: this.file,
      startLine: this.lineNo,
      startTime: this.lastTime,
      endLine: this.lineNo,
      endTime: this.lastTime,
      result: failed ? 'failed' : 'succeeded',
    };
    if (failed && code !== undefined) {
      run.resultCode = formatCode(code);
      run.firstFailure = this.findings.find((f) => f.line === this.lineNo);
    }
    this.closeRun(run);
  }

  /** WindowsUpdateClient event ids (§8): 19/20 install, 25/26 scan, 31/41 download. */
  private xmlRun(component: string, code: number | undefined): void {
    const id = Number(component.replace('Event ', ''));
    const table: Record<number, [Run['kind'], boolean]> = {
      19: ['install', true],
      20: ['install', false],
      25: ['scan', false],
      26: ['scan', true],
      31: ['download', false],
      41: ['download', true],
    };
    const entry = table[id];
    if (!entry) return;
    const run: Run = {
      kind: entry[0],
      label: `event ${id}`,
      file: this.file,
      startLine: this.lineNo,
      startTime: this.lastTime,
      endLine: this.lineNo,
      endTime: this.lastTime,
      result: entry[1] ? 'succeeded' : 'failed',
    };
    if (code !== undefined) {
      run.resultCode = formatCode(code);
      run.firstFailure = this.findings.find((f) => f.line === this.lineNo && f.value === code);
    }
    this.closeRun(run);
  }

  private closeRun(run: Run): void {
    // With --since, a run over before that time is not part of the story.
    const end = run.endTime ?? run.startTime;
    if (this.options.since !== undefined && end !== undefined && end < this.options.since) return;
    if (this.runs.length < LIMITS.runs) this.runs.push(run);
    else this.runsDropped++;
  }

  private signal(line: string): void {
    for (const { source, regex } of this.patterns) {
      const m = regex.exec(line);
      if (!m) continue;
      const raw = m.groups?.['subject'];
      const subject = raw === undefined ? undefined : own(redact(raw));
      const seen = this.signals.get(source);
      if (seen) {
        seen.count++;
        if (subject !== undefined) seen.lastSubject = subject;
      } else
        this.signals.set(source, {
          line: this.lineNo,
          text: redact(clip(line)),
          subject,
          lastSubject: subject,
          count: 1,
        });
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
