import cliProgress from 'cli-progress';
import type { TerminalOutput } from './terminal-output.js';
import { escapeLine } from './terminal-text.js';

/** What the bar needs to know of each file as it starts: its name and, when known, its size. */
export type ProgressSource = { name: string; size?: number | undefined };

export interface LogProgress {
  /** A new file starts: the bar restarts at 0 of its size. */
  start(source: ProgressSource): void;
  /** `analyzeLogs`' onProgress: the bytes read so far of the current file. */
  update(file: string, bytes: number): void;
  stop(): void;
}

const MIB = 1024 * 1024;
const mib = (bytes: number): string => (bytes / MIB).toFixed(1);

/**
 * A cli-progress bar on stderr, one line per file being read. Only on a terminal: the stream
 * handed to cli-progress is terminal-output's stderr stream, so stdout (the report, the JSON)
 * never carries a byte of it, and a pipe or a log file gets nothing.
 */
export function logProgress(print: TerminalOutput): LogProgress | undefined {
  const stream = print.progressStream();
  if (stream === undefined) return undefined;
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: '{file} [{bar}] {percentage}% {done}/{size} MiB',
      hideCursor: false,
      clearOnComplete: true,
      // Redraws at most ten times a second, however small the chunks.
      fps: 10,
      barsize: 30,
    },
    cliProgress.Presets.legacy,
  );
  let started = false;
  let size = 0;
  return {
    start(source) {
      size = source.size ?? 0;
      const payload = {
        file: escapeLine(source.name.replace(/^.*[\\/]/, '')),
        done: '0.0',
        size: source.size === undefined ? '?' : mib(size),
      };
      if (!started) bar.start(Math.max(size, 1), 0, payload);
      else {
        bar.setTotal(Math.max(size, 1));
        bar.update(0, payload);
      }
      started = true;
    },
    update(_file, bytes) {
      if (!started) return;
      // A file without a known size (a pipe) grows its total as it is read.
      if (bytes > size) bar.setTotal(bytes);
      bar.update(bytes, { done: mib(bytes) });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
