/**
 * Bytes of a log to text, chunk by chunk: the encoding is sniffed from the first bytes (a BOM,
 * or the zero bytes UTF-16 puts beside ASCII), a binary file is refused before it is read
 * further, and every oddity (invalid UTF-8, an odd byte count in UTF-16) becomes a notice
 * instead of an exception. Pure: TextDecoder is part of the language runtime, not I/O.
 */

export type LogEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

export type Sniffed =
  | { kind: 'text'; encoding: LogEncoding; bom: boolean; bomLength: number }
  | { kind: 'binary'; reason: string };

/** How many leading bytes the sniffer looks at; the caller hands at least this much (or all). */
export const SNIFF_BYTES = 4096;

/** Control bytes that never appear in a text log (everything below 0x20 but TAB, LF, CR, FF, ESC). */
const isControl = (b: number): boolean =>
  b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b;

/** Decides the encoding from the first bytes of a file (at most SNIFF_BYTES are read). */
export function sniffEncoding(head: Uint8Array): Sniffed {
  const b = head.subarray(0, SNIFF_BYTES);
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf)
    return { kind: 'text', encoding: 'utf-8', bom: true, bomLength: 3 };
  if (b[0] === 0xff && b[1] === 0xfe)
    return { kind: 'text', encoding: 'utf-16le', bom: true, bomLength: 2 };
  if (b[0] === 0xfe && b[1] === 0xff)
    return { kind: 'text', encoding: 'utf-16be', bom: true, bomLength: 2 };
  // Without a BOM, UTF-16 of mostly-ASCII text has a zero in every other byte.
  let zeroEven = 0;
  let zeroOdd = 0;
  let control = 0;
  for (let i = 0; i < b.length; i++) {
    const byte = b[i] ?? 0;
    if (byte === 0) {
      if (i % 2 === 0) zeroEven++;
      else zeroOdd++;
    } else if (isControl(byte)) control++;
  }
  const pairs = Math.floor(b.length / 2);
  if (pairs > 0 && zeroOdd >= pairs * 0.4 && zeroEven < pairs * 0.05)
    return { kind: 'text', encoding: 'utf-16le', bom: false, bomLength: 0 };
  if (pairs > 0 && zeroEven >= pairs * 0.4 && zeroOdd < pairs * 0.05)
    return { kind: 'text', encoding: 'utf-16be', bom: false, bomLength: 0 };
  if (zeroEven + zeroOdd > 0 || control > b.length * 0.01)
    return {
      kind: 'binary',
      reason:
        'not a text log: its first bytes hold zero or control bytes that no UTF-8 or UTF-16 log has',
    };
  return { kind: 'text', encoding: 'utf-8', bom: false, bomLength: 0 };
}

/**
 * What the runtime may offer beyond TextDecoder (Node's Buffer does, see
 * adapters/logs/buffer-ascii-text.ts): telling ASCII bytes and turning them into a one-byte
 * string. TextDecoder's output here is a two-byte string even for ASCII, and `indexOf` on a
 * two-byte string does not run at memchr speed; the fast path's probes need one-byte text.
 */
export type AsciiText = {
  isAscii(bytes: Uint8Array): boolean;
  /** The text of bytes that are all ASCII (each byte one character). */
  text(bytes: Uint8Array): string;
};

/** A streaming decoder that counts what it had to repair instead of throwing. */
export class ChunkDecoder {
  private readonly decoder: TextDecoder;
  private bytes = 0;
  private skipBom: number;
  /** True when the decoder may hold the start of a UTF-8 sequence cut by the chunk's end. */
  private mayHold = false;
  /** U+FFFD written for bytes that were not valid in the encoding. */
  replaced = 0;

  constructor(
    readonly sniffed: Extract<Sniffed, { kind: 'text' }>,
    private readonly ascii?: AsciiText | undefined,
  ) {
    this.decoder = new TextDecoder(sniffed.encoding, { fatal: false, ignoreBOM: true });
    this.skipBom = sniffed.bomLength;
  }

