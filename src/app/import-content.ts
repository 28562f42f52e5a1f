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
import { type Issue, issueText, type ReadFailure } from '../core/issues.js';
import { fail, ok, type Result } from '../core/result.js';
import { contentHash } from './content-hash.js';
import { kindOfContent, type ContentFile } from './content-file.js';
import type { TransactionStores } from '../core/ports.js';
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

/** What `importContent` needs: the registry to check products, a unit of work to save in. */
export type ImportDeps = Pick<AppDeps, 'registry' | 'clock' | 'unitOfWork'>;

/**
 * Imports articles (Markdown or scraped page text) and procedures. Every file is read and
 * checked before anything is saved, and everything is saved in one unit of work: one bad file,
 * a failure half-way or a killed process means nothing is written. The error lists every bad
 * file with its reason: as text (the message) and as issues, each with its file, line, path
 * and stable code (`details.issues`).
 */
export async function importContent(
  deps: ImportDeps,
  files: readonly ContentFile[],
  options: ImportOptions,
): Promise<ImportedItem[]> {
  const parsed = parseContent(deps, files, options);
  return deps.unitOfWork.run((tx) => saveContent(tx, parsed, deps.clock.now(), options));
}

/** Parsed files, ready for `saveContent`; throws `invalid_article` listing every bad one. */
export function parseContent(
  deps: Pick<AppDeps, 'registry'>,
  files: readonly ContentFile[],
  options: ImportOptions,
): ParsedContent {
  const parsed: Parsed[] = [];
  const refusals = new Refusals();
  for (const file of files) {
    const result = parseFile(deps, file, options);
    if (result.ok) parsed.push(result.value);
    else refusals.add(file.path, result.reason.issues, result.reason.message);
  }
  refusals.throwAny();
  return { parsed };
}

/** Parsed content; opaque outside this file. */
export interface ParsedContent {
  readonly parsed: readonly Parsed[];
}

/** Every refused file: its lines of text for people, and its issues (each naming the file). */
class Refusals {
  private readonly problems: string[] = [];
  private readonly issues: Issue[] = [];

  add(file: string, found: readonly Issue[], text?: string): void {
    this.problems.push(`${file}: ${text ?? found.map(issueText).join('; ')}`);
    this.issues.push(...found.map((issue) => ({ ...issue, file })));
  }

  throwAny(): void {
    if (this.problems.length === 0) return;
    const { problems, issues } = this;
    throw new DomainError('invalid_article', problems.join('\n'), { problems, issues });
  }
}

/**
 * Saves parsed content inside a unit of work the caller holds: procedure references are
 * checked against what this transaction sees, and each article is saved from the revision it
 * read here (no other writer can come between, so no `revision_conflict` arises).
 */
export async function saveContent(
  tx: TransactionStores,
  { parsed }: ParsedContent,
  now: Date,
  options: ImportOptions,
): Promise<ImportedItem[]> {
  const known = new Set((await tx.articles.listProcedures()).map((p) => p.procedure.id));
  for (const item of parsed) if (item.kind === 'procedure') known.add(item.procedure.id);
  const refusals = new Refusals();
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
        const issue = { code: 'unknown_procedure', path, message };
        refusals.add(item.path, [line > 0 ? { ...issue, line } : issue], message);
      }
    });
  }
  refusals.throwAny();

  const at = now.toISOString();
  const imported: ImportedItem[] = [];
  // Procedures first: the articles saved after them may use them.
  for (const item of parsed) {
    if (item.kind !== 'procedure') continue;
    const changed = await tx.articles.saveProcedure(item.procedure, item.hash, at);
    imported.push({ path: item.path, kind: 'procedure', key: item.procedure.id, changed });
  }
  for (const item of parsed) {
    if (item.kind !== 'article') continue;
    const { product, code } = item.article;
    const current = await tx.articles.getArticleRef(product, code);
    const outcome = await tx.articles.saveArticle({
      article: item.article,
      contentHash: item.hash,
      baseRevision: current?.revision ?? 0,
      at,
      author: options.author,
      reason: options.reason,
    });
    imported.push({
      path: item.path,
      kind: 'article',
      key: `${product}/${code}`,
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
  deps: Pick<AppDeps, 'registry'>,
  file: ContentFile,
  options: ImportOptions,
): Result<Parsed, ReadFailure> {
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

function importPage(text: string, deps: Pick<AppDeps, 'registry'>) {
  const read = importPageText(text, deps.registry);
  return read.ok ? ok({ article: read.value, lines: new Map<string, number>() }) : read;
}
