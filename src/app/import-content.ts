import { lineOf } from '../core/articles/markdown-issues.js';
import { readArticleSource } from '../core/articles/markdown-read.js';
import { writeArticleMarkdown } from '../core/articles/markdown-write.js';
import {
  readProcedureMarkdown,
  writeProcedureMarkdown,
} from '../core/articles/procedure-markdown.js';
import { importPageText } from '../core/articles/page-import.js';
import type { Article, Procedure } from '../core/articles/schema.js';
import { isProcedureFix } from '../core/articles/schema.js';
import { DomainError } from '../core/errors.js';
import { findProduct } from '../core/products/registry.js';
import { type Issue, issueText } from '../core/issues.js';
import { fail, ok, type Result } from '../core/result.js';
import { contentHash } from './content-hash.js';
import { kindOfContent, type ContentFile } from './content-file.js';
import type { AppDeps } from './deps.js';

export interface ImportOptions {
  author: string;
  reason: string;
  /** Bundled content must sit at `<product>/<code>.md`; an import from elsewhere need not. */
  requireCanonicalPaths: boolean;
}

export interface ImportedItem {
  path: string;
  kind: 'article' | 'procedure';
  /** `windows-update/0x80244001` or the procedure id. */
  key: string;
  changed: boolean;
  revision?: number;
}

type Parsed =
  | {
      path: string;
      kind: 'article';
      article: Article;
      hash: string;
      /** Where each field came from (none for page text, whose lines are not the article's). */
      lines: ReadonlyMap<string, number>;
    }
  | { path: string; kind: 'procedure'; procedure: Procedure; hash: string };

/**
 * Imports articles (Markdown or scraped page text) and procedures. Every file is read and
 * checked before anything is saved: one bad file means nothing is written, and the error
 * lists every bad file with its reason: as text (the message) and as issues, each with its
 * file, line, path and stable code (`details.issues`).
 */
export async function importContent(
  deps: AppDeps,
  files: readonly ContentFile[],
  options: ImportOptions,
): Promise<ImportedItem[]> {
  const parsed: Parsed[] = [];
  const problems: string[] = [];
  const issues: Issue[] = [];
  const refuse = (file: string, found: readonly Issue[], text?: string): void => {
    problems.push(`${file}: ${text ?? found.map(issueText).join('; ')}`);
    issues.push(...found.map((issue) => ({ ...issue, file })));
  };
  for (const file of files) {
    const result = parseFile(deps, file, options);
    if (result.ok) parsed.push(result.value);
    else refuse(file.path, result.reason.issues, result.reason.message);
  }
  const known = new Set((await deps.store.listProcedures()).map((p) => p.procedure.id));
  for (const item of parsed) if (item.kind === 'procedure') known.add(item.procedure.id);
  for (const item of parsed) {
    if (item.kind !== 'article') continue;
    item.article.fixes.forEach((fix, index) => {
      if (isProcedureFix(fix) && !known.has(fix.use)) {
        const path = ['fixes', index, 'use'];
        const message =
          `fix "${fix.id}" uses procedure "${fix.use}", which is neither stored nor ` +
          `being imported (known: ${[...known].join(', ') || 'none'})`;
        const line = lineOf(path.map(String), item.lines, 0);
        // Kept without "line N:" in the text, as before: the line is in the issue.
        refuse(
          item.path,
          [{ code: 'unknown_procedure', path, message, ...(line > 0 ? { line } : {}) }],
          message,
        );
      }
    });
  }
  if (problems.length > 0) {
    throw new DomainError('invalid_article', problems.join('\n'), { problems, issues });
  }

  const at = deps.clock.now().toISOString();
  const imported: ImportedItem[] = [];
  // Procedures first: the articles saved after them may use them.
  for (const item of parsed) {
    if (item.kind !== 'procedure') continue;
    const changed = await deps.store.saveProcedure(item.procedure, item.hash);
    imported.push({ path: item.path, kind: 'procedure', key: item.procedure.id, changed });
  }
  for (const item of parsed) {
    if (item.kind !== 'article') continue;
    const outcome = await deps.store.saveArticle({
      article: item.article,
      contentHash: item.hash,
      at,
      author: options.author,
      reason: options.reason,
    });
    imported.push({
      path: item.path,
      kind: 'article',
      key: `${item.article.product}/${item.article.code}`,
      changed: outcome.changed,
      revision: outcome.revision,
    });
  }
  return imported;
}

/** A refusal of a whole file: one issue, no line. */
const refuseFile = (code: string, message: string) =>
  fail({ message, issues: [{ code, path: [], message }] });

function parseFile(
  deps: AppDeps,
  file: ContentFile,
  options: ImportOptions,
): Result<Parsed, { message: string; issues: Issue[] }> {
  const kind = kindOfContent(file);
  if (kind === 'family') {
    return refuseFile(
      'not_importable',
      'families ship with the install (content/families/) and are not imported',
    );
  }
  if (kind === 'procedure') {
    const read = readProcedureMarkdown(file.text);
    if (!read.ok) return read;
    const expected = `procedures/${read.value.id}.md`;
    if (options.requireCanonicalPaths && !file.path.endsWith(expected)) {
      return refuseFile('wrong_path', `procedure "${read.value.id}" must be stored as ${expected}`);
    }
    const hash = contentHash(writeProcedureMarkdown(read.value));
    return ok({ path: file.path, kind, procedure: read.value, hash });
  }
  const read = kind === 'article' ? readArticleSource(file.text) : importPage(file.text, deps);
  if (!read.ok) return read;
  const { article, lines } = read.value;
  if (!findProduct(deps.registry, article.product)) {
    const known = deps.registry.products.map((p) => p.slug).join(', ');
    const message = `product "${article.product}" is not in products.yaml (known: ${known})`;
    const line = lines.get('product');
    const issue = { code: 'unknown_product', path: ['product'], message };
    return fail({ message, issues: [line === undefined ? issue : { ...issue, line }] });
  }
  const expected = `${article.product}/${article.code}.md`;
  if (options.requireCanonicalPaths && file.path !== expected) {
    return refuseFile(
      'wrong_path',
      `the article for ${article.code} in ${article.product} must be stored as ${expected}`,
    );
  }
  return ok({
    path: file.path,
    kind: 'article',
    article,
    hash: contentHash(writeArticleMarkdown(article)),
    lines,
  });
}

function importPage(text: string, deps: AppDeps) {
  const read = importPageText(text, deps.registry);
  return read.ok ? ok({ article: read.value, lines: new Map<string, number>() }) : read;
}