  decode(chunk: Uint8Array): string {
    let part = chunk;
    if (this.skipBom > 0) {
      const skip = Math.min(this.skipBom, part.length);
      part = part.subarray(skip);
      this.skipBom -= skip;
    }
    this.bytes += part.length;
    // ASCII is UTF-8 as it stands (no U+FFFD to count), unless a sequence cut before it waits.
    if (
      this.sniffed.encoding === 'utf-8' &&
      this.ascii &&
      !this.mayHold &&
      this.ascii.isAscii(part)
    )
      return this.ascii.text(part);
    if (this.sniffed.encoding === 'utf-8') this.mayHold = (part[part.length - 1] ?? 0) >= 0x80;
    return this.count(this.decoder.decode(part, { stream: true }));
  }

  /** The text still held (a split character at the very end becomes U+FFFD). */
  end(): string {
    return this.count(this.decoder.decode());
  }

  /** True when a UTF-16 file had an odd number of bytes: its last byte is half a character. */
  get oddByteCount(): boolean {
    return this.sniffed.encoding !== 'utf-8' && this.bytes % 2 === 1;
  }

  private count(text: string): string {
    let from = text.indexOf('\uFFFD');
    while (from !== -1) {
      this.replaced++;
      from = text.indexOf('\uFFFD', from + 1);
    }
    return text;
  }
}

/** Longest line read whole; the rest of a longer line is skipped (and counted) so memory stays flat. */
export const MAX_LINE_CHARS = 64 * 1024;

/** Splits decoded text into lines (LF or CRLF), holding only the unfinished last line. */
export class LineSplitter {
  private carry = '';
  private overlong = false;
  /** Lines longer than MAX_LINE_CHARS (cut to that length). */
  longLines = 0;
  crlf = 0;
  lf = 0;

  /** Calls `onLine` for every complete line in `text`. */
  push(text: string, onLine: (line: string) => void): void {
    let start = 0;
    for (;;) {
      const nl = text.indexOf('\n', start);
      if (nl === -1) break;
      let piece = text.slice(start, nl);
      start = nl + 1;
      if (this.overlong) {
        this.overlong = false;
        this.carry = '';
        continue;
      }
      if (this.carry !== '') {
        piece = this.carry + piece;
        this.carry = '';
      }
      if (piece.endsWith('\r')) {
        this.crlf++;
        piece = piece.slice(0, -1);
      } else this.lf++;
      onLine(piece.length > MAX_LINE_CHARS ? this.cut(piece) : piece);
    }
    if (this.overlong) return;
    this.carry += text.slice(start);
    if (this.carry.length > MAX_LINE_CHARS) {
      onLine(this.cut(this.carry));
      this.carry = '';
      this.overlong = true;
    }
  }

  /**
   * Hands over the unfinished last line (and stops holding it) so a faster reader can go on from
   * a line start; undefined while the rest of an overlong line is being skipped.
   */
  takeCarry(): string | undefined {
    if (this.overlong) return undefined;
    const carry = this.carry;
    this.carry = '';
    return carry;
  }

  /** The last line, when the text does not end in a newline (a log cut mid-line). */
  end(onLine: (line: string) => void): boolean {
    const cutMidLine = this.carry !== '';
    if (cutMidLine) onLine(this.carry.endsWith('\r') ? this.carry.slice(0, -1) : this.carry);
    this.carry = '';
    return cutMidLine;
  }

  private cut(line: string): string {
    this.longLines++;
    return line.slice(0, MAX_LINE_CHARS);
  }
}

/**
 * The end of the slice of `bytes` from `at` (about `size` bytes): just past the slice's last
 * line end when it has one. In UTF-8 a line end byte is never part of another character, and
 * text that ends at a line end is read by the fast path as it is, where text cut mid-line is
 * first joined to the rest of its line (a copy of the whole slice).
 */
export function sliceEnd(bytes: Uint8Array, at: number, size: number, utf8: boolean): number {
  const end = Math.min(bytes.length, at + size);
  if (!utf8 || end === bytes.length) return end;
  const nl = bytes.lastIndexOf(0x0a, end - 1);
  return nl >= at ? nl + 1 : end;
}
