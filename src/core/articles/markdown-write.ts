import { DomainError } from '../errors.js';
import { indentItem } from './markdown-blocks.js';
import { escapeCause, escapeLines, SECTION_TEXT, SUBSECTION_TEXT } from './markdown-escape.js';
import { writeFixBody } from './markdown-fix-write.js';
import { MEANING_SUBSECTIONS, SECTIONS } from './markdown-sections.js';
import { quoteYaml, writeFlowList, writeSlug } from './markdown-yaml.js';
import type { Article, Cause, Fix, Message, RetryAdvice, Source } from './schema.js';

/**
 * The canonical text of an article (docs/ARTICLE-FORMAT.md): front matter keys in order, codes
 * always quoted, sections in order with absent ones left out, one blank line between blocks,
 * a final newline. `readArticleMarkdown` gives back an equal article.
 *
 * Throws a DomainError (`invalid_article`) only for what no Markdown heading can hold: a line
 * break in a fix title or a question.
 */
export function writeArticleMarkdown(article: Article): string {
  const sections: string[][] = [writeMeaning(article)];
  if (article.causes.length > 0) {
    sections.push([`## ${SECTIONS.causes}`, ...article.causes.flatMap(writeCause)]);
  }
  if (article.fixes.length > 0) {
    const fixes = article.fixes.map((fix, index) => [
      writeFixHeading(fix, index),
      ...writeFixBody(fix),
    ]);
    sections.push([`## ${SECTIONS.fixes}`, ...joinBlocks(fixes)]);
  }
  if (article.escalation !== undefined) {
    sections.push([`## ${SECTIONS.escalation}`, ...escapeLines(article.escalation, SECTION_TEXT)]);
  }
  if (article.faq.length > 0) {
    const entries = article.faq.map((entry, index) => [
      `### ${oneLine(entry.question, `faq.${index}.question`, 'a question')}`,
      ...escapeLines(entry.answer, SUBSECTION_TEXT),
    ]);
    sections.push([`## ${SECTIONS.faq}`, ...joinBlocks(entries)]);
  }
  return `${['---', ...writeFrontMatter(article), '---', ...joinBlocks(sections)].join('\n')}\n`;
}

function writeFrontMatter(article: Article): string[] {
  const lines = [
    `code: ${quoteYaml(article.code)}`,
    `product: ${writeSlug(article.product)}`,
    `title: ${quoteYaml(article.title)}`,
    `severity: ${article.severity}`,
  ];
  if (article.appliesTo.length > 0) {
    lines.push(`appliesTo: ${writeFlowList(article.appliesTo, writeSlug)}`);
  }
  if (article.related.length > 0)
    lines.push(`related: ${writeFlowList(article.related, quoteYaml)}`);
  if (article.retry !== undefined) lines.push(`retry: ${writeRetry(article.retry)}`);
  if (article.sources.length > 0) {
    lines.push('sources:', ...article.sources.map((source) => `  - ${writeSource(source)}`));
  }
  if (article.messages.length > 0) {
    lines.push('messages:', ...article.messages.map((message) => `  - ${writeMessage(message)}`));
  }
  if (article.reviewedAt !== undefined) lines.push(`reviewedAt: ${quoteYaml(article.reviewedAt)}`);
  return lines;
}

const writeFlowMap = (entries: readonly (readonly [string, string | undefined])[]): string =>
  `{ ${entries
    .filter((entry): entry is readonly [string, string] => entry[1] !== undefined)
    .map(([key, value]) => `${key}: ${value}`)
    .join(', ')} }`;

/** One line each: `{ when: after-fix, reason: "…", firstFix: reset-proxy }`. */
const writeRetry = (retry: RetryAdvice): string =>
  writeFlowMap([
    ['when', retry.when],
    ['reason', quoteYaml(retry.reason)],
    ['firstFix', retry.firstFix === undefined ? undefined : writeSlug(retry.firstFix)],
  ]);

/** A source without an address stays a quoted title; with one, `{ title: "…", url: "…" }`. */
const writeSource = (source: Source): string =>
  typeof source === 'string'
    ? quoteYaml(source)
    : writeFlowMap([
        ['title', quoteYaml(source.title)],
        ['url', source.url === undefined ? undefined : quoteYaml(source.url)],
      ]);

const writeMessage = (message: Message): string =>
  writeFlowMap([
    ['lang', message.lang],
    ['where', message.where],
    ['text', quoteYaml(message.text)],
  ]);

function writeMeaning({ meaning }: Article): string[] {
  const blocks = [[`## ${SECTIONS.meaning}`, ...escapeLines(meaning.summary, SUBSECTION_TEXT)]];
  for (const { key, title } of MEANING_SUBSECTIONS) {
    const text = meaning[key];
    if (text !== undefined) blocks.push([`### ${title}`, ...escapeLines(text, SUBSECTION_TEXT)]);
  }
  return joinBlocks(blocks);
}

function writeCause(cause: Cause): string[] {
  const links = cause.fixes.length > 0 ? ` {fixes: [${cause.fixes.join(', ')}]}` : '';
  return indentItem('- ', `${escapeCause(cause.text)}${links}`.split('\n'));
}

function writeFixHeading(fix: Fix, index: number): string {
  const title =
    fix.title === undefined ? '' : `${oneLine(fix.title, `fixes.${index}.title`, 'a fix title')} `;
  return `### ${title}{#${fix.id}}`;
}

function oneLine(text: string, path: string, what: string): string {
  if (!text.includes('\n')) return text;
  throw new DomainError(
    'invalid_article',
    `${path}: ${what} is a Markdown heading and holds one line; remove the line break`,
  );
}

const joinBlocks = (blocks: readonly string[][]): string[] =>
  blocks.flatMap((block, index) => (index === 0 ? block : ['', ...block]));
