import { lookupCode } from '../../app/lookup-code.js';
import { resolveBaseUrl } from '../base-url.js';
import type { ReadingView } from '../../app/responses.js';
import { BadInputError, EXIT, RETRY_EXIT } from '../cli-io.js';
import { BASE_URL_OPTION, defineCommand } from '../command-spec.js';
import { formatLookup } from '../format-lookup.js';
import { printNotationError } from '../print-notation-error.js';
import { cliConfig } from '../with-deps.js';
import { describeArticleSource } from './article-source.js';
import { COMMAND_SUMMARIES } from '../command-summaries.js';

/** A success or informational value exits 0; a failure by its advice, 1 when it has none. */
function retryExit(reading: ReadingView | undefined): number {
  if (reading === undefined) return EXIT.nothingKnown;
  if (reading.value >>> 31 === 0) return EXIT.answered;
  return reading.retry ? RETRY_EXIT[reading.retry.when] : EXIT.nothingKnown;
}

/** `erratlas lookup 0x80244001`: every reading; exit 1 when the code is not in the tables. */
export const lookupCommand = defineCommand({
  name: 'lookup',
  summary: COMMAND_SUMMARIES.lookup,
  arguments: '<notation>',
  count: {
    min: 1,
    max: Number.POSITIVE_INFINITY,
    what: 'a code (0x80244001, -2145107967, a name…)',
  },
  options: {
    json: {
      type: 'boolean',
      description: 'print exactly what GET /api/v1/codes/<notation> returns',
    },
    db: {
      type: 'string',
      value: 'url',
      description: 'read articles from this database (DATABASE_URL syntax), read-only',
    },
    'exit-code': {
      type: 'boolean',
      description:
        'exit by the retry advice of the best reading: 3 transient, 4 after a restart, 5 after a fix, 6 permanent; 0 for a success code, 1 when there is no advice',
    },
    'base-url': BASE_URL_OPTION,
  },
  async run({ values, positionals }, context) {
    const config = cliConfig(context, values.db);
    const baseUrl = resolveBaseUrl(values['base-url'], context.io.env, config.port);
    if (!baseUrl.ok) throw new BadInputError(baseUrl.reason);
    const opened = await context.wiring.openReadOnlyDeps(config, { articles: true });
    try {
      describeArticleSource(context, 'lookup', opened.articles);
      const lookup = await lookupCode(opened.deps, positionals.join(' ').trim());
      if (values.json) context.print.json(lookup);
      else context.print.out(...formatLookup(lookup, baseUrl.value));
      if (!lookup.known) return EXIT.nothingKnown;
      return values['exit-code'] ? retryExit(lookup.readings[0]) : EXIT.answered;
    } catch (error) {
      return printNotationError(context.print, 'lookup', error, values.json === true);
    } finally {
      await opened.close();
    }
  },
});
