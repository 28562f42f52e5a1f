import type { CliIo } from './cli-io.js';
import { escapeLine } from './terminal-text.js';

/** The running process as a CliIo. */
export const processIo = (): CliIo => ({
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  cwd: process.cwd(),
});

/** A failure no command expected: its message (escaped like all output), and the exit code. */
export function reportCrash(prefix: string, error: unknown, exitCode: number): void {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`${prefix}: ${escapeLine(message)}\n`);
  process.exitCode = exitCode;
}
