import { isAscii } from 'node:buffer';
import { type ReadLog, readLogHere } from '../../app/analyze-logs.js';
import type { AsciiText } from '../../core/logs/text-decoding.js';

/**
 * ASCII bytes to a one-byte string with Node's Buffer (a copy, ~5 GB/s here on 48 KiB slices),
 * where TextDecoder gives a two-byte string that the fast path's `indexOf` scans far slower.
 */
export const bufferAsciiText: AsciiText = {
  isAscii: (bytes) => isAscii(bytes),
  text: (bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'),
};

/** One file read in this thread (readLogHere), its ASCII read through Buffer. */
export const readLogWithBuffers: ReadLog = (source, options, onChunk) =>
  readLogHere(source, { ...options, ascii: bufferAsciiText }, onChunk);
