import type { ReadFailure } from '../issues.js';
import { fail, type Result } from '../result.js';
import { fileTooLarge } from './content-limits.js';
import {
  collectUntil,
  type Line,
  lineAt,
  MarkdownError,
  quoteLine,
  readList,
  readOrFail,
  skipBlank,
  toLines,
} from './markdown-blocks.js';
import {
  isStructure,
  type LineRules,
  SECTION_HEADING,
  SECTION_TEXT,
  splitCause,
  SUBSECTION_TEXT,
  unescapeLines,
} from './markdown-escape.js';
import { readFixBody } from './markdown-fix.js';
import { validateAt } from './markdown-issues.js';
import {
  ARTICLE_FRONT_KEYS,
  MEANING_SUBSECTIONS,
  SECTION_ORDER,
  type SectionKey,
  SECTIONS,
} from './markdown-sections.js';
import { readFrontMatter, type SourceLines } from './markdown-yaml.js';
import {
  type Article,
  articleSchema,
  type Fix,
  inlineFixSchema,
  procedureFixSchema,
} from './schema.js';

/**
 * Reads an article file (docs/ARTICLE-FORMAT.md). Anything the format does not name — an
 * unknown section, a stray paragraph, an unquoted code — is refused with its line and what
 * would be accepted there; nothing is dropped.
 */
export function readArticleMarkdown(text: string): Result<Article, ReadFailure> {
  const read = readArticleSource(text);
  return read.ok ? { ok: true, value: read.value.article } : read;
}

/**
 * The article and the line each field came from (`fixes.2.verify` → 31), so problems found
 * later (lint) can name their line too. A file over MAX_FILE_BYTES is refused unread.
 */
export function readArticleSource(
  text: string,
): Result<{ article: Article; lines: SourceLines }, ReadFailure> {
  const tooLarge = fileTooLarge(text);
  if (tooLarge) return fail({ message: tooLarge.message, issues: [tooLarge] });
  return readOrFail(() => {
    const lines: SourceLines = new Map();
    return { article: readArticle(toLines(text), lines), lines };
  });
}

const SUBHEADING = /^###(?=[ \t]|$)/;
const FIX_HEADING = /^([\s\S]*?)\s*\{#([^{}]*)\}$/;
const CAUSE_MARKER = /^-(?= |$)/;
const FIX_LINKS = /^\{fixes:[ \t]*\[([^\]]*)\][ \t]*\}$/;

type Fields = Record<string, unknown>;
type SectionReader = (
  lines: readonly Line[],
  at: number,
  article: Fields,
  map: SourceLines,
) => number;

const sectionList = SECTION_ORDER.map((key) => `"## ${SECTIONS[key]}"`).join(', ');

function readArticle(lines: readonly Line[], map: SourceLines): Article {
  const front = readFrontMatter(
    lines,
    { keys: ARTICLE_FRONT_KEYS, strings: ARTICLE_FRONT_KEYS, codes: ['code', 'related'] },
    map,
  );
  const article: Fields = { ...front.values };
  let i = skipBlank(lines, front.next);
  const opening = lineAt(lines, i).text;
  if (!SECTION_HEADING.test(opening) || opening.slice(2).trim() !== SECTIONS.meaning) {
    throw new MarkdownError(
      lineAt(lines, i).no,
      `expected the first section, "## ${SECTIONS.meaning}" (the summary), ` +
        `found ${i < lines.length ? quoteLine(lineAt(lines, i).text) : 'the end of the file'}`,
      'unexpected_content',
      ['meaning'],
    );
  }
  let last = -1;
  while (i < lines.length) {
    const line = lineAt(lines, i);
    // Every section reader stops at a `##` heading or the end, or refuses what it met.
    const title = line.text.slice(2).trim();
    const index = SECTION_ORDER.findIndex((key) => SECTIONS[key] === title);
    const key = SECTION_ORDER[index];
    if (key === undefined) {
      throw new MarkdownError(
        line.no,
        `unknown section ${quoteLine(line.text)}; expected one of: ${sectionList}`,
        'unknown_section',
      );
    }
    if (index <= last) {
      const earlier = SECTIONS[SECTION_ORDER[last] ?? key];
      throw new MarkdownError(
        line.no,
        index === last
          ? `section "## ${title}" appears twice`
          : `section "## ${title}" must come before "## ${earlier}"`,
        'section_order',
        [key],
      );
    }
    last = index;
    map.set(key, line.no);
    i = READERS[key](lines, i + 1, article, map);
  }
  return validateAt(articleSchema, article, map, '', 1);
}

/** Markdown text up to the next heading the rules name; unescaped and trimmed. */
function readText(lines: readonly Line[], at: number, rules: LineRules) {
  const run = collectUntil(lines, at, (text) => isStructure(text, rules));
  return { text: unescapeLines(run.texts, rules), next: run.next };
}

