import { severitySchema } from '../core/articles/schema.js';
import { DomainError } from '../core/errors.js';
import type { SearchFilters } from '../core/search-ports.js';
import { fold } from '../core/search/analyze-text.js';
import { readQueryCodes } from '../core/search/query-codes.js';
import { rankDocuments, type Scored } from '../core/search/rank-documents.js';
import { searchMissKind } from '../core/search/search-miss.js';
import { buildSnippet } from '../core/search/snippet.js';
import {
  expandWithVocabulary,
  parseWords,
  termsOf,
  type WordQuery,
} from '../core/search/word-query.js';
import type { AppDeps } from './deps.js';
import type { SearchResponse } from './search-response.js';
import { syncSearchIndex } from './sync-search-index.js';
import { articlePath, codePath } from './urls.js';

/**
 * Search (issue 9): codes read exactly first, then codes the query probably meant, then the
 * articles, then codes by what they mean. Whatever a person types is a query: only a filter,
 * limit or cursor that is not accepted is an error (`invalid_search_parameter`).
 */

export interface SearchInput {
  q: string;
  filters: Omit<SearchFilters, 'kind'>;
  limit: number;
  offset: number;
}

export const DEFAULT_SEARCH_LIMIT = 10;
export const MAX_SEARCH_LIMIT = 50;
/** A query is read up to here; the rest of a pasted page does not change the answer. */
export const MAX_QUERY_CHARS = 2048;
/** How many candidates of each kind the index hands over for ranking. */
const CANDIDATES = 120;
/** A term in more than this share of all documents is too common to fetch candidates by. */
const COMMON_TERM_SHARE = 0.05;

type SearchDeps = Pick<
  AppDeps,
  'store' | 'catalog' | 'families' | 'search' | 'registry' | 'demand' | 'outcomes'
>;

const invalid = (parameter: string, message: string): DomainError =>
  new DomainError('invalid_search_parameter', message, { parameter });

export const encodeCursor = (offset: number): string =>
  Buffer.from(`o:${offset}`, 'utf8').toString('base64url');

function decodeCursor(cursor: string): number {
  const text = /^[A-Za-z0-9_-]{1,32}$/.test(cursor)
    ? Buffer.from(cursor, 'base64url').toString('utf8')
    : '';
  const match = /^o:(\d{1,6})$/.exec(text);
  if (!match) {
    throw invalid(
      'cursor',
      `cursor "${cursor.slice(0, 40)}" is not one this API gave out; pass the nextCursor of an earlier answer, or leave it out for the first page.`,
    );
  }
  return Number(match[1]);
}

/** The query parameters as given (API, page, CLI) → a checked input, or a DomainError naming the bad one. */
export function parseSearchParams(
  deps: Pick<AppDeps, 'registry' | 'families'>,
  raw: Readonly<Record<string, string | undefined>>,
): SearchInput {
  const filters: SearchInput['filters'] = {};
  const { product, severity, family, platform } = raw;
  if (product !== undefined && product !== '') {
    if (!deps.registry.products.some((p) => p.slug === product))
      throw invalid(
        'product',
        `product "${product}" is not one we have; products: ${deps.registry.products.map((p) => p.slug).join(', ')}.`,
      );
    filters.product = product;
  }
  if (severity !== undefined && severity !== '') {
    if (!severitySchema.safeParse(severity).success)
      throw invalid(
        'severity',
        `severity "${severity}" is not one of ${severitySchema.options.join(', ')}.`,
      );
    filters.severity = severity;
  }
  if (family !== undefined && family !== '') {
    if (deps.families.get(family) === undefined)
      throw invalid(
        'family',
        `family "${family}" is not one we have; see /api/v1/families for their ids.`,
      );
    filters.family = family;
  }
  if (platform !== undefined && platform !== '') {
    if (!deps.registry.platforms.some((p) => p.id === platform))
      throw invalid(
        'platform',
        `platform "${platform}" is not one we have; platforms: ${deps.registry.platforms.map((p) => p.id).join(', ')}.`,
      );
    filters.platform = platform;
  }
  let limit = DEFAULT_SEARCH_LIMIT;
  if (raw.limit !== undefined && raw.limit !== '') {
    if (
      !/^\d{1,3}$/.test(raw.limit) ||
      Number(raw.limit) < 1 ||
      Number(raw.limit) > MAX_SEARCH_LIMIT
    )
      throw invalid(
        'limit',
        `limit "${raw.limit.slice(0, 20)}" must be a whole number from 1 to ${MAX_SEARCH_LIMIT}.`,
      );
    limit = Number(raw.limit);
  }
  const offset = raw.cursor !== undefined && raw.cursor !== '' ? decodeCursor(raw.cursor) : 0;
  return { q: raw.q ?? '', filters, limit, offset };
}

