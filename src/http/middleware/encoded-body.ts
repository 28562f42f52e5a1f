import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { ContentEncoding } from './negotiate-encoding.js';

/** Bodies smaller than this go out as they are: compressing them saves less than it costs. */
export const MIN_COMPRESSED_BYTES = 1024;

/**
 * How hard to work. A body compressed once and kept (a cached page) gets brotli's best; a
 * body compressed for one response gets a level that keeps the request fast.
 */
export type Effort = 'once' | 'per-response';

export function encode(
  body: Uint8Array,
  encoding: ContentEncoding,
  effort: Effort,
): Uint8Array<ArrayBuffer> {
  const out =
    encoding === 'gzip'
      ? gzipSync(body, { level: effort === 'once' ? 9 : 6 })
      : brotliCompressSync(body, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: effort === 'once' ? 11 : 5,
            [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
            [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
          },
        });
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

/**
 * A body that is kept (the page cache holds these) with its compressed forms, each made the
 * first time a client asks for it and kept from then on: once per encoding, not per request.
 */
export class EncodedBody {
  private readonly forms = new Map<ContentEncoding, Uint8Array<ArrayBuffer>>();

  constructor(readonly body: Uint8Array<ArrayBuffer>) {}

  in(encoding: ContentEncoding): Uint8Array<ArrayBuffer> {
    let form = this.forms.get(encoding);
    if (!form) {
      form = encode(this.body, encoding, 'once');
      this.forms.set(encoding, form);
    }
    return form;
  }

  /** How many compressed forms were made (for the test that they are made once). */
  get formsMade(): number {
    return this.forms.size;
  }
}
