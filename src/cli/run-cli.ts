import { BadInputError, EXIT, type CliIo, UsageError } from './cli-io.js';
import type { CliWiring } from './cli-wiring.js';
import { helpLines, usageLines, type CommandSpec } from './command-spec.js';
import { COMMAND_SUMMARIES } from './command-summaries.js';
import { parseCommandArgs } from './parse-command-args.js';
import { terminalOutput } from './terminal-output.js';

/** A command by name and summary; its module (and what it imports) loads only when it runs. */
interface CommandEntry {
  name: keyof typeof COMMAND_SUMMARIES;
  load(): Promise<CommandSpec>;
}

// Dynamic imports: `decode` must not pay for loading the HTTP app, SQLite or the log reader.
export const COMMANDS: readonly CommandEntry[] = [
  { name: 'lookup', load: async () => (await import('./commands/lookup.js')).lookupCommand },
  { name: 'decode', load: async () => (await import('./commands/decode.js')).decodeCommand },
  { name: 'serve', load: async () => (await import('./commands/serve.js')).serveCommand },
  { name: 'import', load: async () => (await import('./commands/import.js')).importCommand },
  { name: 'export', load: async () => (await import('./commands/export.js')).exportCommand },
  { name: 'lint', load: async () => (await import('./commands/lint.js')).lintCommand },
  { name: 'logs', load: async () => (await import('./commands/logs.js')).logsCommand },
  { name: 'fix', load: async () => (await import('./commands/fix.js')).fixCommand },
  { name: 'diagnose', load: async () => (await import('./commands/diagnose.js')).diagnoseCommand },
  { name: 'search', load: async () => (await import('./commands/search.js')).searchCommand },
];

const width = Math.max(...COMMANDS.map((c) => c.name.length));

export const HELP_LINES: readonly string[] = [
  'erratlas: Windows error codes explained',
  '',
  'usage: erratlas <command> [arguments] [options]',
  'commands:',
  ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${COMMAND_SUMMARIES[c.name]}`),
  '',
  "erratlas <command> --help   that command's arguments and options",
  'erratlas --version          the version',
  '',
  "--db takes DATABASE_URL's syntax (sqlite:<path>, or a bare path); PORT, DATABASE_URL and",
  'ERRATLAS_BASE_URL are read from the environment, and options override them.',
  'exit codes: 0 answered, 1 valid input but nothing known (lint: problems found; logs: a',
  'failure found; diagnose: a problem found), 2 bad input or usage.',
];

/** Runs one command; returns its exit code. Usage errors go to stderr with exit 2. */
export async function runCli(
  argv: readonly string[],
  io: CliIo,
  wiring: CliWiring,
): Promise<number> {
  const print = terminalOutput(io);
  const [name, ...rest] = argv;
  if (name === undefined) {
    print.err(...HELP_LINES);
    return EXIT.badInput;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    const about = COMMANDS.find((c) => c.name === rest[0]);
    print.out(...(about ? helpLines(await about.load()) : HELP_LINES));
    return EXIT.answered;
  }
  if (name === '--version') {
    print.out(wiring.version);
    return EXIT.answered;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) {
    print.err(
      `erratlas: unknown ${name.startsWith('-') ? 'option' : 'command'} "${name}"; ` +
        `commands: ${COMMANDS.map((c) => c.name).join(', ')}`,
      'usage: erratlas <command> [arguments] [options]; erratlas <command> --help for its options',
    );
    return EXIT.badInput;
  }
  const command = await entry.load();
  try {
    const parsed = parseCommandArgs(rest, command);
    if (parsed.help) {
      print.out(...helpLines(command));
      return EXIT.answered;
    }
    return await command.run(parsed, { io, print, wiring });
  } catch (error) {
    if (error instanceof UsageError) {
      print.err(`erratlas ${name}: ${error.message}`, ...usageLines(command));
      return EXIT.badInput;
    }
    if (error instanceof BadInputError) {
      print.err(...error.message.split('\n').map((line) => `erratlas ${name}: ${line}`));
      return EXIT.badInput;
    }
    throw error;
  }
}
