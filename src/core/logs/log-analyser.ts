import type { Catalog } from '../codes/catalog.js';
import { FastPath } from './fast-path.js';
import { type HitTrigger, hitTrigger } from './hit-trigger.js';
import type { LogFormat } from './log-format.js';
import { detectFormat } from './log-format.js';
import { LIMITS, own } from './log-reading.js';
import type { FileAnalysis } from './log-types.js';
import { MergingReading } from './piece-mode.js';
import type { PieceSummary } from './piece-summary.js';
import { redact } from './redact.js';
import {
  type AsciiText,
  ChunkDecoder,
  LineSplitter,
  sliceEnd,
  sniffEncoding,
  SNIFF_BYTES,
} from './text-decoding.js';

export { LIMITS };

/** Bytes decoded and scanned at a time (see `push`). */
const DECODE_BYTES = 48 * 1024;

export type AnalyserOptions = {
  file: string;
  catalog: Catalog;
  /** Text patterns the rules look for (case-insensitive), counted as signals. */
  patterns?: readonly string[];
  /** Findings before this time (same `yyyy-MM-dd HH:mm:ss` form) are skipped. */
  since?: string | undefined;
  /**
   * Read every line in full instead of only the lines a hit trigger flags. The answer is the
   * same (the tests hold the fast path to it); this is the reference reading, and a way out.
   */
  everyLine?: boolean | undefined;
  /** A faster way to read ASCII bytes, when the runtime has one (see text-decoding.ts). */
  ascii?: AsciiText | undefined;
};

/**
 * What summarising a piece elsewhere needs (see `handOff`): the layout, and the patterns and
 * sample the trigger was built from (`hitTrigger(format, patterns, sample)` builds the same one there).
 */
export type HandOff = { format: LogFormat; patterns: readonly string[]; sample: string };

/** Text pushed to the plain splitter at a time until the fast path can take over. */
const PLAIN_STEP = 8 * 1024;

/** Text of the first lines the probes' needles are chosen by (hit-probes.ts). */
const SAMPLE_CHARS = 16 * 1024;

export type AnalyserResult = { ok: true; analysis: FileAnalysis } | { ok: false; reason: string };

/**
 * Reads one log as a stream of byte chunks, in bounded memory: push chunks as they come, then
 * `end()`. The bytes are sniffed (a binary file is refused after its first chunk), decoded and
 * split into lines; the first lines tell the layout, then the fast path (fast-path.ts) takes
 * over where it can, and the plain splitter reads the rest. Nothing here throws on bad input.
 */
export class LogAnalyser {
  private head: Uint8Array[] = [];
  private headBytes = 0;
  private decoder?: ChunkDecoder;
  private refused?: string;
  private readonly splitter = new LineSplitter();
  private pendingDetect: string[] = [];
  private reading: MergingReading | undefined;
  private bytes = 0;
  private trigger: HitTrigger | undefined;
  /** The fast path once the layout allows it; null when every line must be read. */
  private fastPath: FastPath | null | undefined;
  /** True while chunks go to the fast path instead of the plain splitter. */
  private fast = false;
  /** An absorbed piece ended the file without a line end. */
  private absorbedCut = false;
  /** The lines the layout was told from, for the trigger's needles. */
  private sample = '';

  /** The file's name as shown: redacted like every line (it may hold a user name). */
  private readonly file: string;

  constructor(private readonly options: AnalyserOptions) {
    this.file = redact(options.file);
  }

  /** False once the file is refused: the caller can stop reading. */
  push(chunk: Uint8Array): boolean {
    if (this.refused) return false;
    this.bytes += chunk.length;
    if (!this.decoder) {
      this.head.push(chunk);
      this.headBytes += chunk.length;
      if (this.headBytes < SNIFF_BYTES) return true;
      return this.startDecoding();
    }
    // Decoded in slices: a string of this size stays in V8's young generation and dies cheaply,
    // where a 1 MiB one would wait for a full collection (and peak memory would climb with it).
    const utf8 = this.decoder.sniffed.encoding === 'utf-8';
    for (let at = 0; at < chunk.length;) {
      const end = sliceEnd(chunk, at, DECODE_BYTES, utf8);
      this.text(this.decoder.decode(chunk.subarray(at, end)));
      at = end;
    }
    return true;
  }

  /**
   * When the bytes pushed so far end at a line end of a UTF-8 log read by the fast path, what
   * another thread needs to read the following whole lines as pieces (piece-reading.ts); the
   * caller then hands their summaries to `absorb` in order instead of pushing those bytes.
   */
  handOff(): HandOff | undefined {
    const reading = this.reading;
    if (this.refused || this.decoder?.sniffed.encoding !== 'utf-8' || reading === undefined)
      return undefined;
    if (!this.fast || !this.fastPath?.atLineStart || !this.trigger) return undefined;
    return { format: reading.format, patterns: this.options.patterns ?? [], sample: this.sample };
  }

  /**
   * Merges the summary of the next `bytes` bytes (whole lines, read elsewhere from a fresh
   * state, piece-reading.ts) as if they had been pushed; false when it cannot be merged
   * exactly (see `handOff` and `MergingReading.canAbsorb`): the caller then pushes those bytes.
   */
  absorb(piece: PieceSummary, bytes: number): boolean {
    const reading = this.reading;
    if (!this.decoder || !reading || this.handOff() === undefined || !reading.canAbsorb(piece))
      return false;
    this.bytes += bytes;
    this.decoder.replaced += piece.replaced;
    this.splitter.crlf += piece.crlf;
    this.splitter.lf += piece.lf;
    reading.absorb(piece);
    if (piece.cut) this.absorbedCut = true;
    return true;
  }

