import { EXIT, type CliIo, UsageError } from './cli-io.js';
import { runDecode } from './commands/decode.js';
import { runExport } from './commands/export.js';
import { runFix } from './commands/fix.js';
import { runImport } from './commands/import.js';
import { runLint } from './commands/lint.js';
import { runLookup } from './commands/lookup.js';
import { runServe } from './commands/serve.js';

const COMMANDS: Record<string, (argv: readonly string[], io: CliIo) => Promise<number>> = {
  lookup: runLookup,
  decode: runDecode,
  serve: runServe,
  import: runImport,
  export: runExport,
  lint: runLint,
  fix: runFix,
};

export const HELP = `erratlas: Windows error codes explained

usage:
  erratlas lookup <notation> [--json]   what a code is: 0x80244001, -2145107967, a name…
  erratlas decode <code> [--json]       the bit fields: S R C N X, facility, code, what is inside
  erratlas serve [--port <n>] [--db <url>]   the web pages and JSON API
  erratlas import <file|dir>            Markdown articles or page text into the database
  erratlas export <dir>                 every stored article as Markdown files
  erratlas lint <file|dir>              check articles against the content standard
  erratlas fix <code> [--platform <id>]  walk the fixes one at a time (numbered prompts; records nothing)

--db takes DATABASE_URL's syntax (sqlite:<path>, or a bare path); PORT and DATABASE_URL
are read from the environment, and flags override them.
exit codes: 0 answered, 1 valid input but nothing known (lint: problems found), 2 bad input.
`;

/** Runs one command; returns its exit code. Usage errors go to stderr with exit 2. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    (name === undefined ? io.stderr : io.stdout)(HELP);
    return name === undefined ? EXIT.badInput : EXIT.answered;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(
      `erratlas: unknown command "${name}"; commands: ${Object.keys(COMMANDS).join(', ')}\n`,
    );
    return EXIT.badInput;
  }
  try {
    return await command(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`erratlas ${name}: ${error.message}\n`);
      return EXIT.badInput;
    }
    throw error;
  }
}
