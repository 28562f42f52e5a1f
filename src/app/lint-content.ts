import { lintArticle, type LintProblem } from '../core/articles/lint.js';
import { lineOf } from '../core/articles/markdown-issues.js';
import { readArticleSource } from '../core/articles/markdown-read.js';
import { readProcedureMarkdown } from '../core/articles/procedure-markdown.js';
import { readFamilySource } from '../core/families/family-markdown.js';
import type { Family } from '../core/families/family-schema.js';
import type { Procedure } from '../core/articles/schema.js';
import type { Catalog } from '../core/codes/catalog.js';
import { isCanonical, valueOfCode } from '../core/codes/code-value.js';
import type { ReadFailure } from '../core/issues.js';
import type { ProductRegistry } from '../core/products/registry.js';
import { lintRegistrySource } from '../core/products/registry-source.js';
import { kindOfContent, type ContentFile } from './content-file.js';

/**
 * A lint problem with its line, a rule over the files (a second
 * article for a code), or a problem of a file that does not parse at all: then its code is the
 * reader's (`unknown_section`, `too_large`, … — docs/ARTICLE-FORMAT.md, "Errors").
 */
export type ContentProblem = Omit<LintProblem, 'code'> & {
  code: LintProblem['code'] | 'duplicate-article' | (string & {});
  line?: number;
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
  /** Today (YYYY-MM-DD) from the caller's clock: platforms whose support has ended by then. */
  today: string;
}

const parseProblems = (failure: ReadFailure): ContentProblem[] =>
  failure.issues.map((issue) => ({ ...issue, level: 'error' }));

/** Reads and lints Markdown articles and procedures; a file that does not parse is one problem. */
export function lintContent(input: LintInput, files: readonly ContentFile[]): LintedFile[] {
  const procedures = new Map(input.procedures);
  const results: LintedFile[] = [];
  // A products.yaml among the files is checked too, and when valid its platforms are the ones
  // the articles beside it are checked against.
  let registry = input.registry;
  for (const file of files.filter(isRegistryFile)) {
    const linted = lintRegistrySource(file.text);
    if (linted.registry) registry = linted.registry;
    results.push({ path: file.path, problems: linted.problems });
  }
  const articles: { path: string; text: string }[] = [];
  const families: { path: string; family: Family; lines: ReadonlyMap<string, number> }[] = [];
  for (const file of files) {
    if (isRegistryFile(file)) continue;
    const kind = kindOfContent(file);
    if (kind === 'procedure') {
      const read = readProcedureMarkdown(file.text);
      if (read.ok) procedures.set(read.value.id, read.value);
      results.push({ path: file.path, problems: read.ok ? [] : parseProblems(read.reason) });
    } else if (kind === 'family') {
      const read = readFamilySource(file.text);
      if (read.ok) families.push({ path: file.path, ...read.value });
      else results.push({ path: file.path, problems: parseProblems(read.reason) });
    } else if (kind === 'article') {
      articles.push(file);
    } else {
      results.push({
        path: file.path,
        problems: [
          {
            code: 'front_matter',
            level: 'error',
            path: [],
            line: 1,
            message: 'not an article: Markdown articles start with "---" front matter',
          },
        ],
      });
    }
  }
  const namesOf = (code: string): readonly string[] =>
    isCanonical(code) ? input.catalog.namesOf(valueOfCode(code)).map((n) => n.name) : [];
  // After every file is read, so a procedure named by a family may come later in the list.
  for (const { path, family, lines } of families) {
    const problems = checkFamilyRetry(family, procedures);
    results.push({ path, problems: problems.map((p) => withLine(p, lines)) });
  }
  /** The first file seen for each product and code. */
  const firstFile = new Map<string, string>();
  for (const file of articles) {
    const read = readArticleSource(file.text);
    if (!read.ok) {
      results.push({ path: file.path, problems: parseProblems(read.reason) });
      continue;
    }
    const { article, lines } = read.value;
    const problems: ContentProblem[] = lintArticle(article, {
      registry,
      namesOf,
      procedures,
      today: input.today,
    });
    const key = `${article.product}/${article.code}`;
    const first = firstFile.get(key);
    if (first === undefined) firstFile.set(key, file.path);
    else {
      problems.push({
        code: 'duplicate-article',
        level: 'error',
        path: ['code'],
        message: `${first} is already the ${article.product} article for ${article.code}; one code has one article per product`,
      });
    }
    results.push({
      path: file.path,
      // A field the file does not write (sources missing) is named at line 1, the front matter.
      problems: problems.map((problem) => withLine(problem, lines)),
    });
  }
  return results.sort((a, b) => a.path.localeCompare(b.path));
}

const isRegistryFile = (file: ContentFile): boolean => /(^|\/)products\.yaml$/.test(file.path);

/** The line of the problem's field; line 1 (the front matter) for a field the file lacks. */
const withLine = (problem: ContentProblem, lines: ReadonlyMap<string, number>): ContentProblem => ({
  ...problem,
  line: lineOf(problem.path.map(String), lines, 1),
});

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
        code: 'procedure-unknown',
        level: 'error',
        path: ['retry', 'firstFix'],
        message: `retry names procedure "${id}", which does not exist (procedures: ${[...procedures.keys()].join(', ')})`,
      },
    ];
  }
  if (procedure.risk === 'safe') return [];
  return [
    {
      code: 'retry-fix-not-safe',
      level: 'error',
      path: ['retry', 'firstFix'],
      message: `retry points scripts at procedure "${id}", whose risk is ${procedure.risk ?? 'not given'}; name a procedure whose risk is safe`,
    },
  ];
}
