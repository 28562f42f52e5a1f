import { closeSync, openSync, readSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { hitTrigger } from '../../core/logs/hit-trigger.js';
import type { LogFormat } from '../../core/logs/log-format.js';
import { readPieceBytes } from '../../core/logs/piece-reading.js';
import type { PieceSummary } from '../../core/logs/piece-summary.js';
import { redact } from '../../core/logs/redact.js';
import { bufferAsciiText } from './ascii-buffer-text.js';
import { type PieceCatalog, fromPieceCatalog } from './piece-catalog.js';
import { claimBack, pending, waitForRoom } from './piece-claims.js';

/**
 * A worker thread of range-log-reading.ts. Started before the layout is known (its start-up
 * overlaps the reading of the file's start); told the layout, the pieces and the names it needs
 * of the catalog (`setup`), it takes pieces from the back of the file (piece-claims.ts) until it meets
 * the reading thread, reads each byte range from the file itself (no bytes cross between
 * threads) and answers with the piece's summary (core/logs/piece-reading.ts).
 */
export type PieceWorkerData = {
  path: string;
  /** The file's name as given (redacted here, as the analyser redacts it). */
  file: string;
  /** The claims shared with the reading thread (piece-claims.ts). */
  claims: Int32Array;
};
export type PieceSetup = {
  type: 'setup';
  format: LogFormat;
  /** The rules' patterns: the same trigger and signals as the reading thread's. */
  patterns: readonly string[];
  /** The text the reading thread chose the trigger's needles by (the same needles here). */
  sample: string;
  /** Piece k is the bytes [cuts[k], cuts[k + 1]). */
  cuts: number[];
  /** What of the reading thread's catalog the reading needs (piece-catalog.ts). */
  catalog: PieceCatalog;
};
export type PieceReply =
  { type: 'ready' } | { type: 'piece'; id: number; summary: PieceSummary } | { type: 'done' };

const data = workerData as PieceWorkerData;
const file = redact(data.file);
const fd = openSync(data.path, 'r');

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
 * A failure (a read fails, memory runs out) closes the file and
 * ends the thread with the error: the reader then reads the pieces this worker did not answer.
 */
function fail(error: unknown): never {
  closeFile();
  throw error;
}

const post = (reply: PieceReply): void => parentPort?.postMessage(reply);

parentPort?.on('message', (message: PieceSetup | 'close') => {
  if (message === 'close') {
    // After the pieces (the claims loop below runs to its end first).
    closeFile();
    parentPort?.close();
    return;
  }
  try {
    readClaimed(message);
  } catch (error) {
    fail(error);
  }
});

/** Pieces from the back until the ends meet, each answered with its summary. */
function readClaimed(message: PieceSetup): void {
  const trigger = hitTrigger(message.format, message.patterns, message.sample);
  // The reader hands off only where its own thread built a trigger from the same inputs.
  if (trigger === undefined) throw new Error(`no hit trigger for ${message.format}`);
  const options = { file, catalog: fromPieceCatalog(message.catalog), patterns: message.patterns };
  // Ready once it holds its first piece: a reader that waits for the workers (tests) then
  // knows that the last pieces are theirs, however the threads are scheduled.
  let k = claimBack(data.claims);
  post({ type: 'ready' });
  while (k !== -1) {
    const bytes = readRange(message.cuts[k] ?? 0, message.cuts[k + 1] ?? 0);
    const summary = readPieceBytes(bytes, options, message.format, trigger, bufferAsciiText);
    pending(data.claims, summary.built.length);
    post({ type: 'piece', id: k, summary });
    waitForRoom(data.claims);
    k = claimBack(data.claims);
  }
  post({ type: 'done' });
}
