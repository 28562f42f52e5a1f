import type { Catalog } from '../codes/catalog.js';
import { formatCode } from '../codes/code-value.js';
import { type CodeInContext, extractCodes } from './extract-codes.js';
import { flaggedLines, hitTrigger, type HitTrigger, literalHint } from './hit-trigger.js';
import { detectFormat, type LogFormat } from './log-format.js';
import type { CodeGroup, FileAnalysis, Finding, Run } from './log-types.js';
import { noiseReason } from './noise.js';
import { parseLine } from './parse-line.js';
import { redact } from './redact.js';
import { runEvent, unfinished } from './runs.js';
import {
  ChunkDecoder,
  LineSplitter,
  MAX_LINE_CHARS,
  sniffEncoding,
  SNIFF_BYTES,
} from './text-decoding.js';

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
} as const;

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
};

export type AnalyserResult = { ok: true; analysis: FileAnalysis } | { ok: false; reason: string };

/**
 * A copy of a short string that does not hold on to the chunk it was cut from. V8 keeps a slice
 * of a string as a view into the whole (here a 1 MiB chunk), so one kept line would keep its
 * chunk alive, and a few hundred findings would keep hundreds of megabytes.
 */
const own = <T extends string | undefined>(s: T): T =>
  (s === undefined || s.length < 13 ? s : ` ${s}`.slice(1)) as T;

const clip = (s: string): string =>
  own(s.length > LIMITS.neighbourChars ? `${s.slice(0, LIMITS.neighbourChars)}…` : s);

/**
 * Reads one log as a stream of byte chunks, in bounded memory: push chunks as they come, then
 * `end()`. Nothing here throws on bad input; a binary file is refused after its first chunk.
 */
export class LogAnalyser {
  private head: Uint8Array[] = [];
  private headBytes = 0;
  private decoder?: ChunkDecoder;
  private refused?: string;
  private readonly splitter = new LineSplitter();
  private format?: LogFormat;
  private pendingDetect: string[] = [];
  private lineNo = 0;
  private bytes = 0;
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
  /** The fast path's trigger once the layout is known; null when every line must be read. */
  private trigger: HitTrigger | null | undefined;
  /** True while chunks are scanned for hits instead of split into lines. */
  private fast = false;
  /** The fast path's unfinished last line. */
  private carry = '';

  /** The file's name as shown: redacted like every line (it may hold a user name). */
  private readonly file: string;

