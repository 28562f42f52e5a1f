import { resolveFixes } from '../core/articles/resolve-fixes.js';
import type { InlineFix, Procedure } from '../core/articles/schema.js';
import type { Article } from '../core/articles/schema.js';
import { DomainError } from '../core/errors.js';
import type { StoredArticle } from '../core/ports.js';
import { type PlatformStatus } from '../core/products/platform-support.js';
import { dayOfClock } from './clock-day.js';
import { platformStatusOf } from '../core/products/registry.js';
import type { AppDeps } from './deps.js';
import type { ArticleResponse } from './responses.js';
import { articlePath } from './urls.js';

/** An article as stored, or `not_found` naming what was asked for. */
export async function getArticle(
  deps: Pick<AppDeps, 'store'>,
  product: string,
  code: string,
): Promise<StoredArticle> {
  const stored = await deps.store.getArticle(product, code);
  if (!stored) {
    throw new DomainError('not_found', `there is no article for ${code} in ${product}`);
  }
  return stored;
}

/** Every platform the article or one of its fixes lists, in the order they first appear. */
export const platformsOf = (article: Article): string[] => [
  ...new Set([...article.appliesTo, ...article.fixes.flatMap((fix) => fix.platforms ?? [])]),
];

/**
 * The article's platforms as of the clock's day: a platform whose support has ended is shown so
 * ("Windows 7 - support ended January 14, 2020"), from the registry's dates.
 */
export function platformStatuses(
  deps: Pick<AppDeps, 'registry' | 'clock'>,
  ids: readonly string[],
): PlatformStatus[] {
  const today = dayOfClock(deps.clock);
  return ids.map((id) => platformStatusOf(deps.registry, id, today));
}

export const toArticleResponse = (
  deps: Pick<AppDeps, 'registry' | 'clock'>,
  stored: StoredArticle,
): ArticleResponse => ({
  article: stored.article,
  platforms: platformStatuses(deps, platformsOf(stored.article)),
  revision: stored.revision,
  updatedAt: stored.updatedAt,
  url: articlePath(stored.article.product, stored.article.code),
});

export interface ArticleForReading {
  stored: StoredArticle;
  /** Procedure uses replaced by the procedures, in the article's order. */
  fixes: InlineFix[];
  /** The shared procedure behind a fix, by fix id: pages name and link it. */
  procedureOf: ReadonlyMap<string, { id: string; title: string }>;
}

/** What a page needs to show an article: the stored article with its fixes resolved. */
export async function getArticleForReading(
  deps: Pick<AppDeps, 'store'>,
  product: string,
  code: string,
): Promise<ArticleForReading> {
  const stored = await getArticle(deps, product, code);
  const procedures = new Map<string, Procedure>();
  for (const fix of stored.article.fixes) {
    if (!('use' in fix) || procedures.has(fix.use)) continue;
    const found = await deps.store.getProcedure(fix.use);
    if (found) procedures.set(fix.use, found.procedure);
  }
  const fixes = resolveFixes(stored.article, procedures);
  if (!fixes.ok) throw new DomainError('unknown_procedure', fixes.reason);
  const procedureOf = new Map<string, { id: string; title: string }>();
  for (const fix of stored.article.fixes) {
    const procedure = 'use' in fix ? procedures.get(fix.use) : undefined;
    if (procedure) procedureOf.set(fix.id, { id: procedure.id, title: procedure.title });
  }
  return { stored, fixes: fixes.value, procedureOf };
}

/** Each platform an article page names (its own and its resolved fixes'), by id, as of today. */
export function platformsForReading(
  deps: Pick<AppDeps, 'registry' | 'clock'>,
  view: ArticleForReading,
): ReadonlyMap<string, PlatformStatus> {
  const ids = new Set(platformsOf(view.stored.article));
  for (const fix of view.fixes) for (const id of fix.platforms ?? []) ids.add(id);
  return new Map(platformStatuses(deps, [...ids]).map((status) => [status.id, status]));
}
