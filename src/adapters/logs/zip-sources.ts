import type { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import type { SizedLogSource } from './sized-log-source.js';
import { kindOfName, NOT_READ } from './log-file-names.js';
import { LogInputError } from './log-input-error.js';

/** Bounds on what one archive may unpack to; past any of them the whole archive is refused. */
export type ZipLimits = {
  maxEntries: number;
  /** The sum of the declared uncompressed sizes of the entries that are read. */
  maxTotalBytes: number;
  /** Uncompressed over compressed size of one entry, checked once an entry passes 1 MiB. */
  maxRatio: number;
};

/**
 * Text logs deflate well (10–50:1 is common; a flood of one repeated CBS line reaches ~150:1);
 * deflate's ceiling is ~1032:1, which is what bombs use. 4 GiB is four times the largest
 * upload the server takes by default.
 */
export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 2000,
  maxTotalBytes: 4 * 1024 ** 3,
  maxRatio: 200,
};

const RATIO_FROM_BYTES = 1024 * 1024;

const openZip = (path: string): Promise<ZipFile> =>
  new Promise((resolve, reject) =>
    // validateEntrySizes (the default) makes an entry's stream fail when it inflates past its
    // declared size, so the sizes checked below are the sizes read.
    yauzl.open(path, { lazyEntries: true, autoClose: true }, (error, zip) =>
      error || !zip ? reject(error ?? new Error('no zip')) : resolve(zip),
    ),
  );

/** The next entry, or undefined at the end; yauzl's name checks (`../`, `/x`, `C:`) reject. */
const nextEntry = (zip: ZipFile): Promise<Entry | undefined> =>
  new Promise((resolve, reject) => {
    const cleanup = (): void => {
      zip.off('entry', onEntry);
      zip.off('end', onEnd);
      zip.off('error', onError);
    };
    const onEntry = (entry: Entry): void => (cleanup(), resolve(entry));
    const onEnd = (): void => (cleanup(), resolve(undefined));
    const onError = (error: Error): void => (cleanup(), reject(error));
    zip.on('entry', onEntry);
    zip.on('end', onEnd);
    zip.on('error', onError);
    zip.readEntry();
  });

const openEntry = (zip: ZipFile, entry: Entry): Promise<Readable> =>
  new Promise((resolve, reject) =>
    zip.openReadStream(entry, (error, stream) =>
      error || !stream ? reject(error ?? new Error('no stream')) : resolve(stream),
    ),
  );

const isDirectory = (entry: Entry): boolean => entry.fileName.endsWith('/');

/** Our own name check besides yauzl's: no parent steps, no absolute or drive paths. */
export function nameEscapes(name: string): boolean {
  const parts = name.replace(/\\/g, '/').split('/');
  return /^([a-zA-Z]:|\/)/.test(name.replace(/\\/g, '/')) || parts.includes('..');
}

/**
 * First pass, over the central directory only (no data is inflated): the whole archive is
 * refused when it is hostile or too big, before a byte of it is analysed.
 */
async function whyRefuse(path: string, limits: ZipLimits): Promise<string | undefined> {
  let zip: ZipFile;
  try {
    zip = await openZip(path);
  } catch (error) {
    return `not a readable .zip archive (${(error as Error).message})`;
  }
  if (zip.entryCount > limits.maxEntries) {
    zip.close();
    return `the archive holds ${zip.entryCount} entries; at most ${limits.maxEntries} are read — zip the logs folder alone`;
  }
  let total = 0;
  try {
    for (let entry = await nextEntry(zip); entry; entry = await nextEntry(zip)) {
      if (nameEscapes(entry.fileName))
        return `the entry "${entry.fileName}" is named outside the archive's folder; such an archive is refused whole`;
      if (isDirectory(entry) || kindOfName(entry.fileName) !== 'log') continue;
      total += entry.uncompressedSize;
      if (total > limits.maxTotalBytes)
        return `the logs in the archive unpack to more than ${limits.maxTotalBytes} bytes; send fewer or smaller logs`;
      if (
        entry.uncompressedSize > RATIO_FROM_BYTES &&
        entry.uncompressedSize > entry.compressedSize * limits.maxRatio
      )
        return `the entry "${entry.fileName}" would inflate ${Math.round(entry.uncompressedSize / Math.max(entry.compressedSize, 1))} times (at most ${limits.maxRatio}): refused as a possible zip bomb`;
    }
  } catch (error) {
    // yauzl's own checks: an absolute or `../` name, a bad header, a truncated directory.
    zip.close();
    const message = (error as Error).message;
    return /relative path|absolute path/.test(message)
      ? `an entry is named outside the archive's folder (${message}); such an archive is refused whole`
      : `the archive cannot be read safely (${message}); such an archive is refused whole`;
  }
  return undefined;
}

/** An entry's bytes; a stream that fails (a corrupt entry, a size lie) is the input's fault. */
async function* entryChunks(stream: Readable, name: string): AsyncGenerator<Uint8Array> {
  try {
    for await (const chunk of stream) yield chunk as Uint8Array;
  } catch (error) {
    throw new LogInputError(`${name}: the entry is corrupt (${(error as Error).message})`);
  } finally {
    stream.destroy();
  }
}

/**
 * The logs inside a .zip, one source per entry, streamed: each entry is inflated as the
 * analyser reads it and the next is opened only once it is done, so memory holds one chunk,
 * never a whole file. Nested folders are fine; names are shown as `logs.zip/CBS/CBS.log`.
 */
export async function* zipSources(
  path: string,
  shownName: string,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): AsyncGenerator<SizedLogSource> {
  const refusal = await whyRefuse(path, limits);
  if (refusal !== undefined) {
    yield { name: shownName, refused: refusal };
    return;
  }
  const zip = await openZip(path);
  let read = 0;
  try {
    for (let entry = await nextEntry(zip); entry; entry = await nextEntry(zip)) {
      if (isDirectory(entry)) continue;
      const name = `${shownName}/${entry.fileName}`;
      const kind = kindOfName(entry.fileName);
      if (kind === 'cab') yield { name, refused: NOT_READ.cab };
      else if (kind === 'zip') yield { name, refused: NOT_READ.zipInZip };
      else if (kind === 'etl' || kind === 'evtx') yield { name, refused: NOT_READ[kind] };
      else if (kind === 'log') {
        if (entry.isEncrypted()) {
          yield { name, refused: 'the entry is encrypted: zip the logs without a password' };
          continue;
        }
        if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
          yield {
            name,
            refused: `the entry uses compression method ${entry.compressionMethod}; only stored and deflated entries are read`,
          };
          continue;
        }
        read++;
        yield {
          name,
          size: entry.uncompressedSize,
          chunks: entryChunks(await openEntry(zip, entry), name),
        };
      }
    }
  } finally {
    zip.close();
  }
  if (read === 0)
    yield { name: shownName, refused: 'the archive holds no log files (.log, .txt, .xml, .csv)' };
}
