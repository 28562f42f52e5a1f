import { Writable } from 'node:stream';
import pino, { type Logger } from 'pino';

/** A real pino logger writing into memory, and the JSON lines it wrote so far. */
export function logBuffer(level: pino.LevelWithSilent = 'info'): {
  logger: Logger;
  lines: () => Record<string, unknown>[];
} {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString('utf8');
      done();
    },
  });
  return {
    logger: pino({ level }, stream),
    lines: () =>
      text
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}
