import { lookupCode } from '../../app/lookup-code.js';
import { EXIT, type CliIo, UsageError } from '../cli-io.js';
import { formatLookup } from '../format-lookup.js';
import { parseCommandArgs } from '../parse-command-args.js';
import { printNotationError } from '../print-notation-error.js';
import { withDeps } from '../with-deps.js';

const USAGE = 'erratlas lookup <notation> [--json] [--db <url>]';

/** `erratlas lookup 0x80244001`: every reading; exit 1 when the code is not in the tables. */
export async function runLookup(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    argv,
    { json: { type: 'boolean' }, db: { type: 'string' } },
    USAGE,
  );
  const notation = positionals.join(' ').trim();
  if (notation === '') throw new UsageError(`lookup needs a code\nusage: ${USAGE}`);
  return withDeps(io, values.db, async (deps) => {
    try {
      const lookup = await lookupCode(deps, notation);
      io.stdout(values.json ? `${JSON.stringify(lookup, null, 2)}\n` : formatLookup(lookup));
      return lookup.known ? EXIT.answered : EXIT.nothingKnown;
    } catch (error) {
      return printNotationError(io, error, values.json === true);
    }
  });
}
