import type { Article } from '../core/articles/schema.js';
import { DomainError } from '../core/errors.js';

/** The one wording of a stale save, so every adapter refuses it alike. */
export const revisionConflict = (
  article: Pick<Article, 'product' | 'code'>,
  baseRevision: number,
  currentRevision: number,
): DomainError =>
  new DomainError(
    'revision_conflict',
    `${article.product}/${article.code} was edited from revision ${baseRevision}, but the ` +
      `stored article is at revision ${currentRevision} now; reload it, make the change ` +
      `again and save with base revision ${currentRevision}`,
    { product: article.product, code: article.code, baseRevision, currentRevision },
  );