const readMeaning: SectionReader = (lines, at, article, map) => {
  const summary = readText(lines, at, SUBSECTION_TEXT);
  const meaning: Fields = { summary: summary.text };
  map.set('meaning.summary', lineAt(lines, at - 1).no);
  let i = summary.next;
  let from = 0;
  while (i < lines.length && !SECTION_HEADING.test(lineAt(lines, i).text)) {
    const line = lineAt(lines, i);
    const title = line.text.slice(3).trim();
    const index = MEANING_SUBSECTIONS.findIndex((sub) => sub.title === title);
    const sub = MEANING_SUBSECTIONS[index];
    if (sub === undefined || index < from) {
      const allowed = MEANING_SUBSECTIONS.slice(from).map((s) => `"### ${s.title}"`);
      throw new MarkdownError(
        line.no,
        `unexpected ${quoteLine(line.text)} under "## ${SECTIONS.meaning}"; expected ` +
          `${[...allowed, 'the next section (## …)'].join(', ')} (write \\### to keep a line as text)`,
        'unexpected_content',
        ['meaning'],
      );
    }
    from = index + 1;
    const text = readText(lines, i + 1, SUBSECTION_TEXT);
    meaning[sub.key] = text.text;
    map.set(`meaning.${sub.key}`, line.no);
    i = text.next;
  }
  article.meaning = meaning;
  return i;
};

const readCauses: SectionReader = (lines, at, article, map) => {
  const list = readList(lines, skipBlank(lines, at), CAUSE_MARKER, `under "## ${SECTIONS.causes}"`);
  article.causes = list.items.map((item, index) => {
    map.set(`causes.${index}`, item.no);
    const written = item.lines
      .map((line) => line.text)
      .join('\n')
      .trim();
    const { text, annotation } = splitCause(written);
    const fixes = annotation === undefined ? [] : readFixLinks(annotation, item.no, index);
    return { text, fixes };
  });
  const next = skipBlank(lines, list.next);
  if (next < lines.length && !SECTION_HEADING.test(lineAt(lines, next).text)) {
    throw new MarkdownError(
      lineAt(lines, next).no,
      `expected a cause as a list item "- …" or the next section (## …) under ` +
        `"## ${SECTIONS.causes}", found ${quoteLine(lineAt(lines, next).text)}`,
      'unexpected_content',
      ['causes'],
    );
  }
  return next;
};

function readFixLinks(annotation: string, line: number, cause: number): string[] {
  const path = ['causes', cause, 'fixes'];
  const match = FIX_LINKS.exec(annotation);
  const ids = match?.[1]?.trim();
  if (ids === undefined) {
    throw new MarkdownError(
      line,
      `a cause's trailing ${annotation} is read as its fixes: write {fixes: [fix-id, …]}, ` +
        'or \\{ to keep the braces as text',
      'fix_links',
      path,
    );
  }
  if (ids === '') return [];
  return ids.split(',').map((id) => {
    if (id.trim() === '') {
      throw new MarkdownError(line, `an empty fix id in ${annotation}`, 'fix_links', path);
    }
    return id.trim();
  });
}

const readFixes: SectionReader = (lines, at, article, map) => {
  const fixes: Fix[] = [];
  let i = skipBlank(lines, at);
  while (i < lines.length && !SECTION_HEADING.test(lineAt(lines, i).text)) {
    const line = lineAt(lines, i);
    const heading = SUBHEADING.test(line.text) ? FIX_HEADING.exec(line.text.slice(3).trim()) : null;
    if (!heading) {
      throw new MarkdownError(
        line.no,
        `expected a fix heading "### <title> {#<id>}" under "## ${SECTIONS.fixes}", ` +
          `found ${quoteLine(line.text)}`,
        'unexpected_content',
        ['fixes', fixes.length],
      );
    }
    const [, title = '', id = ''] = heading;
    const index = fixes.length;
    const prefix = `fixes.${index}`;
    map.set(prefix, line.no);
    const body = readFixBody(lines, i + 1, {
      where: `under fix ${JSON.stringify(id)}`,
      line: line.no,
      prefix: `${prefix}.`,
      lines: map,
      allowUse: true,
      after: 'the next fix (### <title> {#<id>}) or section (## …)',
    });
    const fields: Fields = { id, ...(title === '' ? {} : { title }), ...body.fields };
    const schema = fields.use === undefined ? inlineFixSchema : procedureFixSchema;
    fixes.push(validateAt(schema, fields, map, prefix, line.no));
    i = body.next;
  }
  article.fixes = fixes;
  return i;
};

const readEscalation: SectionReader = (lines, at, article) => {
  const text = readText(lines, at, SECTION_TEXT);
  article.escalation = text.text;
  return text.next;
};

const readFaq: SectionReader = (lines, at, article, map) => {
  const faq: Fields[] = [];
  let i = skipBlank(lines, at);
  while (i < lines.length && !SECTION_HEADING.test(lineAt(lines, i).text)) {
    const line = lineAt(lines, i);
    if (!SUBHEADING.test(line.text)) {
      throw new MarkdownError(
        line.no,
        `expected a question as a "### " heading under "## ${SECTIONS.faq}", found ${quoteLine(line.text)}`,
        'unexpected_content',
        ['faq', faq.length],
      );
    }
    map.set(`faq.${faq.length}`, line.no);
    const answer = readText(lines, i + 1, SUBSECTION_TEXT);
    faq.push({ question: line.text.slice(3).trim(), answer: answer.text });
    i = answer.next;
  }
  article.faq = faq;
  return i;
};

const READERS: Record<SectionKey, SectionReader> = {
  meaning: readMeaning,
  causes: readCauses,
  fixes: readFixes,
  escalation: readEscalation,
  faq: readFaq,
};
