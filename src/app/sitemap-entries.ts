import { formatCode } from '../core/codes/code-value.js';
import type { StoredArticle, StoredProcedure } from '../core/ports.js';
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
   * date). A procedure page shows the procedure and the articles that use it, so it is dated
   * by the newest of the procedure's last change and those articles' revisions.
   */
  articles: SitemapEntry[];
  /** Code pages, `codesPerPart` to a part, in numeric order. */
  codeParts: SitemapEntry[][];
  /** The newest `lastmod` of the articles part's pages: the part's own `lastmod`. */
  articlesLastmod?: string;
}

/**
 * Well below the protocol's 50,000 URLs (and 50 MB) a file, so a part stays small to fetch and
 * parse; ~10,800 codes make three parts.
 */
export const CODES_PER_PART = 5_000;

const dayOf = (iso: string | undefined): string | undefined => iso?.slice(0, 10);

/** The newest of some YYYY-MM-DD dates, as an entry's optional `lastmod`. */
function lastmodOf(dates: readonly (string | undefined)[]): { lastmod?: string } {
  const newest = dates
    .filter((d): d is string => d !== undefined)
    .sort()
    .at(-1);
  return newest === undefined ? {} : { lastmod: newest };
}

/** `/procedures` and each procedure's page, dated by what each shows. */
function procedurePages(
  procedures: readonly StoredProcedure[],
  articles: readonly StoredArticle[],
): SitemapEntry[] {
  const pages = [...procedures]
    .sort((a, b) => a.procedure.id.localeCompare(b.procedure.id))
    .map(({ procedure, updatedAt }) => {
      const users = articles.filter(({ article }) =>
        article.fixes.some((fix) => 'use' in fix && fix.use === procedure.id),
      );
      const dates = [dayOf(updatedAt), ...users.map((s) => dayOf(s.updatedAt))];
      return { path: procedurePath(procedure.id), ...lastmodOf(dates) };
    });
  return [{ path: proceduresPath, ...lastmodOf(pages.map((p) => p.lastmod)) }, ...pages];
}

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
    ...procedurePages(procedures, stored),
    ...stored.map((s) => ({
      path: articlePath(s.article.product, s.article.code),
      lastmod: s.updatedAt.slice(0, 10),
    })),
  ];
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
  // The part changed when any page in it did: an article or a procedure.
  const newest = lastmodOf(articles.map((entry) => entry.lastmod)).lastmod;
  return { articles, codeParts, ...(newest ? { articlesLastmod: newest } : {}) };
}
