import { isAscii } from 'node:buffer';
import type { AsciiText } from '../../core/logs/text-decoding.js';

/**
 * ASCII bytes to a one-byte string with Node's Buffer (a copy, ~5 GB/s here on 48 KiB slices),
 * where TextDecoder gives a two-byte string that the fast path's `indexOf` scans far slower.
 * Its own module: a piece worker needs it without the app's imports (the rule schema's yaml
 * and zod among them).
 */
export const bufferAsciiText: AsciiText = {
  isAscii: (bytes) => isAscii(bytes),
  text: (bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'),
};
