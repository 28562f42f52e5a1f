import type { default as Pino, DestinationStream, Logger } from 'pino';
import { fail, ok, type Result } from './core/result.js';
import { LogBatch } from './log-batch.js';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** `LOG_LEVEL` (default `info`), checked like the rest of the configuration. */
export function parseLogLevel(text: string | undefined): Result<LogLevel> {
  const value = (text ?? 'info').trim().toLowerCase();
  const level = LOG_LEVELS.find((l) => l === value);
  return level
    ? ok(level)
    : fail(`LOG_LEVEL "${text}" is not a log level; accepted: ${LOG_LEVELS.join(', ')}`);
}

/**
 * pino's `isoTime`, formatted once per millisecond: a busy server writes several lines in one
 * millisecond, and each would otherwise format the same date again.
 */
export function isoTimeOncePerMs(now: () => number = Date.now): () => string {
  let lastMs = Number.NaN;
  let lastText = '';
  return () => {
    const ms = now();
    if (ms !== lastMs) {
      lastMs = ms;
      lastText = `,"time":"${new Date(ms).toISOString()}"`;
    }
    return lastText;
  };
}

export interface LoggerTarget {
  /** A file to append the JSON lines to instead of stdout (benchmarks log to one). */
  file?: string;
}

/**
 * JSON lines, each event-loop turn's written together (see `LogBatch`) through pino's own
 * synchronous destination, which deals with a full pipe (EAGAIN) and a closed one (EPIPE).
 */
const jsonLines = (pino: typeof Pino, target: LoggerTarget): DestinationStream =>
  new LogBatch(pino.destination({ dest: target.file ?? 1, sync: true, append: true }));

/**
 * The server's logger, made by the wiring and handed to the HTTP app: JSON lines on stdout
 * (what log collectors read), or readable lines through pino-pretty when stdout is a terminal
 * and pino-pretty is installed (it is a development dependency).
 */
export async function createLogger(
  level: LogLevel,
  stdoutIsTty: boolean,
  target: LoggerTarget = {},
): Promise<Logger> {
  // Imported here, not at the top: config.ts imports this file for parseLogLevel, and a CLI
  // command that logs nothing should not load pino.
  const { default: pino } = await import('pino');
  const options = { level, base: null, timestamp: isoTimeOncePerMs() };
  if (!stdoutIsTty || target.file !== undefined) return pino(options, jsonLines(pino, target));
  try {
    const { default: pretty } = await import('pino-pretty');
    return pino(options, pretty({ colorize: true, sync: true }));
  } catch {
    return pino(options);
  }
}
