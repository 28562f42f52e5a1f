import type { Procedure } from '../core/articles/schema.js';
import { DomainError } from '../core/errors.js';
import type { StoredArticle } from '../core/ports.js';
import type { AppDeps } from './deps.js';
import { articlePath, procedurePath } from './urls.js';

/** An article that uses a procedure; `url` jumps to the fix that uses it. */
export interface ProcedureUse {
  title: string;
  code: string;
  url: string;
}

export interface ProcedureSummary {
  id: string;
  title: string;
  url: string;
  usedBy: ProcedureUse[];
}

export interface ProcedureForReading extends ProcedureSummary {
  procedure: Procedure;
}

/** Every article fix that says `use: <id>`, linked to that fix; ordered by code. */
function usesOf(id: string, articles: readonly StoredArticle[]): ProcedureUse[] {
  return articles
    .flatMap(({ article }) =>
      article.fixes
        .filter((fix) => 'use' in fix && fix.use === id)
        .map((fix) => ({
          title: article.title,
          code: article.code,
          url: `${articlePath(article.product, article.code)}#${encodeURIComponent(fix.id)}`,
        })),
    )
    .sort((a, b) => a.code.localeCompare(b.code) || a.url.localeCompare(b.url));
}

/** Every shared procedure with the articles that use it, by title. */
export async function listProcedures(deps: Pick<AppDeps, 'store'>): Promise<ProcedureSummary[]> {
  const [procedures, articles] = await Promise.all([
    deps.store.listProcedures(),
    deps.store.listArticles(),
  ]);
  return procedures
    .map(({ procedure }) => ({
      id: procedure.id,
      title: procedure.title,
      url: procedurePath(procedure.id),
      usedBy: usesOf(procedure.id, articles),
    }))
    .sort((a, b) => a.title.localeCompare(b.title));
}

/** One procedure to read on its own page; `not_found` names the known ids. */
export async function getProcedureForReading(
  deps: Pick<AppDeps, 'store'>,
  id: string,
): Promise<ProcedureForReading> {
  const stored = await deps.store.getProcedure(id);
  if (!stored) {
    const known = (await deps.store.listProcedures()).map((p) => p.procedure.id).join(', ');
    throw new DomainError('not_found', `There is no procedure "${id}"; procedures: ${known}.`);
  }
  const { procedure } = stored;
  return {
    id: procedure.id,
    title: procedure.title,
    url: procedurePath(procedure.id),
    usedBy: usesOf(procedure.id, await deps.store.listArticles()),
    procedure,
  };
}
