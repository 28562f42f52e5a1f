import { FastPath } from './fast-path.js';
import type { HitTrigger } from './hit-trigger.js';
import type { LogFormat } from './log-format.js';
import { LIMITS, type ReadingOptions } from './log-reading.js';
import { PieceModeReading } from './piece-mode.js';
import type { PieceSummary } from './piece-summary.js';
import { type AsciiText, ChunkDecoder, sliceEnd } from './text-decoding.js';

/**
 * Reads one piece of a log (its text from a line start, pushed in slices) with the fast path
 * into a reading in piece mode, and hands back its summary for `MergingReading.absorb` (piece-mode.ts). No state
 * from the lines before the piece is needed, so any thread can do it.
 */
export class PieceReader {
  private readonly reading: PieceModeReading;
  private readonly endings = { crlf: 0, lf: 0 };
  private readonly fast: FastPath;
  private overlong = false;
  /** The piece's text until it holds its first two line ends (for `head`). */
  private start = '';
  private startDone = false;

  constructor(options: Omit<ReadingOptions, 'since'>, format: LogFormat, trigger: HitTrigger) {
    this.reading = new PieceModeReading(options, format);
    this.fast = new FastPath(this.reading, trigger, this.endings);
  }

  push(text: string): void {
    if (this.overlong || text === '') return;
    if (!this.startDone) {
      this.start += text;
      const first = this.start.indexOf('\n');
      this.startDone = first !== -1 && this.start.indexOf('\n', first + 1) !== -1;
    }
    // A line longer than the fast path reads whole: one pass reads it with the plain splitter,
    // which this piece does not copy; the caller reads the piece in one pass instead.
    if (this.fast.scan(text) !== undefined) this.overlong = true;
  }

  /** The summary; `replaced` is what decoding the piece replaced (the caller decodes). */
  end(replaced: number): PieceSummary {
    const cut = this.overlong ? false : this.fast.end();
    const head: string[] = [];
    let at = 0;
    while (head.length < LIMITS.neighbours && at < this.start.length) {
      const nl = this.start.indexOf('\n', at);
      const line = this.start.slice(at, nl === -1 ? undefined : nl);
      head.push(line.endsWith('\r') ? line.slice(0, -1) : line);
      if (nl === -1) break;
      at = nl + 1;
    }
    const result = this.reading.pieceResult();
    return {
      ...result,
      head: head.slice(0, result.lines),
      crlf: this.endings.crlf,
      lf: this.endings.lf,
      cut,
      replaced,
      overflow: result.overflow || this.overlong,
    };
  }
}

/** Bytes decoded and read at a time (as the analyser does: short strings die young). */
const SLICE_BYTES = 48 * 1024;

/**
 * The summary of a piece of a UTF-8 log given as bytes: whole lines from a line start (the
 * last piece may end the file mid-line). A line end is never inside a UTF-8 sequence, so the
 * piece decodes alone exactly as the file's stream decoder decodes those bytes.
 */
export function readPieceBytes(
  bytes: Uint8Array,
  options: Omit<ReadingOptions, 'since'>,
  format: LogFormat,
  trigger: HitTrigger,
  ascii?: AsciiText,
): PieceSummary {
  const decoder = new ChunkDecoder(
    { kind: 'text', encoding: 'utf-8', bom: false, bomLength: 0 },
    ascii,
  );
  const reader = new PieceReader(options, format, trigger);
  for (let at = 0; at < bytes.length;) {
    const end = sliceEnd(bytes, at, SLICE_BYTES, true);
    reader.push(decoder.decode(bytes.subarray(at, end)));
    at = end;
  }
  reader.push(decoder.end());
  return reader.end(decoder.replaced);
}
