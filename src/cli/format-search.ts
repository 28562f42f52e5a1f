import type { SearchResponse } from '../app/search-response.js';

/** A snippet as one line: the matched words in «guillemets», since a terminal has no bold we can rely on. */
const snippetLine = (snippet: SearchResponse['articles'][number]['snippet']): string =>
  snippet.map((piece) => (piece.hit ? `«${piece.text}»` : piece.text)).join('');

/**
 * A search answer as lines for a terminal, in the page's order: codes read exactly, did you
 * mean, articles, codes by what they mean. Links start with `baseUrl`.
 */
export function formatSearch(result: SearchResponse, baseUrl: string): string[] {
  const lines: string[] = [];
  const section = (title: string, body: string[]): void => {
    if (body.length === 0) return;
    if (lines.length > 0) lines.push('');
    lines.push(title, ...body);
  };
  section(
    'Codes in the query:',
    result.codes.flatMap((code) => [
      `  ${code.code}  ${code.names[0] ?? (code.known ? '' : '(not in the bundled tables)')}`.trimEnd(),
      `      ${baseUrl}${code.url}`,
    ]),
  );
  section(
    'Did you mean:',
    result.didYouMean.flatMap((code) => [
      `  ${code.code}  ${code.names[0] ?? ''}`.trimEnd() + ` (${code.reason})`,
      `      ${baseUrl}${code.url}`,
    ]),
  );
  section(
    `Articles (${result.total.articles}):`,
    result.articles.flatMap((article, index) => [
      `  ${index + 1}. ${article.title}${article.severity ? ` [${article.severity}]` : ''}`,
      ...(article.snippet.length > 0 ? [`     ${snippetLine(article.snippet)}`] : []),
      `     ${baseUrl}${article.url}`,
    ]),
  );
  section(
    `Codes by what they mean (${result.total.codes}):`,
    result.codesByMeaning.flatMap((code) => [
      `  ${code.code}  ${code.title}`,
      ...(code.snippet.length > 0 ? [`      ${snippetLine(code.snippet)}`] : []),
      `      ${baseUrl}${code.url}`,
    ]),
  );
  return lines;
}

/** Nothing at all was found: no code, no suggestion, no article, no code by meaning. */
export const isEmptySearch = (result: SearchResponse): boolean =>
  result.codes.length === 0 &&
  result.didYouMean.length === 0 &&
  result.articles.length === 0 &&
  result.codesByMeaning.length === 0;
