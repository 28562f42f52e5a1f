import { flaggedLines, type HitTrigger } from './hit-trigger.js';
import type { LogReading } from './log-reading.js';
import { type LineEndings, walkLines } from './line-walk.js';
import { MAX_LINE_CHARS } from './text-decoding.js';

/**
 * The fast path: one scan of each decoded chunk's whole lines for hits (hit-trigger.ts); a
 * flagged line, and a line a finding waits for as its neighbour, are read in full as the plain
 * path reads them; every other line is only counted, and what the plain path would have kept
 * from it is handed to the reading as skipped text (`LogReading.skipped`).
 */
export class FastPath {
  /** The unfinished last line. */
  private carry = '';

  constructor(
    private readonly reading: LogReading,
    private readonly trigger: HitTrigger,
    private readonly endings: LineEndings,
  ) {}

  /** Goes on from a line start, with the unfinished line the plain splitter held. */
  resume(carry: string): void {
    this.carry = carry;
  }

  /**
   * Reads the text's whole lines. Returns undefined to go on, or, when a line is longer than the
   * plain splitter reads whole, the text from that line's start for the plain path to read.
   */
  scan(text: string): string | undefined {
    // Only the new text is searched for a line end: a long line fed in small pieces would
    // otherwise have its start searched again for every piece.
    const inText = text.lastIndexOf('\n');
    const full = this.carry + text;
    const lastNl = inText === -1 ? -1 : this.carry.length + inText;
    this.carry = inText === -1 ? full : text.slice(inText + 1);
    if (lastNl !== -1) {
      const body = lastNl + 1 === full.length ? full : full.slice(0, lastNl + 1);
      const rest = this.lines(body);
      if (rest !== undefined) {
        this.carry = '';
        return rest + full.slice(lastNl + 1);
      }
    }
    if (this.carry.length > MAX_LINE_CHARS) {
      const rest = this.carry;
      this.carry = '';
      return rest;
    }
    return undefined;
  }

  /** True when no unfinished line is held: the next text starts a line. */
  get atLineStart(): boolean {
    return this.carry === '';
  }

  /** The last line, when the text does not end in a newline (cut mid-line). */
  end(): boolean {
    const last = this.carry;
    this.carry = '';
    if (last !== '') this.reading.read(last.endsWith('\r') ? last.slice(0, -1) : last);
    return last !== '';
  }

  /** Whole lines (`body` ends in `\n`); the text from an overlong line on, if there is one. */
  private lines(body: string): string | undefined {
    const reading = this.reading;
    const overlong = walkLines(body, flaggedLines(body, this.trigger), this.endings, {
      reads: (_start, flagged) => flagged || reading.waitingForNeighbours,
      line: (start, end) => reading.read(body.slice(start, end)),
      gap: (from, to, count) => {
        if (count > 0) reading.skipped(body, from, to, count);
      },
    });
    return overlong === -1 ? undefined : body.slice(overlong);
  }
}
