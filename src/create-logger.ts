import pino, { type Logger } from 'pino';
import { fail, ok, type Result } from './core/result.js';

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
 * The server's logger, made by the wiring and handed to the HTTP app: JSON lines on stdout
 * (what log collectors read), or readable lines through pino-pretty when stdout is a terminal
 * and pino-pretty is installed (it is a development dependency).
 */
export async function createLogger(level: LogLevel, stdoutIsTty: boolean): Promise<Logger> {
  const options = { level, base: null, timestamp: pino.stdTimeFunctions.isoTime };
  if (!stdoutIsTty) return pino(options);
  try {
    const { default: pretty } = await import('pino-pretty');
    return pino(options, pretty({ colorize: true, sync: true }));
  } catch {
    return pino(options);
  }
}