/** Control characters become spaces; the query is cut at MAX_QUERY_CHARS. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
export const cleanQuery = (q: string): string => q.slice(0, MAX_QUERY_CHARS).replace(CONTROL, ' ');

export async function search(deps: SearchDeps, input: SearchInput): Promise<SearchResponse> {
  const q = cleanQuery(input.q);
  const codes = readQueryCodes(q, deps.catalog);
  await syncSearchIndex(deps);
  const stats = await deps.search.stats();
  const parsed = parseWords(q);
  // The code of an exact reading is a word too: its article first, then articles naming it.
  const codeGroups = codes.exact.map((reading) => {
    const term = fold(reading.code);
    return { word: term, alternatives: [{ terms: [term], weight: 1, kind: 'word' as const }] };
  });
  const words: WordQuery = expandWithVocabulary(
    { groups: [...codeGroups, ...parsed.groups] },
    stats.vocabulary,
    q !== '' && !/\s$/.test(q),
  );
  // Terms in most documents ("windows", "update") find nothing a rarer term does not, and make
  // the index score thousands of rows: they rank, but do not fetch, unless they are all there is.
  const allTerms = termsOf(words);
  const isRare = (term: string): boolean =>
    (stats.vocabulary.get(term) ?? 0) <= stats.documents * COMMON_TERM_SHARE;
  const typed = words.groups.flatMap((g) =>
    g.alternatives.filter((a) => a.kind === 'word' || a.kind === 'joined').flatMap((a) => a.terms),
  );
  // Only when a word as typed is rare: else completions and typos alone would fetch.
  const selective = typed.some(isRare) ? allTerms.filter(isRare) : [];
  // All common: the words as typed fetch (as a plain full-text query would), not also every
  // completion and correction of them, which only makes the index score more of its rows.
  const typedKnown = typed.filter((term) => stats.vocabulary.has(term));
  const terms = selective.length > 0 ? selective : typedKnown.length > 0 ? typedKnown : allTerms;
  const { filters } = input;
  const [articleCandidates, codeCandidates] = await Promise.all([
    deps.search.candidates(terms, { ...filters, kind: 'article' }, CANDIDATES),
    filters.product !== undefined ||
    filters.severity !== undefined ||
    filters.platform !== undefined
      ? Promise.resolve([])
      : deps.search.candidates(
          terms,
          { kind: 'code', ...(filters.family ? { family: filters.family } : {}) },
          CANDIDATES,
        ),
  ]);
  const [lookups, fixed] = await Promise.all([
    deps.demand.lookupCounts([
      ...new Set(
        [...articleCandidates, ...codeCandidates]
          .map((d) => d.code)
          .concat(codes.fuzzy.map((f) => f.code)),
      ),
    ]),
    deps.outcomes.fixedCounts(
      articleCandidates.map((d) => ({ product: d.product ?? '', code: d.code })),
    ),
  ]);
  const popularity = (code: string): number => lookups.get(code) ?? 0;
  // Popularity only breaks ties (rankDocuments): an article's is its code's look-ups plus the
  // times one of its fixes worked for someone.
  const articles = rankDocuments(
    articleCandidates,
    words,
    stats,
    (d) => popularity(d.code) + (fixed.get(`${d.product ?? ''}/${d.code}`) ?? 0),
  );
  const codeHits = rankDocuments(codeCandidates, words, stats, (d) => popularity(d.code));
  const page = <T>(list: readonly T[]): T[] => list.slice(input.offset, input.offset + input.limit);
  const more =
    articles.length > input.offset + input.limit || codeHits.length > input.offset + input.limit;
  const bestCovered = Math.max(0, ...[...articles, ...codeHits].map((hit) => hit.coverage));
  const miss = searchMissKind({
    exactCodes: codes.exact.length,
    didYouMean: codes.fuzzy.length,
    results: articles.length + codeHits.length,
    bestCoverage: words.groups.length === 0 ? 0 : bestCovered / words.groups.length,
  });

  return {
    query: q,
    filters,
    codes: codes.exact.map((reading) => ({
      code: reading.code,
      names: reading.names.map((n) => n.name),
      known: reading.known,
      reason: reading.reason,
      url: codePath(reading.code),
    })),
    didYouMean: codes.fuzzy
      .map((fuzzy) => ({ fuzzy, lookups: popularity(fuzzy.code) }))
      .sort((a, b) => a.fuzzy.distance - b.fuzzy.distance || b.lookups - a.lookups)
      .map(({ fuzzy, lookups: count }) => ({
        code: fuzzy.code,
        names: [...fuzzy.names],
        reason: fuzzy.reason,
        lookups: count,
        url: codePath(fuzzy.code),
      })),
    articles: page(articles).map((hit) => ({
      product: hit.document.product ?? '',
      code: hit.document.code,
      title: hit.document.title,
      ...(hit.document.severity ? { severity: hit.document.severity } : {}),
      url: articlePath(hit.document.product ?? '', hit.document.code),
      score: round(hit.score),
      snippet: buildSnippet(hit.document, hit.matched),
    })),
    codesByMeaning: page(codeHits).map((hit) => ({
      code: hit.document.code,
      title: hit.document.title,
      families: [...hit.document.families],
      url: codePath(hit.document.code),
      score: round(hit.score),
      snippet: buildSnippet(hit.document, hit.matched),
    })),
    facets: facetsOf(articles, codeHits),
    total: { articles: articles.length, codes: codeHits.length },
    quality: miss ?? 'good',
    ...(more ? { nextCursor: encodeCursor(input.offset + input.limit) } : {}),
  };
}

const round = (score: number): number => Math.round(score * 1000) / 1000;

function facetsOf(articles: readonly Scored[], codes: readonly Scored[]): SearchResponse['facets'] {
  const count = (values: readonly (string | undefined)[]) => {
    const counts = new Map<string, number>();
    for (const value of values) if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
    return [...counts]
      .sort(([a, ca], [b, cb]) => cb - ca || (a < b ? -1 : 1))
      .map(([value, n]) => ({ value, count: n }));
  };
  return {
    product: count(articles.map((a) => a.document.product)),
    severity: count(articles.map((a) => a.document.severity)),
    family: count([...articles, ...codes].flatMap((hit) => hit.document.families)),
    platform: count(articles.flatMap((a) => a.document.platforms)),
  };
}
