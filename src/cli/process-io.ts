import type { CliIo } from './cli-io.js';
import { escapeLine } from './terminal-text.js';

/**
 * The running process as a CliIo. Once stdout's reader has gone (`erratlas lint content |
 * head -1`), the rest of stdout is dropped instead of crashing on EPIPE: the command still
 * finishes and exits with its own code, so `lint` in a pipeline still fails on problems.
 */
export function processIo(): CliIo {
  let stdoutClosed = false;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    // A write after the reader went fails with EPIPE; later ones on the destroyed stream so.
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') {
      stdoutClosed = true;
      return;
    }
    throw error;
  });
  return {
    stdout: (text) => {
      if (!stdoutClosed && !process.stdout.destroyed) process.stdout.write(text);
    },
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    cwd: process.cwd(),
    stderrIsTerminal: process.stderr.isTTY === true,
    stdin: process.stdin,
    ...(process.stdin.isTTY && process.stdout.isTTY
      ? { keyboard: { setRawMode: (raw: boolean) => void process.stdin.setRawMode(raw) } }
      : {}),
  };
}

/** A failure no command expected: its message (escaped like all output), and the exit code. */
export function reportCrash(prefix: string, error: unknown, exitCode: number): void {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`${prefix}: ${escapeLine(message)}\n`);
  process.exitCode = exitCode;
}
