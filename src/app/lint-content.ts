import { lintArticle, type LintProblem } from '../core/articles/lint.js';
import { readArticleMarkdown } from '../core/articles/markdown-read.js';
import { readProcedureMarkdown } from '../core/articles/procedure-markdown.js';
import { readFamilyMarkdown } from '../core/families/family-markdown.js';
import type { Family } from '../core/families/family-schema.js';
import type { Procedure } from '../core/articles/schema.js';
import type { Catalog } from '../core/codes/catalog.js';
import type { ProductRegistry } from '../core/products/registry.js';
import { kindOfContent, type ContentFile } from './content-file.js';

/** A lint problem, or the one problem of a file that does not parse at all. */
export type ContentProblem = Omit<LintProblem, 'rule'> & {
  /** A rule of one article, or one over the files: a file that does not parse, or a second article for a code. */
  rule: LintProblem['rule'] | 'parse-error' | 'duplicate-article';
};

export interface LintedFile {
  path: string;
  problems: ContentProblem[];
}

export interface LintInput {
  registry: ProductRegistry;
  catalog: Catalog;
  /** Procedures known beside the files being linted (the bundled ones). */
  procedures: ReadonlyMap<string, Procedure>;
}

const parseProblem = (message: string): ContentProblem => ({
  rule: 'parse-error',
  level: 'error',
  path: '(file)',
  message,
});

/** Reads and lints Markdown articles and procedures; a file that does not parse is one problem. */
export function lintContent(input: LintInput, files: readonly ContentFile[]): LintedFile[] {
  const procedures = new Map(input.procedures);
  const results: LintedFile[] = [];
  const articles: { path: string; text: string }[] = [];
  const families: { path: string; family: Family }[] = [];
  for (const file of files) {
    const kind = kindOfContent(file);
    if (kind === 'procedure') {
      const read = readProcedureMarkdown(file.text);
      if (read.ok) procedures.set(read.value.id, read.value);
      results.push({ path: file.path, problems: read.ok ? [] : [parseProblem(read.reason)] });
    } else if (kind === 'family') {
      const read = readFamilyMarkdown(file.text);
      if (read.ok) families.push({ path: file.path, family: read.value });
      else results.push({ path: file.path, problems: [parseProblem(read.reason)] });
    } else if (kind === 'article') {
      articles.push(file);
    } else {
      results.push({
        path: file.path,
        problems: [parseProblem('not an article: Markdown articles start with "---" front matter')],
      });
    }
  }
  const namesOf = (code: string): readonly string[] =>
    /^0x[0-9A-F]{8}$/.test(code)
      ? input.catalog.namesOf(Number.parseInt(code.slice(2), 16)).map((n) => n.name)
      : [];
  // After every file is read, so a procedure named by a family may come later in the list.
  for (const { path, family } of families) {
    results.push({ path, problems: checkFamilyRetry(family, procedures) });
  }
  /** The first file seen for each product and code. */
  const firstFile = new Map<string, string>();
  for (const file of articles) {
    const read = readArticleMarkdown(file.text);
    if (!read.ok) {
      results.push({ path: file.path, problems: [parseProblem(read.reason)] });
      continue;
    }
    const problems: ContentProblem[] = lintArticle(read.value, {
      registry: input.registry,
      namesOf,
      procedures,
    });
    const key = `${read.value.product}/${read.value.code}`;
    const first = firstFile.get(key);
    if (first === undefined) firstFile.set(key, file.path);
    else {
      problems.push({
        rule: 'duplicate-article',
        level: 'error',
        path: 'code',
        message: `${first} is already the ${read.value.product} article for ${read.value.code}; one code has one article per product`,
      });
    }
    results.push({ path: file.path, problems });
  }
  return results.sort((a, b) => a.path.localeCompare(b.path));
}

/** A family's retry advice names a procedure as its first fix: it must exist and be safe. */
function checkFamilyRetry(
  family: Family,
  procedures: ReadonlyMap<string, Procedure>,
): ContentProblem[] {
  const id = family.retry.firstFix;
  if (id === undefined) return [];
  const procedure = procedures.get(id);
  if (procedure === undefined) {
    return [
      {
        rule: 'procedure-unknown',
        level: 'error',
        path: 'retry.firstFix',
        message: `retry names procedure "${id}", which does not exist (procedures: ${[...procedures.keys()].join(', ')})`,
      },
    ];
  }
  if (procedure.risk === 'safe') return [];
  return [
    {
      rule: 'retry-fix-not-safe',
      level: 'error',
      path: 'retry.firstFix',
      message: `retry points scripts at procedure "${id}", whose risk is ${procedure.risk ?? 'not given'}; name a procedure whose risk is safe`,
    },
  ];
}
