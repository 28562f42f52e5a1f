/** What a command may touch of the outside world: handed in, so tests can run it in process too. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Answers to interactive prompts (`fix`); a TTY or a pipe, read a line at a time. */
  stdin?: NodeJS.ReadableStream;
}

/** Exit codes (DESIGN.md, Interfaces). */
export const EXIT = { answered: 0, nothingKnown: 1, badInput: 2 } as const;

/** Bad input or usage: printed to stderr, exit 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
