import { cleanQuery, search } from './search.js';
import type { SearchSuggestions } from './search-response.js';

/** How many options the box shows: a short list a person reads at a glance. */
export const MAX_SUGGESTIONS = 8;
/** What a suggestion reads of the box: more is a paste, which the search page answers. */
export const MAX_SUGGEST_CHARS = 200;

type SuggestDeps = Parameters<typeof search>[0];

/**
 * Search-as-you-type: the start of a search's answer as a few options, codes read exactly
 * first, then did-you-mean codes, articles, codes by meaning. The last word is completed as a
 * prefix (search does that when the query does not end in a space). Never an error: an empty
 * box gets no options. Not recorded as a search miss: half a word is not a miss.
 */
export async function suggestSearch(deps: SuggestDeps, q: string): Promise<SearchSuggestions> {
  const query = cleanQuery(q.slice(0, MAX_SUGGEST_CHARS)).trimStart();
  if (query.trim() === '') return { query, suggestions: [] };
  const result = await search(deps, { q: query, filters: {}, limit: 4, offset: 0 });
  const suggestions: SearchSuggestions['suggestions'] = [
    ...result.codes.map((code) => ({
      kind: 'code' as const,
      label: code.code,
      detail: code.names[0] ?? (code.known ? code.reason : 'not in the bundled tables'),
      url: code.url,
    })),
    ...result.didYouMean.slice(0, 2).map((code) => ({
      kind: 'did-you-mean' as const,
      label: `${code.code}?`,
      detail: code.names[0] ?? code.reason,
      url: code.url,
    })),
    ...result.articles.map((article) => ({
      kind: 'article' as const,
      label: article.title,
      detail: article.code,
      url: article.url,
    })),
    ...result.codesByMeaning.slice(0, 2).map((code) => ({
      kind: 'code-by-meaning' as const,
      label: code.title,
      detail: code.code,
      url: code.url,
    })),
  ];
  // One place is offered once, where it first comes.
  const byUrl = new Map<string, SearchSuggestions['suggestions'][number]>();
  for (const suggestion of suggestions)
    if (!byUrl.has(suggestion.url)) byUrl.set(suggestion.url, suggestion);
  return { query, suggestions: [...byUrl.values()].slice(0, MAX_SUGGESTIONS) };
}
