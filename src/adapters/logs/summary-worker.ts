import { parentPort, workerData } from 'node:worker_threads';
import { summariseBody } from '../../core/logs/body-summary.js';
import { hitTrigger } from '../../core/logs/hit-trigger.js';
import { bufferAsciiText } from './buffer-ascii-text.js';
import type { LogFormat } from '../../core/logs/log-format.js';

/**
 * A worker thread of parallel-log-reading.ts: decodes pieces of whole lines of a UTF-8 log and
 * summarises them (core/logs/body-summary.ts). Each piece is decoded alone: it starts and ends
 * at a line end, and a line end is never inside a UTF-8 sequence, so this decodes it exactly as
 * the stream decoder would.
 */
export type SummaryWorkerData = {
  format: LogFormat;
  /** The rules' patterns: the worker builds the same trigger from them (probes hold functions). */
  patterns: readonly string[];
};
export type SummaryRequest = { id: number; body: Uint8Array };
export type SummaryReply = {
  id: number;
  summary: ReturnType<typeof summariseBody>;
  replaced: number;
};

const data = workerData as SummaryWorkerData;
const built = hitTrigger(data.format, data.patterns);
// The reader hands off only where this thread built a trigger from the same inputs.
if (built === undefined) throw new Error(`no hit trigger for ${data.format}`);
const trigger = built;
const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

parentPort?.on('message', ({ id, body }: SummaryRequest) => {
  // ASCII as a one-byte string (no U+FFFD in it), which the trigger's probes scan fastest.
  const ascii = bufferAsciiText.isAscii(body);
  const text = ascii ? bufferAsciiText.text(body) : decoder.decode(body);
  let replaced = 0;
  if (!ascii)
    for (let at = text.indexOf('\uFFFD'); at !== -1; at = text.indexOf('\uFFFD', at + 1))
      replaced++;
  const reply: SummaryReply = { id, summary: summariseBody(text, trigger, data.format), replaced };
  parentPort?.postMessage(reply);
});
