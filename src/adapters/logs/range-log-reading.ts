import { open, type FileHandle } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import type { ReadLog } from '../../app/analyze-logs.js';
import { availableParallelism } from 'node:os';
import { hitTrigger } from '../../core/logs/hit-trigger.js';
import { LogAnalyser } from '../../core/logs/log-analyser.js';
import { readPieceBytes } from '../../core/logs/piece-reading.js';
import { redact } from '../../core/logs/redact.js';
import type { PieceSummary } from '../../core/logs/piece-summary.js';
import { bufferAsciiText, readLogWithBuffers } from './buffer-ascii-text.js';
import type { PieceReply, PieceRequest, PieceWorkerData } from './piece-worker.js';

/**
 * A large UTF-8 log file read on worker threads with the same answer as one thread: this
 * thread reads the start until the layout is known, cuts the rest at line ends into pieces,
 * and each worker reads its pieces from the file at their offsets and reads them in full from
 * a fresh state (piece-worker.ts); this thread merges the small summaries in file order
 * (`LogAnalyser.absorb`). A piece the merge cannot take exactly (an overlong line, more codes
 * than the bounds) is read here in one pass. Streams without a path (uploads, zip entries),
 * small files, `--since` and UTF-16 are read in this thread as before.
 */
export type RangeSettings = {
  workers: number;
  /** Bytes per piece (cut at the first line end after). */
  pieceBytes: number;
  /** Smaller files are read in this thread. */
  minBytes: number;
  /** Pieces asked for ahead of the merge. */
  inFlight: number;
  /** The worker script (tests running the TypeScript sources point at the built one). */
  workerUrl?: URL | undefined;
  /** The code tables the caller's catalog was built from (default: the bundled ones). */
  tablesDir?: string | undefined;
  /**
   * Counts pieces merged, those of them a worker read, and pieces read here in one pass
   * instead (tests, the bench).
   */
  stats?: { pieces: number; byWorkers: number; here: number } | undefined;
};

/** This thread reads pieces too: one worker per other core. */
export const RANGE_DEFAULTS: RangeSettings = {
  workers: Math.max(1, availableParallelism() - 1),
  pieceBytes: 2 * 1024 * 1024,
  minBytes: 16 * 1024 * 1024,
  // Summaries are small: a wide window keeps this thread reading instead of waiting.
  inFlight: 64,
};

/** Bytes read at a time in this thread. */
const READ_BYTES = 1024 * 1024;
/** How far past a nominal cut its line end is looked for (a longer line is not cut there). */
const CUT_SEARCH_BYTES = 64 * 1024;

/** Worker threads, each with at most `depth` pieces asked of it; each reply matched to its request. */
class PiecePool {
  private readonly asked = new Map<Worker, number>();
  private readonly waiting = new Map<
    number,
    { resolve: (s: PieceSummary) => void; reject: (e: Error) => void }
  >();
  private next = 0;
  private failed: Error | undefined;

  constructor(
    count: number,
    data: PieceWorkerData,
    url: URL,
    private readonly depth: number,
  ) {
    // Node flags are inherited, but `--input-type` (of a `node -e` parent) stops a worker.
    const execArgv = process.execArgv.filter((a) => !a.startsWith('--input-type'));
    for (let i = 0; i < count; i++) {
      // No resourceLimits: a 2 MiB young generation took peak RSS from ~180 to ~150 MB but made
      // garbage collection a quarter of a worker's time (DECISIONS.md).
      const worker = new Worker(url, { workerData: data, execArgv });
      worker.on('message', (reply: PieceReply) => {
        this.asked.set(worker, (this.asked.get(worker) ?? 1) - 1);
        this.waiting.get(reply.id)?.resolve(reply.summary);
        this.waiting.delete(reply.id);
      });
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => {
        // Not waited for at close (a worker that could not start has already gone).
        this.asked.delete(worker);
        if (this.waiting.size > 0) this.fail(new Error(`piece worker stopped (exit ${code})`));
      });
      this.asked.set(worker, 0);
    }
  }

  /** True when some worker can be asked for one more piece. */
  get hasRoom(): boolean {
    for (const n of this.asked.values()) if (n < this.depth) return true;
    return false;
  }

  read(start: number, end: number): Promise<PieceSummary> {
    let worker: Worker | undefined;
    for (const [w, n] of this.asked)
      if (worker === undefined || n < (this.asked.get(worker) ?? 0)) worker = w;
    const id = this.next++;
    return new Promise<PieceSummary>((resolve, reject) => {
      if (this.failed || worker === undefined) {
        reject(this.failed ?? new Error('no piece worker'));
        return;
      }
      this.waiting.set(id, { resolve, reject });
      this.asked.set(worker, (this.asked.get(worker) ?? 0) + 1);
      const request: PieceRequest = { id, start, end };
      worker.postMessage(request);
    });
  }

  /** Each worker closes its file and ends (a terminated one would leave its descriptor open). */
  async close(): Promise<void> {
    await Promise.all(
      [...this.asked.keys()].map(
        (worker) =>
          new Promise<void>((resolve) => {
            worker.once('exit', () => resolve());
            worker.postMessage('close');
          }),
      ),
    );
  }

  private fail(error: Error): void {
    this.failed = error;
    for (const { reject } of this.waiting.values()) reject(error);
    this.waiting.clear();
  }
}