  constructor(private readonly options: AnalyserOptions) {
    this.file = redact(options.file);
    this.patterns = [...new Set(options.patterns ?? [])].map((source) => ({
      source,
      regex: new RegExp(source, 'i'),
    }));
    this.anyPattern = prefilter(this.patterns.map((p) => p.source));
    this.signalHint = literalHint(this.patterns.map((p) => p.source));
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
    for (let at = 0; at < chunk.length; at += DECODE_BYTES)
      this.text(this.decoder.decode(chunk.subarray(at, at + DECODE_BYTES)));
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
    const cut = this.fast ? this.endFast() : this.splitter.end((line) => this.line(line));
    if (this.xmlEvent !== '') this.record(this.xmlEvent, true);
    this.flushDetect();
    this.awaitingAfter = [];
    if (this.openRun) this.closeRun(unfinished(this.openRun));
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
    if (this.findingsDropped > 0)
      notices.push(
        `${this.findingsDropped} further finding(s) are counted in the groups but not listed`,
      );
    const s = this.decoder.sniffed;
    return {
      ok: true,
      analysis: {
        file: this.file,
        format: this.format ?? 'text',
        encoding: `${s.encoding}${s.bom ? ' with BOM' : ''}, ${this.splitter.crlf >= this.splitter.lf ? 'CRLF' : 'LF'}`,
        bytes: this.bytes,
        lines: this.lineNo,
        notices,
        groups: [...this.groups.values()],
        findings: this.findings,
        findingsDropped: this.findingsDropped,
        runs: this.runs,
        runsDropped: this.runsDropped,
        setupResult: this.setupResult,
        signals: this.signals,
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
    this.decoder = new ChunkDecoder(sniffed);
    this.text(this.decoder.decode(head));
    return true;
  }

  private text(text: string): void {
    if (text === '') return;
    if (this.fast) return this.scan(text);
    this.splitter.push(text, (line) => this.line(line));
    this.tryFast();
  }

  /** Once the layout is known (and no overlong line is half read), goes on with the fast path. */
  private tryFast(): void {
    if (this.format === undefined || this.options.everyLine === true || this.trigger === null)
      return;
    this.trigger ??= hitTrigger(this.format, [...this.patterns.map((p) => p.source)]) ?? null;
    if (this.trigger === null) return;
    const carry = this.splitter.takeCarry();
    if (carry === undefined) return;
    this.fast = true;
    this.carry = carry;
  }

  /**
   * The fast path: one scan of the chunk's whole lines for hits (hit-trigger.ts); a flagged line,
   * and a line a finding waits for as its neighbour, are read in full as the plain path reads
   * them; every other line is only counted, and what the plain path would have kept from it
   * (the neighbours, the time, component and level) is recovered from the text by `settle`.
   */
  private scan(text: string): void {
    const full = this.carry + text;
    const lastNl = full.lastIndexOf('\n');
    this.carry = full.slice(lastNl + 1);
    if (lastNl !== -1) {
      const body = lastNl + 1 === full.length ? full : full.slice(0, lastNl + 1);
      const hits = this.trigger ? flaggedLines(body, this.trigger) : [];
      let h = 0;
      let next = hits[0] ?? -1;
      let skipped = 0;
      let skipFrom = 0;
      let start = 0;
      while (start <= lastNl) {
        const nl = full.indexOf('\n', start);
        const cr = nl > start && full.charCodeAt(nl - 1) === 13;
        const end = cr ? nl - 1 : nl;
        if (end - start > MAX_LINE_CHARS) {
          // A line past the bound: the plain splitter cuts it and skips its rest.
          if (skipped > 0) this.settle(full, skipFrom, start);
          return this.leaveFast(full.slice(start));
        }
        if (cr) this.splitter.crlf++;
        else this.splitter.lf++;
        if (start === next || this.awaitingAfter.length > 0) {
          if (skipped > 0) this.settle(full, skipFrom, start);
          skipped = 0;
          this.physical(full.slice(start, end));
          while (next !== -1 && next <= start) next = hits[++h] ?? -1;
        } else {
          if (skipped === 0) skipFrom = start;
          skipped++;
          this.lineNo++;
        }
        start = nl + 1;
      }
      if (skipped > 0) this.settle(full, skipFrom, start);
    }
    if (this.carry.length > MAX_LINE_CHARS) {
      const rest = this.carry;
      this.carry = '';
      this.leaveFast(rest);
    }
  }

  /** Back to the plain splitter from a line start (for an overlong line); it may hand back. */
  private leaveFast(rest: string): void {
    this.fast = false;
    this.carry = '';
    this.splitter.push(rest, (line) => this.line(line));
    this.tryFast();
  }

  /**
   * What reading the skipped lines `text[from, to)` one by one would have left: the last two as
   * the next finding's neighbours, and the time, component and level of the last record line.
   * Walks back from the end and stops as soon as it knows, so a long skip costs a line or two.
   */
  private settle(text: string, from: number, to: number): void {
    const format = this.format ?? 'text';
    const recent: string[] = [];
    let needState = true;
    let needTime = true;
    let lineEnd = to - 1;
    while (lineEnd >= from && (recent.length < LIMITS.neighbours || needState || needTime)) {
      const lineStart = lineEnd === from ? from : text.lastIndexOf('\n', lineEnd - 1) + 1;
      let line = text.slice(lineStart, lineEnd);
      if (line.endsWith('\r')) line = line.slice(0, -1);
      if (recent.length < LIMITS.neighbours) recent.unshift(line);
      if (needState || needTime) {
        const parsed = parseLine(format, line);
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
      }
      lineEnd = lineStart - 1;
    }
    this.before.push(...recent);
    while (this.before.length > LIMITS.neighbours) this.before.shift();
  }

  /** The fast path's last line, when the text does not end in a newline (cut mid-line). */
  private endFast(): boolean {
    const last = this.carry;
    this.carry = '';
    if (last !== '') this.line(last.endsWith('\r') ? last.slice(0, -1) : last);
    return last !== '';
  }

  private line(line: string): void {
    if (this.format === undefined) {
      this.pendingDetect.push(line);
      if (this.pendingDetect.length >= LIMITS.detectLines) this.flushDetect();
      return;
    }
    this.physical(line);
  }

  private flushDetect(): void {
    if (this.format !== undefined) return;
    this.format = detectFormat(this.file, this.pendingDetect);
    const lines = this.pendingDetect;
    this.pendingDetect = [];
    for (const line of lines) this.physical(line);
  }

  private physical(line: string): void {
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
    const format = this.format ?? 'text';
    const parsed = parseLine(format, line);
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
    if (event?.type === 'start') {
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

    const codes = this.codesIn(xml ? line : message);
    const rr = parsed.reportingResult;
    if (rr && rr.hex !== '' && rr.outcome === 'Failure' && /^[0-9a-fA-F]{1,8}$/.test(rr.hex)) {
      const value = Number.parseInt(rr.hex, 16) >>> 0;
      const same = codes.find((c) => c.value === value);
      if (same) same.context = 'ReportingEvents result column';
      else if (value >= 0x80000000)
        codes.unshift({ value, context: 'ReportingEvents result column' });
    }
    if (this.since(parsed.time ?? this.lastTime)) {
      for (const code of codes)
        this.found(code.value, code.context, code.extend, xml ? message : line);
    }

    if (rr) this.reportingRun(rr, codes[0]?.value);
    if (xml) this.xmlRun(parsed.component ?? '', codes[0]?.value);
    if (event?.type === 'end' && this.openRun) {
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
   * (only the time differs, and it is not part of the message). Callers change what they get,
   * so each gets its own copies.
   */
  private codesIn(text: string): CodeInContext[] {
    let known = this.codeMemo.get(text);
    if (known === undefined) {
      known = extractCodes(text, this.options.catalog);
      if (this.codeMemo.size >= LIMITS.codeMemo) this.codeMemo.clear();
      this.codeMemo.set(own(text), known);
    }
    return known.map((code) => ({ ...code }));
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
    const code = formatCode(value);
    const name = this.options.catalog.namesOf(value)[0]?.name;
    const finding: Finding = {
      code,
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
