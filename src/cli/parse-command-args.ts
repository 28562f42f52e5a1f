import { parseArgs } from 'node:util';
import { UsageError } from './cli-io.js';
import type { CommandSpec, ParsedArgs } from './command-spec.js';

const NEGATIVE_NUMBER = /^-\d+$/;
const PLACEHOLDER = '\u0000negative:';

/** parseArgs names the option in quotes; the rest of its sentence is about its own syntax. */
function describeParseError(error: NodeJS.ErrnoException): string {
  const option = /'(-[^' ]*)/.exec(error.message)?.[1] ?? '';
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${option}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return error.message.includes('argument missing')
        ? `${option} needs a value`
        : `${option} takes no value`;
    default:
      return error.message.split('\n')[0] ?? 'bad arguments';
  }
}

/**
 * `util.parseArgs` over a command's spec, with one change: a negative number is a value, not
 * an option, so `erratlas lookup -2145107967` works. Unknown options, missing values and a
 * wrong number of arguments are UsageErrors saying what was wrong; `help: true` when asked.
 */
export function parseCommandArgs(
  argv: readonly string[],
  spec: CommandSpec,
): { help: true } | ({ help: false } & ParsedArgs<CommandSpec['options']>) {
  const shielded = argv.map((arg) => (NEGATIVE_NUMBER.test(arg) ? PLACEHOLDER + arg : arg));
  const options = Object.fromEntries(
    Object.entries(spec.options).map(([name, option]) => [name, { type: option.type }]),
  );
  let parsed;
  try {
    parsed = parseArgs({
      args: shielded,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    // --help wins over any other mistake on the same line.
    if (argv.includes('--help') || argv.includes('-h')) return { help: true };
    throw new UsageError(describeParseError(error as NodeJS.ErrnoException));
  }
  if (parsed.values.help === true) return { help: true };
  const positionals = parsed.positionals.map((p) =>
    p.startsWith(PLACEHOLDER) ? p.slice(PLACEHOLDER.length) : p,
  );
  const { min, max, what } = spec.count;
  if (positionals.length < min) throw new UsageError(`missing ${what}`);
  if (positionals.length > max) {
    const extra = positionals.slice(max).map((p) => `"${p}"`);
    throw new UsageError(
      max === 0
        ? `takes no arguments, got ${extra.join(' ')}`
        : `takes ${what} only, got more: ${extra.join(' ')}`,
    );
  }
  const { help: _help, ...values } = parsed.values;
  return { help: false, values, positionals };
}
