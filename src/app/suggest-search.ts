import { fold } from '../core/search/analyze-text.js';
import type { PrefixMatch } from '../core/search/prefix-dictionary.js';
import { readPrefixQuery } from '../core/search/prefix-query.js';
import { readQueryCodes } from '../core/search/query-codes.js';
import type { AppDeps } from './deps.js';
import { cleanQuery } from './search.js';
import type { SearchSuggestions } from './search-response.js';
import { syncSearchIndex } from './sync-search-index.js';
import { articlePath, codePath } from './urls.js';

/** How many options the box shows: a short list a person reads at a glance. */
export const MAX_SUGGESTIONS = 8;
/** What a suggestion reads of the box: more is a paste, which the search page answers. */
export const MAX_SUGGEST_CHARS = 200;
const MAX_ARTICLES = 5;
const MAX_CODES = 2;
const MAX_DID_YOU_MEAN = 2;
/** Matches asked of the index per kind, so popularity can reorder within a match quality. */
const CANDIDATES = 24;

type SuggestDeps = Pick<
  AppDeps,
  'store' | 'catalog' | 'families' | 'search' | 'demand' | 'outcomes'
>;
type Suggestion = SearchSuggestions['suggestions'][number];

/**
 * Search-as-you-type, without running a search: codes read exactly first, then did-you-mean
 * codes, then the articles and codes whose code, names or title the words start (the index's
 * prefix dictionary, kept in step with the store), the last word completed as typed. Within
 * one match quality (whole word before a start of one, code or name before title) the more
 * looked-up code comes first. Never an error: an empty box gets no options. Not recorded as a
 * search miss: half a word is not a miss.
 */
export async function suggestSearch(deps: SuggestDeps, q: string): Promise<SearchSuggestions> {
  const query = cleanQuery(q.slice(0, MAX_SUGGEST_CHARS)).trimStart();
  if (query.trim() === '') return { query, suggestions: [] };
  const codes = readQueryCodes(query, deps.catalog);
  await syncSearchIndex(deps);
  const prefix = readPrefixQuery(query);
  const [exactArticles, articleMatches, codeMatches] = await Promise.all([
    // The article of a code read exactly ("-2147024891", "E_FAIL") comes before the rest.
    Promise.all(
      codes.exact
        .slice(0, MAX_ARTICLES)
        .map((reading) =>
          deps.search.prefixMatches({ terms: [fold(reading.code)], prefix: '' }, 'article', 1),
        ),
    ).then((lists) => lists.flat()),
    deps.search.prefixMatches(prefix, 'article', CANDIDATES),
    deps.search.prefixMatches(prefix, 'code', CANDIDATES),
  ]);
  const all = [...exactArticles, ...articleMatches, ...codeMatches];
  const [lookups, fixed] = await Promise.all([
    deps.demand.lookupCounts([...new Set(all.map((m) => m.document.code))]),
    deps.outcomes.fixedCounts(
      [...exactArticles, ...articleMatches].map((m) => ({
        product: m.document.product ?? '',
        code: m.document.code,
      })),
    ),
  ]);
  const popularity = (match: PrefixMatch): number =>
    (lookups.get(match.document.code) ?? 0) +
    (fixed.get(`${match.document.product ?? ''}/${match.document.code}`) ?? 0);
  const byPopularity = (matches: readonly PrefixMatch[]): PrefixMatch[] =>
    matches
      .map((match, order) => ({ match, order, pop: popularity(match) }))
      .sort(
        (a, b) =>
          Number(b.match.whole) - Number(a.match.whole) ||
          Number(b.match.inName) - Number(a.match.inName) ||
          b.pop - a.pop ||
          a.order - b.order,
      )
      .map(({ match }) => match);

  const suggestions: Suggestion[] = [
    ...codes.exact.map((code) => ({
      kind: 'code' as const,
      label: code.code,
      detail: code.names[0]?.name ?? (code.known ? code.reason : 'not in the bundled tables'),
      url: codePath(code.code),
    })),
    ...codes.fuzzy
      .map((fuzzy) => ({ fuzzy, lookups: lookups.get(fuzzy.code) ?? 0 }))
      .sort((a, b) => a.fuzzy.distance - b.fuzzy.distance || b.lookups - a.lookups)
      .slice(0, MAX_DID_YOU_MEAN)
      .map(({ fuzzy }) => ({
        kind: 'did-you-mean' as const,
        label: `${fuzzy.code}?`,
        detail: fuzzy.names[0] ?? fuzzy.reason,
        url: codePath(fuzzy.code),
      })),
    ...[
      ...new Map(
        [...exactArticles, ...byPopularity(articleMatches)].map((m) => [m.document.id, m]),
      ).values(),
    ]
      .slice(0, MAX_ARTICLES)
      .map(({ document }) => ({
        kind: 'article' as const,
        label: document.title,
        detail: document.code,
        url: articlePath(document.product ?? '', document.code),
      })),
    ...byPopularity(codeMatches)
      .slice(0, MAX_CODES)
      .map(({ document }) => ({
        kind: 'code-by-meaning' as const,
        label: document.title,
        detail: document.code,
        url: codePath(document.code),
      })),
  ];
  // One place is offered once, where it first comes.
  const byUrl = new Map<string, Suggestion>();
  for (const suggestion of suggestions)
    if (!byUrl.has(suggestion.url)) byUrl.set(suggestion.url, suggestion);
  return { query, suggestions: [...byUrl.values()].slice(0, MAX_SUGGESTIONS) };
}
