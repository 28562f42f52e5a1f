import { isCanonical, valueOfCode } from '../core/codes/code-value.js';
import type { AppDeps } from './deps.js';
import { suggestCodes } from './suggest-codes.js';
import { codePath } from './urls.js';

export interface SuggestedCode {
  code: string;
  /** The first name the tables give it. */
  name: string | undefined;
  url: string;
  hasArticle: boolean;
}

/**
 * The did-you-mean list of an error or not-found page: the API's suggestions for the input
 * (`suggestCodes`: nearest first, then the most looked up), then any other codes the error
 * itself named (`sure`: a name's near spellings, which the edit distance of numbers cannot
 * find), those too by how often they are looked up; each with its name and whether it has an
 * article.
 */
export async function suggestionsForPage(
  deps: Pick<AppDeps, 'catalog' | 'demand' | 'store'>,
  input: string,
  sure: readonly string[] = [],
  limit = 8,
): Promise<SuggestedCode[]> {
  const ranked = (await suggestCodes(deps, input, limit)).suggestions.map((s) => s.code);
  const others = sure.filter((code) => isCanonical(code) && !ranked.includes(code));
  const counts = await deps.demand.lookupCounts(others);
  // Stable: at the same count the error's own order (nearest first) stands.
  others.sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0));
  const codes = [...ranked, ...others].slice(0, limit);
  return Promise.all(
    codes.map(async (code) => ({
      code,
      name: isCanonical(code) ? deps.catalog.namesOf(valueOfCode(code))[0]?.name : undefined,
      url: codePath(code),
      hasArticle: (await deps.store.findArticlesByCode(code)).length > 0,
    })),
  );
}
