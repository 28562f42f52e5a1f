import { flaggedLines, type HitTrigger } from './hit-trigger.js';
import type { LogFormat } from './log-format.js';
import { parseLine } from './parse-line.js';
import { walkLines } from './line-walk.js';

/**
 * What the fast path needs from a piece of a log, worked out without any state, so another
 * thread can work it out: the lines the hit trigger flags, in full, and for each run of lines
 * between them (a gap) only what reading those lines would have left behind. `LogReading`
 * replays it in order (`FastPath.replay`) and ends in the same state as reading every line.
 */
export type Gap = {
  /** How many lines the gap holds. */
  count: number;
  /** Its first two lines (a finding before the gap may wait for them as its neighbours). */
  head: string[];
  /**
   * Its last lines, back to the last record line with a time of its own (at least the last
   * two, at most the whole gap): the next finding's neighbours, time, component and level.
   */
  tail: string[];
};

export type BodySummary = {
  /** `gaps[i]` comes before `lines[i]`; the last gap ends the piece. */
  gaps: Gap[];
  lines: string[];
  crlf: number;
  lf: number;
  /** The text from the first line longer than the plain splitter reads whole, if any. */
  overlong?: string | undefined;
};

const stripCr = (line: string): string => (line.endsWith('\r') ? line.slice(0, -1) : line);

/** The gap `text[from, to)` of `count` whole lines. */
function gap(text: string, from: number, to: number, count: number, format: LogFormat): Gap {
  const head: string[] = [];
  let start = from;
  while (head.length < Math.min(2, count)) {
    const nl = text.indexOf('\n', start);
    head.push(stripCr(text.slice(start, nl)));
    start = nl + 1;
  }
  const tail: string[] = [];
  let timed = false;
  let lineEnd = to - 1;
  while (lineEnd >= from && !(timed && tail.length >= 2)) {
    const lineStart = lineEnd === from ? from : text.lastIndexOf('\n', lineEnd - 1) + 1;
    const line = stripCr(text.slice(lineStart, lineEnd));
    tail.unshift(line);
    if (!timed) {
      const parsed = parseLine(format, line);
      timed = parsed.record && parsed.time !== undefined;
    }
    lineEnd = lineStart - 1;
  }
  return { count, head, tail };
}

/** The summary of `body`: whole lines (it ends in `\n`) of a log in `format`. */
export function summariseBody(body: string, trigger: HitTrigger, format: LogFormat): BodySummary {
  const gaps: Gap[] = [];
  const lines: string[] = [];
  const endings = { crlf: 0, lf: 0 };
  const overlong = walkLines(body, flaggedLines(body, trigger), endings, {
    reads: (_start, flagged) => flagged,
    line: (start, end) => lines.push(body.slice(start, end)),
    gap: (from, to, count) => gaps.push(gap(body, from, to, count, format)),
  });
  const summary: BodySummary = { gaps, lines, crlf: endings.crlf, lf: endings.lf };
  if (overlong !== -1) summary.overlong = body.slice(overlong);
  return summary;
}
