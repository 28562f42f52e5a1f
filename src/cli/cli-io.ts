/** What a command may touch of the outside world: handed in, so tests can run it in process too. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** stderr is a terminal: a command may keep a progress line there (never in a pipe or a file). */
  stderrIsTerminal?: boolean;
  /** Answers to interactive prompts (`fix`); a TTY or a pipe, read a line at a time. */
  stdin?: NodeJS.ReadableStream;
  /**
   * Present when stdin and stdout are one terminal: a command may then read single keys
   * (raw mode) and redraw what it drew (a menu), and never otherwise (a pipe, a file, a log).
   */
  keyboard?: Keyboard;
}

/** The terminal's input modes: raw (each key as pressed, no echo) or its own line editing. */
export interface Keyboard {
  setRawMode(raw: boolean): void;
}

/** Exit codes (DESIGN.md, Interfaces). */
export const EXIT = { answered: 0, nothingKnown: 1, badInput: 2 } as const;

/**
 * `lookup --exit-code`: what a script should do with a failure code, as an exit code (README,
 * "Scripts"). 0 stays "a success code", 1 "nothing known" (no advice for it), 2 bad input.
 */
export const RETRY_EXIT = {
  transient: 3,
  'after-restart': 4,
  'after-fix': 5,
  permanent: 6,
} as const;

/** The arguments are wrong: printed to stderr with the command's usage, exit 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The arguments are well formed but name something unusable (a missing file…): exit 2. */
export class BadInputError extends Error {
  override readonly name = 'BadInputError';
}
