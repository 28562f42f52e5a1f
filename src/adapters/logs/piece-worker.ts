import { closeSync, openSync, readSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { hitTrigger } from '../../core/logs/hit-trigger.js';
import type { LogFormat } from '../../core/logs/log-format.js';
import { readPieceBytes } from '../../core/logs/piece-reading.js';
import type { PieceSummary } from '../../core/logs/piece-summary.js';
import { redact } from '../../core/logs/redact.js';
import { loadWindowsCatalog } from '../catalog/load-windows-tables.js';
import { bufferAsciiText } from './buffer-ascii-text.js';

/**
 * A worker thread of range-log-reading.ts: reads byte ranges of one log file itself (whole
 * lines; no bytes cross between threads) and answers each with the piece's summary
 * (core/logs/piece-reading.ts), which the reading thread merges in file order.
 */
export type PieceWorkerData = {
  path: string;
  /** The file's name as given (redacted here, as the analyser redacts it). */
  file: string;
  format: LogFormat;
  /** The rules' patterns: the same trigger and signals as the reading thread's. */
  patterns: readonly string[];
  /** The text the reading thread chose the trigger's needles by (the same needles here). */
  sample: string;
  /** The code tables the reading thread's catalog was built from. */
  tablesDir?: string | undefined;
};
export type PieceRequest = { id: number; start: number; end: number };
export type PieceReply = { id: number; summary: PieceSummary };

const data = workerData as PieceWorkerData;
const built = hitTrigger(data.format, data.patterns, data.sample);
// The reader hands off only where its own thread built a trigger from the same inputs.
if (built === undefined) throw new Error(`no hit trigger for ${data.format}`);
const trigger = built;
const file = redact(data.file);
const fd = openSync(data.path, 'r');
const ready = loadWindowsCatalog(data.tablesDir);

/** Reused from piece to piece: a fresh buffer each time made garbage collection a fifth of the work. */
let buffer = Buffer.allocUnsafe(0);

function readRange(start: number, end: number): Uint8Array {
  if (buffer.length < end - start) buffer = Buffer.allocUnsafe(end - start);
  const bytes = buffer.subarray(0, end - start);
  let got = 0;
  while (got < bytes.length) {
    const n = readSync(fd, bytes, got, bytes.length - got, start + got);
    if (n === 0) break;
    got += n;
  }
  return bytes.subarray(0, got);
}

let closed = false;
/** The file descriptor is the process's, not the thread's: a thread that ends must close it. */
function closeFile(): void {
  if (closed) return;
  closed = true;
  closeSync(fd);
}

/**
 * A failure (the tables cannot be read, a read fails, memory runs out) closes the file and
 * ends the thread with the error: the reader then reads this worker's pieces itself.
 */
function fail(error: unknown): never {
  closeFile();
  throw error;
}

parentPort?.on('message', (request: PieceRequest | 'close') => {
  if (request === 'close') {
    // After the pieces asked before it.
    void ready.finally(() => {
      closeFile();
      parentPort?.close();
    });
    return;
  }
  void ready.then((catalog) => {
    const bytes = readRange(request.start, request.end);
    const summary = readPieceBytes(
      bytes,
      { file, catalog, patterns: data.patterns },
      data.format,
      trigger,
      bufferAsciiText,
    );
    const reply: PieceReply = { id: request.id, summary };
    parentPort?.postMessage(reply);
  }, fail);
});
