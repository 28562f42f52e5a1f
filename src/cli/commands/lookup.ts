import { lookupCode } from '../../app/lookup-code.js';
import { toHttpError } from '../../http/errors.js';
import { DomainError } from '../../core/errors.js';
import { EXIT, type CliIo, UsageError } from '../cli-io.js';
import { formatLookup } from '../format-lookup.js';
import { parseCommandArgs } from '../parse-command-args.js';
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
      if (!(error instanceof DomainError) || error.code !== 'invalid_notation') throw error;
      const { body } = toHttpError(error);
      if (values.json) io.stdout(`${JSON.stringify(body, null, 2)}\n`);
      const suggestions = body.error.suggestions ?? [];
      io.stderr(
        `erratlas: ${error.message}\n` +
          (suggestions.length > 0 ? `did you mean: ${suggestions.join(', ')}\n` : ''),
      );
      return EXIT.badInput;
    }
  });
}
