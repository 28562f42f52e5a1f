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
const jsonLines = (pino: typeof Pino, target: LoggerTarget): DestinationStream & LogBatch =>
  new LogBatch(pino.destination({ dest: target.file ?? 1, sync: true, append: true }));

/**
 * Writes an `info` line whose fields are already JSON (`"a":1,"b":"x"`), as the logger's own
 * `info(fields, msg)` would write it. The level is not checked here: the caller asks first.
 */
export type InfoLine = (jsonFields: string, msg: string) => void;

const infoLines = new WeakMap<Logger, InfoLine>();

/**
 * The `InfoLine` of a logger made by `createLogger` for JSON lines, or undefined (pretty
 * lines, any other logger): for the line written on every request, whose few fields are
 * known. pino's own way (its serializer, stringifier and hook look-ups per field) cost the
 * request line more than building its text did. The line is byte for byte pino's: level,
 * time, no bindings (`base: null`), the fields, the message.
 */
export const infoLineOf = (logger: Logger): InfoLine | undefined => infoLines.get(logger);

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
  const timestamp = isoTimeOncePerMs();
  const options = { level, base: null, timestamp };
  if (!stdoutIsTty || target.file !== undefined) {
    const lines = jsonLines(pino, target);
    const logger = pino(options, lines);
    const info = `{"level":${pino.levels.values.info}`;
    infoLines.set(logger, (fields, msg) =>
      lines.write(`${info}${timestamp()},${fields},"msg":${JSON.stringify(msg)}}\n`),
    );
    return logger;
  }
  try {
    const { default: pretty } = await import('pino-pretty');
    return pino(options, pretty({ colorize: true, sync: true }));
  } catch {
    return pino(options);
  }
}
