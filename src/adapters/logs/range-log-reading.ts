import { open, type FileHandle } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import type { ReadLog } from '../../app/analyze-logs.js';
import { availableParallelism, loadavg } from 'node:os';
import { LogAnalyser } from '../../core/logs/log-analyser.js';
import type { PieceSummary } from '../../core/logs/piece-summary.js';
import { bufferAsciiText } from './ascii-buffer-text.js';
import { readLogWithBuffers } from './buffer-ascii-text.js';
import { pieceCatalog } from './piece-catalog.js';
import {
  claimFront,
  firstOfWorkers,
  MAX_PIECES,
  merged,
  newClaims,
  openClaims,
  stopClaims,
} from './piece-claims.js';
import type { PieceReply, PieceSetup, PieceWorkerData } from './piece-worker.js';

/**
 * A large UTF-8 log file read on this thread and worker threads with the same answer as one
 * thread. The workers start at once (their start-up overlaps the rest); this thread reads the
 * start until the layout is known and cuts the rest at line ends into pieces. Then this thread
 * reads pieces from the front as one thread would (nothing to merge), while the workers take
 * pieces from the back (piece-claims.ts), each read from a fresh state into a small summary
 * (piece-worker.ts); when the two meet, this thread merges the workers' summaries in file order
 * (`LogAnalyser.absorb`). A piece the merge cannot take exactly (an overlong line, more codes
 * than the bounds), or that a failed worker did not answer, is read here. Streams without a path
 * (uploads, zip entries), small files, `--since`, UTF-16, and any file while the machine has no
 * core to spare are read in this thread as before.
 */
export type RangeSettings = {
  workers: number;
  /** Bytes per piece (cut at the first line end after). */
  pieceBytes: number;
  /** Smaller files are read in this thread. */
  minBytes: number;
  /**
   * At a higher 1-minute load average, files are read in this thread: with no idle core, a
   * worker only takes time from this thread (measured: slower than one thread at load 4 on 2 cores).
   */
  maxLoad: number;
  /**
   * This thread claims pieces only once every worker is ready or gone (tests: so that workers
   * read some pieces of a small file, however long they take to start).
   */
  awaitWorkers?: boolean | undefined;
  /** The worker script (tests running the TypeScript sources point at the built one). */
  workerUrl?: URL | undefined;
  /**
   * Counts pieces merged from summaries, summaries the workers sent, pieces read here in one
   * pass instead of merged, and pieces this thread took from the front (tests, the bench).
   */
  stats?: { pieces: number; byWorkers: number; here: number; mine?: number } | undefined;
};

/**
 * One worker per other core; with two cores, this thread and one worker read about half each.
 * Below 128 MiB one thread was as fast or faster on the shared 2-core machine (a worker's
 * start-up, and its neighbours' load, weigh more on a short read): such files stay in one thread.
 */
export const RANGE_DEFAULTS: RangeSettings = {
  workers: Math.max(1, availableParallelism() - 1),
  pieceBytes: 4 * 1024 * 1024,
  minBytes: 128 * 1024 * 1024,
  // This process's own thread counts in the load: a core to spare is half a core free at least.
  maxLoad: availableParallelism() - 0.5,
};

/**
 * A worker's heap, bounded so that this thread and a worker stay within the 150 MB of a 1 GiB
 * log. Peak RSS for the bench's 1 GiB CBS log: ~200 MB unbounded; young 4 MB and old 40 MB:
 * 141–147; 4 and 32: 142 (GC a sixth of a worker's time); 6 and 32: 141, ~8% less CPU. A summary
 * holds 8000 findings at most, far below the bound; a worker that runs out of it ends, and this
 * thread reads the pieces it did not answer.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 6, maxOldGenerationSizeMb: 32 };

/** Bytes read at a time in this thread. */
const READ_BYTES = 1024 * 1024;
/** How far past a nominal cut its line end is looked for (a longer line is not cut there). */
const CUT_SEARCH_BYTES = 64 * 1024;

/** The worker threads: their replies kept by piece, and whether each is ready or gone. */
class PieceWorkers {
  private readonly state = new Map<Worker, 'starting' | 'ready' | 'gone'>();
  private readonly summaries = new Map<number, PieceSummary>();
  /** A worker ended or failed before the end: the pieces not answered yet are read here. */
  private failed = false;
  private closing = false;
  private wake: (() => void) | undefined;

  constructor(count: number, data: PieceWorkerData, url: URL) {
    // Node flags are inherited, but `--input-type` (of a `node -e` parent) stops a worker.
    const execArgv = process.execArgv.filter((a) => !a.startsWith('--input-type'));
    for (let i = 0; i < count; i++) {
      const worker = new Worker(url, { workerData: data, execArgv, resourceLimits: WORKER_LIMITS });
      this.state.set(worker, 'starting');
      worker.on('message', (reply: PieceReply) => {
        if (reply.type === 'ready') this.state.set(worker, 'ready');
        else if (reply.type === 'piece') this.summaries.set(reply.id, reply.summary);
        this.changed();
      });
      worker.on('error', () => this.gone(worker));
      worker.on('exit', () => this.gone(worker));
    }
  }

  setup(setup: PieceSetup): void {
    for (const [worker, state] of this.state) if (state !== 'gone') worker.postMessage(setup);
  }

  /** Once every worker is ready or gone. */
  async started(): Promise<void> {
    while ([...this.state.values()].includes('starting')) await this.next();
  }

