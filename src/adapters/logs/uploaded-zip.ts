import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { LogSource } from '../../app/analyze-logs.js';
import { DEFAULT_ZIP_LIMITS, type ZipLimits, zipSources } from './zip-sources.js';

/**
 * An uploaded .zip, read with the same limits as one on disk. yauzl needs random access (the
 * central directory is at the end), so the upload streams to a private temporary file first
 * (constant memory) and the file is deleted when the entries are read or reading stops.
 */
export async function* uploadedZipSources(
  name: string,
  bytes: AsyncIterable<Uint8Array>,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): AsyncGenerator<LogSource> {
  const dir = await mkdtemp(join(tmpdir(), 'atlas-upload-'));
  try {
    const path = join(dir, 'upload.zip');
    await pipeline(Readable.from(bytes), createWriteStream(path, { mode: 0o600 }));
    yield* zipSources(path, name, limits);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
