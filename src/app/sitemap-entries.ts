import { formatCode } from '../core/codes/code-value.js';
import type { AppDeps } from './deps.js';
import {
  articlePath,
  codePath,
  familiesPath,
  familyPath,
  homePath,
  procedurePath,
  proceduresPath,
} from './urls.js';

/** One address for a sitemap; `lastmod` (YYYY-MM-DD) only where we know when it changed. */
export interface SitemapEntry {
  path: string;
  lastmod?: string;
}

/** What the sitemap lists: the pages with articles, and the code pages split into parts. */
export interface SitemapParts {
  /**
   * Home, families, family pages, the shared procedures and every article (with its revision's
   * date). A procedure is stored without a revision or date, so its pages carry no `lastmod`.
   */
  articles: SitemapEntry[];
  /** Code pages, `codesPerPart` to a part, in numeric order. */
  codeParts: SitemapEntry[][];
  /** The newest revision date of any article: the articles part's own `lastmod`. */
  articlesLastmod?: string;
}

/**
 * Well below the protocol's 50,000 URLs (and 50 MB) a file, so a part stays small to fetch and
 * parse; ~10,800 codes make three parts.
 */
export const CODES_PER_PART = 5_000;

/**
 * Every page a search engine should know. A code that has an article is listed by its article
 * only: its code page redirects there, and a sitemap lists final addresses, not redirects.
 */
export async function sitemapParts(
  deps: Pick<AppDeps, 'store' | 'catalog' | 'families'>,
  codesPerPart: number = CODES_PER_PART,
): Promise<SitemapParts> {
  const [stored, procedures] = await Promise.all([
    deps.store.listArticles(),
    deps.store.listProcedures(),
  ]);
  const withArticle = new Set(stored.map((s) => s.article.code));
  const articles: SitemapEntry[] = [
    { path: homePath },
    { path: familiesPath },
    ...deps.families.list().map((family) => ({ path: familyPath(family.id) })),
    { path: proceduresPath },
    ...procedures
      .map(({ procedure }) => procedure.id)
      .sort()
      .map((id) => ({ path: procedurePath(id) })),
    ...stored.map((s) => ({
      path: articlePath(s.article.product, s.article.code),
      lastmod: s.updatedAt.slice(0, 10),
    })),
  ];
  const dates = stored.map((s) => s.updatedAt.slice(0, 10)).sort();
  const codes = [...deps.catalog.values()]
    .sort((a, b) => a - b)
    .map((value) => formatCode(value))
    .filter((code) => !withArticle.has(code));
  const codeParts: SitemapEntry[][] = [];
  for (let start = 0; start < codes.length; start += codesPerPart) {
    codeParts.push(
      codes.slice(start, start + codesPerPart).map((code) => ({ path: codePath(code) })),
    );
  }
  const newest = dates.at(-1);
  return { articles, codeParts, ...(newest ? { articlesLastmod: newest } : {}) };
}
