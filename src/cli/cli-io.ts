/** What a command may touch of the outside world: handed in, so tests can run it in process too. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** Exit codes (DESIGN.md, Interfaces). */
export const EXIT = { answered: 0, nothingKnown: 1, badInput: 2 } as const;

/** The arguments are wrong: printed to stderr with the command's usage, exit 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The arguments are well formed but name something unusable (a missing file…): exit 2. */
export class BadInputError extends Error {
  override readonly name = 'BadInputError';
}
