import { lookupCode } from '../../app/lookup-code.js';
import { EXIT, type CliIo, UsageError } from '../cli-io.js';
import { formatDecode } from '../format-decode.js';
import { parseCommandArgs } from '../parse-command-args.js';
import { printNotationError } from '../print-notation-error.js';
import { withDeps } from '../with-deps.js';

const USAGE = 'erratlas decode <code> [--json] [--db <url>]';

/** `erratlas decode 0x80070005`: the bit fields of every reading; exit 1 when none is known. */
export async function runDecode(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    argv,
    { json: { type: 'boolean' }, db: { type: 'string' } },
    USAGE,
  );
  const notation = positionals.join(' ').trim();
  if (notation === '') throw new UsageError(`decode needs a code\nusage: ${USAGE}`);
  return withDeps(io, values.db, async (deps) => {
    try {
      const lookup = await lookupCode(deps, notation);
      if (values.json) {
        const readings = lookup.readings.map(({ code, value, names, decode }) => ({
          code,
          value,
          names,
          decode,
        }));
        io.stdout(`${JSON.stringify({ input: lookup.input, readings }, null, 2)}\n`);
      } else {
        io.stdout(lookup.readings.map(formatDecode).join('\n'));
      }
      return lookup.known ? EXIT.answered : EXIT.nothingKnown;
    } catch (error) {
      return printNotationError(io, error, values.json === true);
    }
  });
}
