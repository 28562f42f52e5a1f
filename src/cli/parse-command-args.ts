import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './cli-io.js';

type Options = NonNullable<ParseArgsConfig['options']>;

const NEGATIVE_NUMBER = /^-\d+$/;
const PLACEHOLDER = '\u0000negative:';

/**
 * `util.parseArgs` with one change: a negative number is a value, not an option, so
 * `erratlas lookup -2145107967` works. Unknown options and missing values are UsageErrors
 * that name the option and the command's usage.
 */
export function parseCommandArgs<T extends Options>(
  argv: readonly string[],
  options: T,
  usage: string,
): {
  values: ReturnType<typeof parseArgs<{ options: T; allowPositionals: true }>>['values'];
  positionals: string[];
} {
  const shielded = argv.map((arg) => (NEGATIVE_NUMBER.test(arg) ? PLACEHOLDER + arg : arg));
  try {
    const parsed = parseArgs({ args: shielded, options, allowPositionals: true, strict: true });
    return {
      values: parsed.values,
      positionals: parsed.positionals.map((p) =>
        p.startsWith(PLACEHOLDER) ? p.slice(PLACEHOLDER.length) : p,
      ),
    };
  } catch (error) {
    throw new UsageError(
      `${(error as Error).message.split('\n')[0] ?? 'bad arguments'}\nusage: ${usage}`,
    );
  }
}
