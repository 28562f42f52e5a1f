import { parseSearchParams, search } from '../../app/search.js';
import type { SearchResponse } from '../../app/search-response.js';
import { errorBody } from '../../app/error-body.js';
import { DomainError } from '../../core/errors.js';
import { EXIT, type CliIo, UsageError } from '../cli-io.js';
import { parseCommandArgs } from '../parse-command-args.js';
import { withDeps } from '../with-deps.js';

const USAGE =
  'erratlas search <words…> [--json] [--limit <n>] [--product <slug>] [--severity <s>] [--family <id>] [--platform <id>] [--db <url>]';

/** `erratlas search soap client`: the search page's answer as text; exit 1 when nothing is found. */
export async function runSearch(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    argv,
    {
      json: { type: 'boolean' },
      limit: { type: 'string' },
      product: { type: 'string' },
      severity: { type: 'string' },
      family: { type: 'string' },
      platform: { type: 'string' },
      db: { type: 'string' },
    },
    USAGE,
  );
  const q = positionals.join(' ').trim();
  if (q === '') throw new UsageError(`search needs words or a code\nusage: ${USAGE}`);
  return withDeps(io, values.db, async (deps) => {
    let input;
    try {
      input = parseSearchParams(deps, {
        q,
        limit: values.limit,
        product: values.product,
        severity: values.severity,
        family: values.family,
        platform: values.platform,
      });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (values.json) io.stderr(`${JSON.stringify(errorBody(error), null, 2)}\n`);
      else io.stderr(`erratlas search: ${error.message}\n`);
      return EXIT.badInput;
    }
    const result = await search(deps, input);
    io.stdout(values.json ? `${JSON.stringify(result, null, 2)}\n` : formatSearch(result));
    const found =
      result.codes.length +
      result.didYouMean.length +
      result.articles.length +
      result.codesByMeaning.length;
    return found > 0 ? EXIT.answered : EXIT.nothingKnown;
  });
}

const snippetText = (snippet: SearchResponse['articles'][number]['snippet']): string =>
  snippet.map((part) => (part.hit ? `[${part.text}]` : part.text)).join('');

export function formatSearch(result: SearchResponse): string {
  const lines: string[] = [];
  if (result.codes.length > 0) {
    lines.push('Codes:');
    for (const code of result.codes) lines.push(`  ${code.code}  ${code.names[0] ?? ''}`.trimEnd());
  }
  if (result.didYouMean.length > 0) {
    lines.push('Did you mean:');
    for (const code of result.didYouMean)
      lines.push(`  ${code.code}  ${code.names[0] ?? ''}  (${code.reason})`);
  }
  if (result.articles.length > 0) {
    lines.push('Articles:');
    for (const article of result.articles) {
      lines.push(`  ${article.title}`, `    ${article.url}`, `    ${snippetText(article.snippet)}`);
    }
  }
  if (result.codesByMeaning.length > 0) {
    lines.push('Codes by meaning:');
    for (const code of result.codesByMeaning) lines.push(`  ${code.code}  ${code.title}`);
  }
  if (lines.length === 0) lines.push(`Nothing found for "${result.query}".`);
  return `${lines.join('\n')}\n`;
}
