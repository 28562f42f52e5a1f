import { errorBody } from '../../app/error-body.js';
import { parseSearchParams, search, MAX_SEARCH_LIMIT } from '../../app/search.js';
import { DomainError } from '../../core/errors.js';
import { resolveBaseUrl } from '../base-url.js';
import { BadInputError, EXIT } from '../cli-io.js';
import { BASE_URL_OPTION, defineCommand } from '../command-spec.js';
import { formatSearch, isEmptySearch } from '../format-search.js';
import { cliConfig } from '../with-deps.js';
import { describeArticleSource } from './article-source.js';
import { COMMAND_SUMMARIES } from '../command-summaries.js';

/**
 * `erratlas search proxy stuck`: the search page's answer in a terminal. Exit 0 when anything
 * is found, 1 when nothing is (the words were a valid query), 2 for a bad option value (the
 * API's 400 `invalid_search_parameter`, naming it). A search from the CLI is not recorded
 * among the misses editors read, as a CLI look-up is not counted.
 */
export const searchCommand = defineCommand({
  name: 'search',
  summary: COMMAND_SUMMARIES.search,
  arguments: '<words…>',
  count: { min: 1, max: Number.POSITIVE_INFINITY, what: 'words to search for' },
  options: {
    json: { type: 'boolean', description: 'print exactly what GET /api/v1/search returns' },
    limit: {
      type: 'string',
      value: 'n',
      description: `results per group, 1 to ${MAX_SEARCH_LIMIT} (default 10)`,
    },
    product: { type: 'string', value: 'slug', description: 'only articles of this product' },
    severity: {
      type: 'string',
      value: 'level',
      description: 'only articles of this severity (low, moderate, high, critical)',
    },
    platform: { type: 'string', value: 'id', description: 'only articles for this platform' },
    family: { type: 'string', value: 'id', description: 'only codes of this family' },
    db: {
      type: 'string',
      value: 'url',
      description: 'read articles from this database (DATABASE_URL syntax), read-only',
    },
    'base-url': BASE_URL_OPTION,
  },
  async run({ values, positionals }, context) {
    const config = cliConfig(context, values.db);
    const baseUrl = resolveBaseUrl(values['base-url'], context.io.env, config.port);
    if (!baseUrl.ok) throw new BadInputError(baseUrl.reason);
    const opened = await context.wiring.openReadOnlyDeps(config, { articles: true });
    try {
      describeArticleSource(context, 'search', opened.articles);
      const input = parseSearchParams(opened.deps, {
        q: positionals.join(' '),
        limit: values.limit,
        product: values.product,
        severity: values.severity,
        platform: values.platform,
        family: values.family,
      });
      const result = await search(opened.deps, input);
      if (values.json) context.print.json(result);
      else if (isEmptySearch(result))
        context.print.err(`erratlas search: nothing found for "${result.query}"`);
      else context.print.out(...formatSearch(result, baseUrl.value));
      return isEmptySearch(result) ? EXIT.nothingKnown : EXIT.answered;
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'invalid_search_parameter') throw error;
      if (values.json) context.print.json(errorBody(error));
      context.print.err(`erratlas search: --${String(error.details.parameter)}: ${error.message}`);
      return EXIT.badInput;
    } finally {
      await opened.close();
    }
  },
});
