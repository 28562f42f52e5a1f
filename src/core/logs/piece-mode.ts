import { formatCode } from '../codes/code-value.js';
import type { CodeInContext } from './extract-codes.js';
import type { LogFormat } from './log-format.js';
import { LIMITS, LogReading, type ReadingOptions, shown } from './log-reading.js';
import type { Run } from './log-types.js';
import { noiseReason } from './noise.js';
import {
  type BuiltFinding,
  type InheritedRunClose,
  INHERITED,
  type PieceGroup,
  type PieceSummary,
} from './piece-summary.js';
import { type RunEvent, unfinished } from './runs.js';

/**
 * A log read in pieces: `PieceModeReading` reads one piece from a fresh state into a summary
 * (piece-summary.ts says what it leaves open), and `MergingReading`, the reading of the whole
 * file, takes such summaries in file order (`absorb`) as if it had read their lines itself.
 */

/**
 * The lines of one piece of a log (whole lines from a line start), read without the state the
 * lines before it left: that state is INHERITED, the run open before it is a placeholder, and
 * the file's caps and groups are not known here (see `found`). `since` must be unset.
 */
export class PieceModeReading extends LogReading {
  /** Stands for the run open before the piece (if any). */
  private readonly placeholder: Run;
  private readonly built: BuiltFinding[] = [];
  private readonly pieceGroups = new Map<number, PieceGroup>();
  private nonNoise = 0;
  private inheritedClose: InheritedRunClose | undefined;
  private overflow = false;

  constructor(options: Omit<ReadingOptions, 'since'>, format: LogFormat) {
    super(options, format);
    this.placeholder = {
      kind: 'operation',
      label: '',
      file: this.file,
      startLine: 0,
      result: 'unknown',
    };
    this.openRun = this.placeholder;
    this.lastTime = INHERITED;
    this.lastComponent = INHERITED;
    this.lastLevel = INHERITED;
  }

  protected override startRun(event: Extract<RunEvent, { type: 'start' }>): void {
    if (this.openRun === this.placeholder) {
      this.inheritedClose = { by: 'start' };
      this.openRun = undefined;
    }
    super.startRun(event);
  }

  protected override endRun(exit: CodeInContext | undefined): void {
    if (this.openRun !== this.placeholder) {
      super.endRun(exit);
      return;
    }
    this.inheritedClose = {
      by: 'end',
      line: this.lineNo,
      time: this.lastTime ?? INHERITED,
      exit: exit && formatCode(exit.value),
    };
    this.openRun = undefined;
  }

  /**
   * `found` in a piece, whose caps, groups and open run are not known here. Built is every
   * finding one pass might build, keep or point at: the first of each code in the piece (a
   * code new to the file is among them), the first LIMITS.findings that are not noise (one
   * pass keeps no more, and no later one of a code it has seen before the cap is reached),
   * every setup result, and the first failure of a run. Each waits for its neighbours after.
   * The others are only counted: one pass does the same with them whatever came before.
   */
  protected override found(
    value: number,
    context: string,
    extend: number | undefined,
    text: string,
  ): void {
    if (this.overflow) return;
    const noise = noiseReason(value, text);
    let group = this.pieceGroups.get(value);
    const isNew = group === undefined;
    if (group === undefined) {
      group = { value, count: 0, noiseCount: 0, built: 0, builtNoise: 0, lastTime: INHERITED };
      this.pieceGroups.set(value, group);
      if (this.pieceGroups.size > LIMITS.groups) this.overflow = true;
    }
    group.count++;
    if (noise) group.noiseCount++;
    group.lastTime = this.lastTime ?? INHERITED;
    const setup = extend !== undefined || context === 'SetupResult';
    const open = this.openRun;
    const runFirst = !noise && open !== undefined && !open.firstFailure;
    const firstNonNoise = !noise && this.nonNoise++ < LIMITS.findings;
    if (!isNew && !firstNonNoise && !setup && !runFirst) return;
    const finding = this.newFinding(value, context, extend, text, noise);
    group.built++;
    if (noise) group.builtNoise++;
    if (runFirst) open.firstFailure = finding;
    const inherited = open === this.placeholder;
    this.built.push({ finding, setup, inherited, runFirst: runFirst && !inherited });
    this.awaitingAfter.push(finding);
    if (this.built.length > LIMITS.pieceBuilt) this.overflow = true;
  }

  /** What the piece left (the caller adds what it knows of the text). */
  pieceResult(): Omit<PieceSummary, 'crlf' | 'lf' | 'cut' | 'replaced' | 'head'> {
    this.recoverState();
    return {
      lines: this.lineNo,
      tail: this.before.lines(),
      built: this.built,
      groups: [...this.pieceGroups.values()],
      inheritedClose: this.inheritedClose,
      runs: this.runs,
      runsDropped: this.runsDropped,
      openRun: this.openRun === this.placeholder ? undefined : this.openRun,
      signals: this.signals.found,
      time: this.lastTime ?? INHERITED,
      component: this.lastComponent,
      level: this.lastLevel,
      overflow: this.overflow,
    };
  }
}

/** The reading of a whole file that can take the summaries of pieces read elsewhere. */
export class MergingReading extends LogReading {
  /**
   * True when `absorb` merges the piece exactly: it did not overflow, and the file's groups
   * cannot reach their bound in it (one pass would then keep findings a piece only counts).
   */
  canAbsorb(piece: PieceSummary): boolean {
    return (
      !piece.overflow &&
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
    this.recoverState();
    const offset = this.lineNo;
    const { lastTime, lastComponent, lastLevel } = this;
    const inherit = <T extends string | undefined>(value: T, was: T): T =>
      value === INHERITED ? was : value;
    for (const line of piece.head) {
      if (this.awaitingAfter.length === 0) break;
      this.neighbourAfter(shown(line));
    }
    const before = this.before.lines().map(shown);
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
    this.signals.merge(piece.signals, offset);
    this.lineNo += piece.lines;
    this.lastTime = inherit(piece.time, lastTime);
    this.lastComponent = inherit(piece.component, lastComponent);
    this.lastLevel = inherit(piece.level, lastLevel);
    for (const line of piece.tail) this.before.push(line);
  }

  /** `found` for a finding a piece built, against this reading's caps, groups and run. */
  private replayFound(built: BuiltFinding): void {
    const f = built.finding;
    const noise = f.noise !== undefined;
    const group = this.groups.get(f.value);
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
    if (built.setup) this.setup(f);
    this.grouped(f, group);
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
}
