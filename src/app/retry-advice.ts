import type { Family } from '../core/families/family-schema.js';
import type { ArticleRef } from '../core/ports.js';
import type { AppDeps } from './deps.js';
import type { RetryView } from './responses.js';
import { articlePath } from './urls.js';

/**
 * What a script should do with a code (issue 8, "answers that scripts can act on"): the advice
 * of the code's article where it gives one, else its primary family's. A success or
 * informational value (the top bit clear) needs no retry: there is no advice for it.
 */
export async function retryAdvice(
  deps: Pick<AppDeps, 'store'>,
  value: number,
  articles: readonly ArticleRef[],
  primaryFamily: Family | undefined,
): Promise<RetryView | undefined> {
  if (value >>> 31 === 0) return undefined;
  for (const ref of articles) {
    const stored = await deps.store.getArticle(ref.product, ref.code);
    const retry = stored?.article.retry;
    if (!retry) continue;
    const path = articlePath(ref.product, ref.code);
    return {
      when: retry.when,
      reason: retry.reason,
      ...(retry.firstFix !== undefined
        ? { firstFix: retry.firstFix, firstFixUrl: `${path}#${encodeURIComponent(retry.firstFix)}` }
        : {}),
      from: 'article',
      source: path,
    };
  }
  if (!primaryFamily) return undefined;
  const { retry } = primaryFamily;
  return {
    when: retry.when,
    reason: retry.reason,
    ...(retry.firstFix !== undefined ? { firstFix: retry.firstFix } : {}),
    from: 'family',
    source: primaryFamily.id,
  };
}