  /** Piece k's summary, or undefined when a worker failed before sending it. */
  async take(k: number): Promise<PieceSummary | undefined> {
    for (;;) {
      const summary = this.summaries.get(k);
      if (summary !== undefined) {
        this.summaries.delete(k);
        return summary;
      }
      if (this.failed) return undefined;
      await this.next();
    }
  }

  /** Each worker closes its file and ends (a terminated one would leave its descriptor open). */
  async close(): Promise<void> {
    this.closing = true;
    const live = [...this.state].filter(([, state]) => state !== 'gone').map(([w]) => w);
    await Promise.all(
      live.map(
        (worker) =>
          new Promise<void>((resolve) => {
            worker.once('exit', () => resolve());
            worker.postMessage('close');
          }),
      ),
    );
  }

  private gone(worker: Worker): void {
    if (this.state.get(worker) === 'gone') return;
    this.state.set(worker, 'gone');
    if (!this.closing) this.failed = true;
    this.changed();
  }

  private next(): Promise<void> {
    return new Promise((resolve) => (this.wake = resolve));
  }

  private changed(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
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

/**
 * Piece boundaries from `from` to `size`: each just past the first line end after a step
 * (looked for in a few KiB first: lines are short).
 */
async function pieceCuts(
  handle: FileHandle,
  from: number,
  size: number,
  step: number,
): Promise<number[]> {
  const cuts = [from];
  for (let nominal = from + step; nominal < size; nominal += step) {
    if (nominal <= (cuts[cuts.length - 1] ?? 0)) continue;
    let nl = -1;
    for (const search of [4096, CUT_SEARCH_BYTES]) {
      const near = await readAt(handle, nominal - 1, Math.min(search, size - nominal + 1));
      nl = near.indexOf(0x0a);
      if (nl !== -1 || near.length < search) break;
    }
    if (nl !== -1 && nominal + nl < size) cuts.push(nominal + nl);
  }
  cuts.push(size);
  return cuts;
}

/** A ReadLog that spreads a large file on disk over this thread and worker threads. */
export function rangeLogReader(settings: RangeSettings = RANGE_DEFAULTS): ReadLog {
  return async (source, options, onChunk) => {
    const path = source.path;
    if (
      path === undefined ||
      source.size === undefined ||
      source.size < settings.minBytes ||
      options.since !== undefined ||
      (loadavg()[0] ?? 0) > settings.maxLoad
    )
      return readLogWithBuffers(source, options, onChunk);
    // This reader reads the file at offsets itself: the stream is not needed.
    await source.chunks[Symbol.asyncIterator]().return?.();
    const handle = await open(path, 'r');
    const claims = newClaims();
    let pool: PieceWorkers | undefined;
    const stats = settings.stats;
    try {
      pool = new PieceWorkers(
        settings.workers,
        { path, file: options.file, claims },
        settings.workerUrl ?? new URL('./piece-worker.js', import.meta.url),
      );
      const size = (await handle.stat()).size;
      const analyser = new LogAnalyser({ ...options, ascii: bufferAsciiText });
      let at = 0;
      /** After the hand-off, chunks are read into one buffer (the analyser copies their text). */
      let reused: Buffer | undefined;
      /** The bytes [at, end) read here, in chunks that end at line ends where they can. */
      const here = async (end: number): Promise<boolean> => {
        while (at < end) {
          const length = Math.min(READ_BYTES, settings.pieceBytes, end - at);
          let chunk = await readAt(handle, at, length, reused);
          if (chunk.length === 0) return true;
          const nl = chunk.lastIndexOf(0x0a);
          if (nl !== -1 && at + chunk.length < end) chunk = chunk.subarray(0, nl + 1);
          at += chunk.length;
          onChunk(at);
          if (!analyser.push(chunk)) return false;
          if (reused === undefined && analyser.handOff()) return true;
        }
        return true;
      };
      if (!(await here(size))) return analyser.end();
      const handOff = analyser.handOff();
      if (at < size && handOff) {
        reused = Buffer.allocUnsafe(READ_BYTES);
        const step = Math.max(settings.pieceBytes, Math.ceil((size - at) / MAX_PIECES));
        const cuts = await pieceCuts(handle, at, size, step);
        const count = cuts.length - 1;
        openClaims(claims, count);
        pool.setup({ type: 'setup', ...handOff, cuts, catalog: pieceCatalog(options.catalog) });
        if (settings.awaitWorkers === true) await pool.started();
        for (let k = claimFront(claims); k !== -1; k = claimFront(claims)) {
          if (!(await here(cuts[k + 1] ?? size))) return analyser.end();
          if (stats) stats.mine = (stats.mine ?? 0) + 1;
        }
        for (let k = firstOfWorkers(claims); k < count; k++) {
          const [start, end] = [cuts[k] ?? 0, cuts[k + 1] ?? 0];
          const summary = await pool.take(k);
          if (summary !== undefined) {
            merged(claims, summary.built.length);
            if (stats) stats.byWorkers++;
          }
          if (summary !== undefined && analyser.absorb(summary, end - start)) {
            at = end;
            onChunk(at);
            if (stats) stats.pieces++;
          } else {
            if (stats) stats.here++;
            if (!(await here(end))) break;
          }
        }
      }
      return analyser.end();
    } finally {
      // A reading that stopped early leaves the workers nothing to claim.
      stopClaims(claims);
      await pool?.close();
      await handle.close();
    }
  };
}
