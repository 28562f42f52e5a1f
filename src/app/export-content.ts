import { writeArticleMarkdown } from '../core/articles/markdown-write.js';
import { writeProcedureMarkdown } from '../core/articles/procedure-markdown.js';
import type { ContentFile } from './content-file.js';
import type { AppDeps } from './deps.js';

/**
 * Everything stored, as the files `import` reads back: `<product>/<code>.md` and
 * `procedures/<id>.md`, each in its canonical Markdown.
 */
export async function exportContent(deps: Pick<AppDeps, 'store'>): Promise<ContentFile[]> {
  const [articles, procedures] = await Promise.all([
    deps.store.listArticles(),
    deps.store.listProcedures(),
  ]);
  return [
    ...procedures.map(({ procedure }) => ({
      path: `procedures/${procedure.id}.md`,
      text: writeProcedureMarkdown(procedure),
    })),
    ...articles.map(({ article }) => ({
      path: `${article.product}/${article.code}.md`,
      text: writeArticleMarkdown(article),
    })),
  ];
}
