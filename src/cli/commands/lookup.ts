import { lookupCode } from '../../app/lookup-code.js';
import { resolveBaseUrl } from '../base-url.js';
import { BadInputError, EXIT } from '../cli-io.js';
import { defineCommand } from '../command-spec.js';
import { formatLookup } from '../format-lookup.js';
import { printNotationError } from '../print-notation-error.js';
import { cliConfig } from '../with-deps.js';
import { describeArticleSource } from './article-source.js';

/** `erratlas lookup 0x80244001`: every reading; exit 1 when the code is not in the tables. */
export const lookupCommand = defineCommand({
  name: 'lookup',
  summary: 'what a code is: every reading, its names, decode, family and articles',
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
    'base-url': {
      type: 'string',
      value: 'url',
      description:
        'where printed links point (default ERRATLAS_BASE_URL, else http://localhost:<PORT>)',
    },
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
      return lookup.known ? EXIT.answered : EXIT.nothingKnown;
    } catch (error) {
      return printNotationError(context.print, 'lookup', error, values.json === true);
    } finally {
      await opened.close();
    }
  },
});
