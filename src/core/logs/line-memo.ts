import type { Catalog } from '../codes/catalog.js';
import { type CodeInContext, extractCodes } from './extract-codes.js';
import type { LogFormat } from './log-format.js';
import { type ParsedLine, parseLine, windowsUpdateTime } from './parse-line.js';
import { type RunEvent, runEvent } from './runs.js';

/**
 * What a record line says beyond its time (its parse, its codes, its run event), remembered per
 * text after the time: a flood repeats one line thousands of times with only the time changed,
 * and parsing it, finding its codes and its run event again each time was most of the cost of
 * a hit line. Only layouts whose lines start with a time of fixed width are remembered, and
 * only when the line starts with one (what follows it then decides the parse alone, and a time
 * is told from those characters as the layout's parser tells it). Each entry is copied out of
 * its chunk; the memo is emptied when full, so it holds a bounded number of short strings.
 */
export type LineFacts = {
  /** The parse, but for its time (`time`). */
  parsed: ParsedLine;
  time: string | undefined;
  codes: readonly CodeInContext[];
  event: RunEvent | undefined;
};

type Stamp = {
  /** Characters of the time and what separates it from the rest. */
  width: number;
  /** True when `line` starts with the stamp's shape, exactly as the layout's regex reads it. */
  starts: (line: string) => boolean;
  time: (line: string) => string;
};

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
/** `shape` char by char: `d` an ASCII digit, any other character itself. */
const startsLike =
  (shape: string) =>
  (line: string): boolean => {
    if (line.length < shape.length) return false;
    for (let i = 0; i < shape.length; i++) {
      const want = shape.charCodeAt(i);
      const c = line.charCodeAt(i);
      if (want === 100 ? !isDigit(c) : c !== want) return false;
    }
    return true;
  };

/** SERVICING_LINE's `yyyy-MM-dd HH:mm:ss, ` (log-format.ts): the time is its first 19. */
const SERVICING: Stamp = {
  width: 21,
  starts: startsLike('dddd-dd-dd dd:dd:dd, '),
  time: (line) => line.slice(0, 19),
};

const STAMPS: Partial<Record<LogFormat, Stamp>> = {
  cbs: SERVICING,
  dism: SERVICING,
  panther: SERVICING,
  // WU_LINE's `yyyy/MM/dd HH:mm:ss.fffffff ` (log-format.ts).
  'windows-update': {
    width: 28,
    starts: startsLike('dddd/dd/dd dd:dd:dd.ddddddd '),
    time: (line) => windowsUpdateTime(line.slice(0, 27)),
  },
};

/** Entries at most. */
const ENTRIES = 1024;
/**
 * Lookups between two looks at the hit rate. A full memo is emptied only when fewer than a
 * quarter of them hit (the floods it holds have ended): emptied at every 1024 new texts, as a
 * flood of lines that each differ (CSI's numbered probes) made it, it was rebuilt without end
 * and cost more than it saved.
 */
const EPOCH = 8192;

export class LineMemo {
  private readonly stamp: Stamp | undefined;
  private readonly known = new Map<string, LineFacts>();
  /** The answer, reused from line to line (read at once by the caller). */
  private readonly answer: LineFacts = {
    parsed: { record: false, message: '' },
    time: undefined,
    codes: [],
    event: undefined,
  };

  private lookups = 0;
  private hits = 0;

  constructor(
    private readonly format: LogFormat,
    private readonly catalog: Pick<Catalog, 'valueOfName'>,
  ) {
    this.stamp = STAMPS[format];
  }

  /**
   * The line's facts (valid until the next call), or undefined when it is not a line this
   * memo reads (see above).
   */
  facts(line: string): LineFacts | undefined {
    const stamp = this.stamp;
    if (stamp === undefined || !stamp.starts(line)) return undefined;
    const rest = line.slice(stamp.width);
    let known = this.known.get(rest);
    if (known === undefined) {
      const parsed = parseLine(this.format, line);
      // A line that is not a record is a continuation: its message is the whole line, time and all.
      if (!parsed.record) return undefined;
      const event = runEvent(this.format, parsed.message);
      const codes = extractCodes(parsed.message, this.catalog);
      if (this.known.size < ENTRIES) {
        // Copied: an entry must not hold on to the chunk its line was cut from.
        known = {
          parsed: {
            record: true,
            message: copy(parsed.message),
            component: copy(parsed.component),
            level: copy(parsed.level),
          },
          time: undefined,
          codes,
          event: event?.type === 'start' ? { ...event, label: copy(event.label) } : event,
        };
        this.known.set(copy(rest), known);
      } else known = { parsed, time: undefined, codes, event };
    } else this.hits++;
    if (++this.lookups === EPOCH) this.epoch();
    const answer = this.answer;
    answer.parsed = known.parsed;
    answer.codes = known.codes;
    answer.event = known.event;
    answer.time = stamp.time(line);
    return answer;
  }

  private epoch(): void {
    if (this.known.size >= ENTRIES && this.hits * 4 < EPOCH) this.known.clear();
    this.lookups = 0;
    this.hits = 0;
  }
}

/** A string of its own (not a view into the chunk it was cut from). */
const copy = <T extends string | undefined>(s: T): T =>
  (s === undefined ? s : ` ${s}`.slice(1)) as T;
