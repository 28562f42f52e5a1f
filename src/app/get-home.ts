import { isCanonical, valueOfCode } from '../core/codes/code-value.js';
import { decodeCode } from '../core/codes/decode-hresult.js';
import { FAMILY_GROUPS, familyGroupOf } from '../core/families/family-groups.js';
import type { LookupTally } from '../core/demand-ports.js';
import type { AppDeps } from './deps.js';
import { articlePath, codePath, familyPath } from './urls.js';

export interface PopularCode {
  code: string;
  /** The first name the tables give it. */
  name: string | undefined;
  url: string;
  hasArticle: boolean;
}

export interface ArticleGroup {
  /** The primary family of the articles' codes; absent for codes no family takes. */
  family: { id: string; title: string; url: string } | undefined;
  articles: { code: string; title: string; url: string }[];
}

export interface HomeView {
  popular: PopularCode[];
  articleGroups: ArticleGroup[];
}

type HomeDeps = Pick<AppDeps, 'store' | 'catalog' | 'families'>;

const primaryFamily = (deps: Pick<AppDeps, 'catalog' | 'families'>, code: string) => {
  if (!isCanonical(code)) return undefined;
  const value = valueOfCode(code);
  return deps.families.familiesOf(
    value,
    decodeCode(value, deps.catalog),
    deps.catalog.namesOf(value),
  )[0];
};

/**
 * What the home page lists: the codes people look up most (with their names and whether an
 * article exists), and every article under its code's primary family — families in the order of
 * /families' areas, then by priority and title; articles by code. The tallies come from
 * `demand.mostLookedUp`, asked by the caller: it is cheap, and it decides whether a kept page is
 * still current, whereas reading every article is done only when it is not.
 */
export async function getHome(deps: HomeDeps, tallies: readonly LookupTally[]): Promise<HomeView> {
  const stored = await deps.store.listArticles();
  const withArticle = new Set(stored.map((s) => s.article.code));
  const popular = tallies.map(({ code }) => ({
    code,
    name: isCanonical(code) ? deps.catalog.namesOf(valueOfCode(code))[0]?.name : undefined,
    url: codePath(code),
    hasArticle: withArticle.has(code),
  }));

  const groups = new Map<string, ArticleGroup & { order: [number, number, string] }>();
  for (const { article } of stored) {
    const family = primaryFamily(deps, article.code);
    const key = family?.id ?? '';
    let group = groups.get(key);
    if (!group) {
      const area = family
        ? FAMILY_GROUPS.findIndex((g) => g.id === familyGroupOf(family.match))
        : FAMILY_GROUPS.length;
      group = {
        family: family && { id: family.id, title: family.title, url: familyPath(family.id) },
        articles: [],
        order: [area, family?.priority ?? Number.MAX_SAFE_INTEGER, family?.title ?? ''],
      };
      groups.set(key, group);
    }
    group.articles.push({
      code: article.code,
      title: article.title,
      url: articlePath(article.product, article.code),
    });
  }
  const articleGroups = [...groups.values()]
    .sort(
      (a, b) =>
        a.order[0] - b.order[0] || a.order[1] - b.order[1] || a.order[2].localeCompare(b.order[2]),
    )
    .map(({ family, articles }) => ({
      family,
      articles: articles.sort((a, b) => a.code.localeCompare(b.code) || a.url.localeCompare(b.url)),
    }));
  return { popular, articleGroups };
}
