import { decodeCode } from '../core/codes/decode-hresult.js';
import { relatedCodes } from '../core/families/related-codes.js';
import type { AppDeps } from './deps.js';
import type { CodeDetails, ReadingView } from './responses.js';
import { codePath, familyPath } from './urls.js';

/**
 * What a code page shows beyond the reading itself: the code's families (primary first) with
 * their text, its one-line note, related codes (grouped by why, each saying whether it has an
 * article) and how many people asked for an article.
 */
export async function describeCode(
  deps: Pick<AppDeps, 'catalog' | 'families' | 'mentions' | 'demand' | 'store'>,
  reading: ReadingView,
): Promise<CodeDetails> {
  const decoded = decodeCode(reading.value, deps.catalog);
  const names = deps.catalog.namesOf(reading.value);
  const families = deps.families.familiesOf(reading.value, decoded, names);
  const related = relatedCodes(reading.value, {
    index: deps.families,
    catalog: deps.catalog,
    decoded,
    names,
    articleMentions: await deps.mentions.get(),
  });
  const note = deps.families.noteFor(reading.value);
  const withArticle = await Promise.all(
    related.map(async (r) => (await deps.store.findArticlesByCode(r.code)).length > 0),
  );
  return {
    families: families.map((family) => ({
      id: family.id,
      title: family.title,
      description: family.description,
      helps: family.helps,
      url: familyPath(family.id),
    })),
    ...(note ? { note: note.text } : {}),
    related: related.map((r, i) => ({
      code: r.code,
      why: r.why,
      names: r.names.map((n) => n.name),
      hasArticle: withArticle[i] ?? false,
      url: codePath(r.code),
    })),
    requests: await deps.demand.articleRequestCount(reading.code),
  };
}
