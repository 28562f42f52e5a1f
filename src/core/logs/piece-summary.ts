import type { FileAnalysis, Finding, Run } from './log-types.js';

/**
 * What reading one piece of a log (whole lines, cut anywhere at a line end) from a fresh state
 * leaves, in a form `MergingReading.absorb` (piece-mode.ts) merges, in file order, into the reading of everything
 * before it, ending in exactly the state of one pass over both. A piece is read on its own
 * (another thread may read it), so what depends on the lines before it is left open:
 *
 * - time, component and level before the piece's first record line are INHERITED, and filled
 *   in from the state the piece is merged into;
 * - the caps, groups and run of the whole file are not known: every finding that the whole
 *   file's rules could keep or point at is built (`built`), a superset of what one pass builds
 *   (see `PieceModeReading.found` for why), and the merge applies the rules to them in order;
 *   every other finding only counts, per code (`groups`);
 * - the run open when the piece starts is a placeholder: what the piece does to it (its first
 *   failure, its end or its replacement by a new start) is recorded for the merge to apply.
 */

/**
 * Stands for "as the lines before the piece left it". No parsed time contains a NUL, and a
 * component or level would need a NUL and a noncharacter side by side.
 */
export const INHERITED = '\u0000\uffffinherited';

export type BuiltFinding = {
  /** Line numbers count from the piece's start; `before` holds only the piece's own lines. */
  finding: Finding;
  setup: boolean;
  /** Before the piece's first run start or end: the run open is the one open before it. */
  inherited: boolean;
  /** After that: it became the first failure of the run the piece opened. */
  runFirst: boolean;
};

/** A code's findings in the piece: how many, how many built, and the time of its last one. */
export type PieceGroup = {
  value: number;
  count: number;
  noiseCount: number;
  built: number;
  builtNoise: number;
  lastTime: string;
};

/** What the piece did to the run open before it. */
export type InheritedRunClose =
  { by: 'start' } | { by: 'end'; line: number; time: string; exit?: string | undefined };

export type PieceSummary = {
  lines: number;
  crlf: number;
  lf: number;
  /** The piece ends the file without a line end (the last line was cut). */
  cut: boolean;
  /** Invalid UTF-8 sequences replaced with U+FFFD while decoding the piece. */
  replaced: number;
  /** Its first two and last two lines (CR left out): neighbours of findings across the cut. */
  head: string[];
  tail: string[];
  built: BuiltFinding[];
  groups: PieceGroup[];
  inheritedClose?: InheritedRunClose | undefined;
  /** Runs the piece started and closed, in order (the first LIMITS.runs of them). */
  runs: Run[];
  runsDropped: number;
  /** A run the piece started that is still open at its end. */
  openRun?: Run | undefined;
  signals: FileAnalysis['signals'];
  /** The state its last record line left (INHERITED when it has none). */
  time: string;
  component: string | undefined;
  level: string | undefined;
  /**
   * The piece holds more than a merge replays exactly (more codes or built findings than the
   * bounds, an overlong line): the caller reads it in one pass instead.
   */
  overflow: boolean;
};
