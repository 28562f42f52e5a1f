import { parentPort, workerData } from 'node:worker_threads';
import { summariseBody } from '../../core/logs/body-summary.js';
import type { LogFormat } from '../../core/logs/log-format.js';

/**
 * A worker thread of parallel-log-reading.ts: decodes pieces of whole lines of a UTF-8 log and
 * summarises them (core/logs/body-summary.ts). Each piece is decoded alone: it starts and ends
 * at a line end, and a line end is never inside a UTF-8 sequence, so this decodes it exactly as
 * the stream decoder would.
 */
export type SummaryWorkerData = {
  format: LogFormat;
  lines: { source: string; flags: string };
  whole?: { source: string; flags: string } | undefined;
};
export type SummaryRequest = { id: number; body: Uint8Array };
export type SummaryReply = {
  id: number;
  summary: ReturnType<typeof summariseBody>;
  replaced: number;
};

const data = workerData as SummaryWorkerData;
const trigger = {
  lines: new RegExp(data.lines.source, data.lines.flags),
  whole: data.whole ? new RegExp(data.whole.source, data.whole.flags) : undefined,
};
const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

parentPort?.on('message', ({ id, body }: SummaryRequest) => {
  const text = decoder.decode(body);
  let replaced = 0;
  for (let at = text.indexOf('\uFFFD'); at !== -1; at = text.indexOf('\uFFFD', at + 1)) replaced++;
  const reply: SummaryReply = { id, summary: summariseBody(text, trigger, data.format), replaced };
  parentPort?.postMessage(reply);
});