async function readAt(
  handle: FileHandle,
  start: number,
  length: number,
  into?: Buffer,
): Promise<Uint8Array> {
  const bytes =
    into && into.length >= length ? into.subarray(0, length) : Buffer.allocUnsafe(length);
  let got = 0;
  while (got < length) {
    const { bytesRead } = await handle.read(bytes, got, length - got, start + got);
    if (bytesRead === 0) break;
    got += bytesRead;
  }
  return bytes.subarray(0, got);
}

/** Piece boundaries from `from` to `size`: each just past the first line end after a step. */
async function pieceCuts(
  handle: FileHandle,
  from: number,
  size: number,
  step: number,
): Promise<number[]> {
  const cuts = [from];
  for (let nominal = from + step; nominal < size; nominal += step) {
    if (nominal <= (cuts[cuts.length - 1] ?? 0)) continue;
    const near = await readAt(handle, nominal - 1, Math.min(CUT_SEARCH_BYTES, size - nominal + 1));
    const nl = near.indexOf(0x0a);
    if (nl !== -1 && nominal + nl < size) cuts.push(nominal + nl);
  }
  cuts.push(size);
  return cuts;
}

/** A ReadLog that spreads a large file on disk over worker threads. */
export function rangeLogReader(settings: RangeSettings = RANGE_DEFAULTS): ReadLog {
  return async (source, options, onChunk) => {
    const path = source.path;
    if (
      path === undefined ||
      source.size === undefined ||
      source.size < settings.minBytes ||
      options.since !== undefined
    )
      return readLogWithBuffers(source, options, onChunk);
    // This reader reads the file at offsets itself: the stream is not needed.
    await source.chunks[Symbol.asyncIterator]().return?.();
    const handle = await open(path, 'r');
    let pool: PiecePool | undefined;
    try {
      const size = (await handle.stat()).size;
      const analyser = new LogAnalyser({ ...options, ascii: bufferAsciiText });
      let at = 0;
      /** The bytes [at, end) read here, in chunks that end at line ends where they can. */
      const here = async (end: number): Promise<boolean> => {
        while (at < end) {
          let chunk = await readAt(handle, at, Math.min(READ_BYTES, settings.pieceBytes, end - at));
          if (chunk.length === 0) return true;
          const nl = chunk.lastIndexOf(0x0a);
          if (nl !== -1 && at + chunk.length < end) chunk = chunk.subarray(0, nl + 1);
          at += chunk.length;
          onChunk(at);
          if (!analyser.push(chunk)) return false;
          if (analyser.handOff() && pool === undefined) return true;
        }
        return true;
      };
      if (!(await here(size))) return analyser.end();
      const handOff = analyser.handOff();
      if (at < size && handOff) {
        pool = new PiecePool(
          settings.workers,
          {
            path,
            file: options.file,
            format: handOff.format,
            patterns: handOff.patterns,
            sample: handOff.sample,
            tablesDir: settings.tablesDir,
          },
          settings.workerUrl ?? new URL('./piece-worker.js', import.meta.url),
          2,
        );
        const cuts = await pieceCuts(handle, at, size, settings.pieceBytes);
        const count = cuts.length - 1;
        const range = (k: number): [number, number] => [cuts[k] ?? 0, cuts[k + 1] ?? 0];
        const trigger = hitTrigger(handOff.format, handOff.patterns, handOff.sample);
        if (trigger === undefined) throw new Error('a hand-off without a hit trigger');
        const file = redact(options.file);
        const done = new Map<number, PieceSummary>();
        const asked = new Map<number, Promise<void>>();
        let failure: Error | undefined;
        let next = 0;
        /** The pieces read here are read into one buffer (their text is a copy). */
        let reused = Buffer.allocUnsafe(0);
        const readHere = async (k: number): Promise<void> => {
          const [start, end] = range(k);
          if (reused.length < end - start) reused = Buffer.allocUnsafe(end - start);
          const bytes = await readAt(handle, start, end - start, reused);
          done.set(
            k,
            readPieceBytes(
              bytes,
              { file, catalog: options.catalog, patterns: handOff.patterns },
              handOff.format,
              trigger,
              bufferAsciiText,
            ),
          );
        };
        for (let i = 0; i < count;) {
          // Workers first, each kept a piece ahead; this thread takes the next piece itself
          // rather than wait (so a worker still starting up costs nothing).
          while (!failure && next < count && next < i + settings.inFlight && pool.hasRoom) {
            const k = next++;
            asked.set(
              k,
              pool.read(...range(k)).then(
                (summary) => {
                  done.set(k, summary);
                  if (settings.stats) settings.stats.byWorkers++;
                },
                (error: unknown) => {
                  failure ??= error instanceof Error ? error : new Error(String(error));
                },
              ),
            );
          }
          const summary = done.get(i);
          if (summary === undefined) {
            // A worker that failed (could not start, ran out of memory): its pieces are read here.
            if (failure) await readHere(i);
            else if (next < count && next < i + settings.inFlight) {
              await readHere(next++);
              // Lets the workers' replies in, and asks them for more.
              await new Promise((resolve) => setImmediate(resolve));
            } else await asked.get(i);
            continue;
          }
          done.delete(i);
          asked.delete(i);
          const [start, end] = range(i);
          if (analyser.absorb(summary, end - start)) {
            at = end;
            onChunk(at);
            if (settings.stats) settings.stats.pieces++;
          } else {
            if (settings.stats) settings.stats.here++;
            if (!(await here(end))) break;
          }
          i++;
        }
      }
      return analyser.end();
    } finally {
      await pool?.close();
      await handle.close();
    }
  };
}