  end(): AnalyserResult {
    if (!this.decoder && !this.refused) {
      if (this.headBytes === 0)
        return { ok: false, reason: 'empty file (zero bytes): nothing to read' };
      this.startDecoding();
    }
    if (this.refused || !this.decoder) return { ok: false, reason: this.refused ?? 'unreadable' };
    this.text(this.decoder.end());
    const notices: string[] = [];
    const cut =
      (this.fast && this.fastPath ? this.fastPath.end() : this.splitter.end((l) => this.line(l))) ||
      this.absorbedCut;
    const reading = this.flushDetect();
    const read = reading.finish();
    if (cut) notices.push('the last line has no line end: the log may have been cut mid-line');
    if (this.decoder.oddByteCount)
      notices.push(
        'UTF-16 with an odd number of bytes: the last byte is half a character and was ignored',
      );
    if (this.decoder.replaced > 0)
      notices.push(
        `${this.decoder.replaced} byte sequence(s) were not valid ${this.decoder.sniffed.encoding} and were replaced with �`,
      );
    if (this.splitter.longLines > 0)
      notices.push(
        `${this.splitter.longLines} line(s) longer than 64 KiB: only their first 64 KiB were read`,
      );
    if (read.findingsDropped > 0)
      notices.push(
        `${read.findingsDropped} further finding(s) are counted in the groups but not listed`,
      );
    const s = this.decoder.sniffed;
    return {
      ok: true,
      analysis: {
        file: this.file,
        format: reading.format,
        encoding: `${s.encoding}${s.bom ? ' with BOM' : ''}, ${this.splitter.crlf >= this.splitter.lf ? 'CRLF' : 'LF'}`,
        bytes: this.bytes,
        lines: read.lines,
        notices,
        groups: read.groups,
        findings: read.findings,
        findingsDropped: read.findingsDropped,
        runs: read.runs,
        runsDropped: read.runsDropped,
        setupResult: read.setupResult,
        signals: read.signals,
      },
    };
  }

  private startDecoding(): boolean {
    const head = concat(this.head, this.headBytes);
    this.head = [];
    const sniffed = sniffEncoding(head);
    if (sniffed.kind === 'binary') {
      this.refused = sniffed.reason;
      return false;
    }
    this.decoder = new ChunkDecoder(sniffed, this.options.ascii);
    this.text(this.decoder.decode(head));
    return true;
  }

  private text(text: string): void {
    if (text === '') return;
    if (this.fast && this.fastPath) {
      const rest = this.fastPath.scan(text);
      if (rest !== undefined) this.plain(rest);
      return;
    }
    this.plain(text);
  }

  /**
   * The plain splitter from a line start; it hands over to the fast path when it can. Until
   * the layout is known, the text goes in steps: the first chunk is a whole read (a MiB), and
   * all of it read line by line cost a tenth of a 50 MiB file's time.
   */
  private plain(text: string): void {
    this.fast = false;
    const step =
      this.fastPath === undefined && this.options.everyLine !== true ? PLAIN_STEP : text.length;
    for (let at = 0; at < text.length; at += step) {
      this.splitter.push(step === text.length ? text : text.slice(at, at + step), (line) =>
        this.line(line),
      );
      this.tryFast();
      if (this.fast) {
        if (at + step < text.length) this.text(text.slice(at + step));
        return;
      }
    }
  }

  /** Once the layout is known (and no overlong line is half read), goes on with the fast path. */
  private tryFast(): void {
    const reading = this.reading;
    if (reading === undefined || this.options.everyLine === true || this.fastPath === null) return;
    if (this.fastPath === undefined) {
      const trigger = hitTrigger(reading.format, [...(this.options.patterns ?? [])], this.sample);
      if (trigger === undefined) {
        this.fastPath = null;
        return;
      }
      this.trigger = trigger;
      this.fastPath = new FastPath(reading, trigger, this.splitter);
    }
    const carry = this.splitter.takeCarry();
    if (carry === undefined) return;
    this.fastPath.resume(carry);
    this.fast = true;
  }

  private line(line: string): void {
    if (this.reading === undefined) {
      this.pendingDetect.push(line);
      if (this.pendingDetect.length >= LIMITS.detectLines) this.flushDetect();
      return;
    }
    this.reading.read(line);
  }

  /** The reading, in the layout the first lines tell (all of them, for a short file). */
  private flushDetect(): MergingReading {
    if (this.reading !== undefined) return this.reading;
    const reading = new MergingReading(
      {
        file: this.file,
        catalog: this.options.catalog,
        patterns: this.options.patterns ?? [],
        since: this.options.since,
      },
      detectFormat(this.file, this.pendingDetect),
    );
    this.reading = reading;
    const lines = this.pendingDetect;
    this.sample = own(lines.join('\n').slice(0, SAMPLE_CHARS));
    this.pendingDetect = [];
    for (const line of lines) reading.read(line);
    return reading;
  }
}

function concat(parts: Uint8Array[], total: number): Uint8Array {
  if (parts.length === 1 && parts[0]) return parts[0];
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
