import { MAX_LINE_CHARS } from './text-decoding.js';

/** Line-end counts, shared with the plain splitter (the encoding line says CRLF or LF). */
export type LineEndings = { crlf: number; lf: number };

/** What the fast path does with the lines of a text (fast-path.ts). */
export type LineVisitor = {
  /** True when the line at `start` is read in full: a flagged line, or one a finding waits for. */
  reads(start: number, flagged: boolean): boolean;
  /** A line read in full: `text[start, end)`, its CR (if any) left out. */
  line(start: number, end: number): void;
  /** The `count` lines of `text[from, to)` not read (count may be 0), before each line read and at the end. */
  gap(from: number, to: number, count: number): void;
};

/**
 * Walks the whole lines of `body` (it ends in `\n`) with the start offsets of the flagged ones
 * (ascending), counting line ends; returns the start of the first line longer than the plain
 * splitter reads whole (the caller hands the text from there to the plain path), or -1.
 */
export function walkLines(
  body: string,
  flagged: readonly number[],
  endings: LineEndings,
  visitor: LineVisitor,
): number {
  let h = 0;
  let next = flagged[0] ?? -1;
  let gapFrom = 0;
  let gapCount = 0;
  let start = 0;
  while (start < body.length) {
    const nl = body.indexOf('\n', start);
    const cr = nl > start && body.charCodeAt(nl - 1) === 13;
    const end = cr ? nl - 1 : nl;
    if (end - start > MAX_LINE_CHARS) {
      visitor.gap(gapFrom, start, gapCount);
      return start;
    }
    if (cr) endings.crlf++;
    else endings.lf++;
    if (visitor.reads(start, start === next)) {
      visitor.gap(gapFrom, start, gapCount);
      gapCount = 0;
      visitor.line(start, end);
      gapFrom = nl + 1;
      while (next !== -1 && next <= start) next = flagged[++h] ?? -1;
    } else gapCount++;
    start = nl + 1;
  }
  visitor.gap(gapFrom, start, gapCount);
  return -1;
}
