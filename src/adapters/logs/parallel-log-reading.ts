import { Worker } from 'node:worker_threads';
import type { ReadLog } from '../../app/analyze-logs.js';
import { type HandOff, LogAnalyser } from '../../core/logs/log-analyser.js';
import { bufferAsciiText, readLogWithBuffers } from './buffer-ascii-text.js';
import type { SummaryReply, SummaryWorkerData } from './summary-worker.js';

/**
 * A large UTF-8 log read on several threads with the same answer as one: once the layout is
 * known and the fast path reads the file, the rest is cut at line ends into pieces; worker
 * threads decode and summarise pieces side by side (summary-worker.ts), and this thread replays
 * the summaries in file order into the one reading (`LogAnalyser.replay`), so runs, caps and
 * neighbours across a cut come out as in one pass. UTF-16, a small file, and whatever the fast
 * path does not read (an overlong line) are read here, in order.
 */
export type ParallelSettings = {
  workers: number;
  /** Bytes per piece (cut at the last line end before it). */
  pieceBytes: number;
  /** Smaller files (or files of unknown size) are read in this thread. */
  minBytes: number;
  /** Pieces sent ahead of the replay: bounds memory to about this many pieces, twice. */
  inFlight: number;
  /** The worker script (tests running the TypeScript sources point at the built one). */
  workerUrl?: URL | undefined;
  /** Counts the pieces summarised by a worker and replayed (for tests and the bench). */
  stats?: { pieces: number } | undefined;
};

export const PARALLEL_DEFAULTS: ParallelSettings = {
  workers: 2,
  pieceBytes: 1024 * 1024,
  minBytes: 16 * 1024 * 1024,
  inFlight: 6,
};

type Piece = { bytes: Uint8Array; lineEnd: boolean };

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/**
 * The chunks again, cut so that every piece but the last ends at a line end and holds at most
 * about `pieceBytes`; a line longer than four pieces goes on as it comes (`lineEnd: false`).
 */
async function* linePieces(
  chunks: AsyncIterable<Uint8Array>,
  pieceBytes: number,
): AsyncGenerator<Piece> {
  let carry: Uint8Array = new Uint8Array(0);
  for await (const chunk of chunks) {
    let bytes: Uint8Array = concat(carry, chunk);
    const last = bytes.lastIndexOf(0x0a);
    if (last === -1) {
      carry = bytes;
      if (carry.length > 4 * pieceBytes) {
        yield { bytes: carry, lineEnd: false };
        carry = new Uint8Array(0);
      }
      continue;
    }
    carry = bytes.slice(last + 1);
    bytes = bytes.subarray(0, last + 1);
    while (bytes.length > pieceBytes) {
      const cut = bytes.lastIndexOf(0x0a, pieceBytes - 1);
      if (cut === -1) break;
      yield { bytes: bytes.subarray(0, cut + 1), lineEnd: true };
      bytes = bytes.subarray(cut + 1);
    }
    yield { bytes, lineEnd: true };
  }
  if (carry.length > 0) yield { bytes: carry, lineEnd: false };
}

/** Worker threads that summarise pieces, each reply matched to its request. */
class SummaryPool {
  private readonly workers: Worker[];
  private readonly waiting = new Map<
    number,
    { resolve: (r: SummaryReply) => void; reject: (e: Error) => void }
  >();
  private next = 0;

  constructor(count: number, handOff: HandOff, workerUrl: URL) {
    const data: SummaryWorkerData = { format: handOff.format, patterns: handOff.patterns };
    this.workers = Array.from({ length: count }, () => {
      // Node flags are inherited, but `--input-type` (of a `node -e` parent) stops a worker.
      const execArgv = process.execArgv.filter((a) => !a.startsWith('--input-type'));
      const worker = new Worker(workerUrl, { workerData: data, execArgv });
      worker.on('message', (reply: SummaryReply) => {
        this.waiting.get(reply.id)?.resolve(reply);
        this.waiting.delete(reply.id);
      });
      worker.on('error', (error) => this.failAll(error));
      return worker;
    });
  }

  summarise(bytes: Uint8Array): Promise<SummaryReply> {
    const id = this.next++;
    const worker = this.workers[id % this.workers.length];
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      // A copy the worker owns: the piece itself stays here in case it must be read here.
      const body = new Uint8Array(bytes);
      worker?.postMessage({ id, body }, [body.buffer]);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private failAll(error: Error): void {
    for (const { reject } of this.waiting.values()) reject(error);
    this.waiting.clear();
  }
}

/** A ReadLog that spreads a large file over worker threads. */
export function parallelLogReader(settings: ParallelSettings = PARALLEL_DEFAULTS): ReadLog {
  return async (source, options, onChunk) => {
    if (source.size === undefined || source.size < settings.minBytes)
      return readLogWithBuffers(source, options, onChunk);
    const analyser = new LogAnalyser({ ...options, ascii: bufferAsciiText });
    let pool: SummaryPool | undefined;
    const queue: { piece: Uint8Array; reply: Promise<SummaryReply> }[] = [];
    let refused = false;
    const settle = async (): Promise<void> => {
      const item = queue.shift();
      if (!item) return;
      const { summary, replaced } = await item.reply;
      // An overlong line may have sent the reading back to the plain splitter: read it here.
      if (analyser.handOff()) {
        analyser.replay(summary, item.piece.length, replaced);
        if (settings.stats) settings.stats.pieces++;
      } else analyser.push(item.piece);
    };
    async function* counted(): AsyncGenerator<Uint8Array> {
      let bytes = 0;
      for await (const chunk of source.chunks) {
        bytes += chunk.length;
        onChunk(bytes);
        yield chunk;
        if (refused) return;
      }
    }
    try {
      for await (const { bytes, lineEnd } of linePieces(counted(), settings.pieceBytes)) {
        const handOff = queue.length > 0 || !lineEnd ? undefined : analyser.handOff();
        if (lineEnd && (queue.length > 0 || handOff)) {
          if (handOff)
            pool ??= new SummaryPool(
              settings.workers,
              handOff,
              settings.workerUrl ?? new URL('./summary-worker.js', import.meta.url),
            );
          if (pool) {
            queue.push({ piece: bytes, reply: pool.summarise(bytes) });
            while (queue.length >= settings.inFlight) await settle();
            continue;
          }
        }
        while (queue.length > 0) await settle();
        if (!analyser.push(bytes)) {
          refused = true;
          break;
        }
      }
      while (queue.length > 0) await settle();
    } finally {
      await pool?.close();
    }
    return analyser.end();
  };
}
