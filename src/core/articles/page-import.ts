import {
  findPlatformByName,
  findProductByName,
  type Product,
  type ProductRegistry,
} from '../products/registry.js';
import { formatCode } from '../codes/code-value.js';
import { dottedPath, readFailure, type ReadFailure } from '../issues.js';
import { fail, ok, type Result } from '../result.js';
import { fieldTooLargeMessage, fileTooLarge, oversizedFields } from './content-limits.js';
import { fenceAnswerCommands } from './page-import-faq.js';
import { readFixes } from './page-import-fixes.js';
import {
  failAt,
  nextLineNo,
  type PageResult,
  readLines,
  sameHeading,
  splitSections,
  type PageLine,
  type PageSection,
} from './page-lines.js';
import {
  articleSchema,
  describeIssues,
  type Article,
  type ArticleInput,
  type Cause,
  type FaqEntry,
  type Severity,
} from './schema.js';

/**
 * The page-text importer (DESIGN.md, "Article model"): a scraped article page — code,
 * product name, "Severity: …" glued to the meaning heading, then the sections "Affected
 * Models", "Common Causes", "How to Fix It", "When to Call a Professional", "Frequently Asked
 * Questions", each optional — as a schema-valid article. A conversion, not a round trip: it
 * keeps every piece of information on the page, and refuses a page it cannot read with the
 * line number and what was expected there.
 */

export const MEANING_HEADING = 'What Does This Error Mean?';
const SEVERITIES: readonly { word: string; value: Severity }[] = [
  { word: 'Low', value: 'low' },
  { word: 'Moderate', value: 'moderate' },
  { word: 'High', value: 'high' },
  { word: 'Critical', value: 'critical' },
];
const SEVERITY_FORM = `'Severity: <${SEVERITIES.map((s) => s.word).join('|')}>'`;
const PAGE_CODE = /^(?:0x)?([0-9a-f]{8})$/i;
const SEVERITY_LINE = /^severity\s*:\s*(.*)$/i;
/** The scraper glues the meaning heading onto the severity line: "Severity: ModerateWhat Does…". */
const GLUED_MEANING_HEADING = /\s*what does this error mean\s*\??$/i;
const LIST_ITEM = /^-\s+(.+)$/;

const quoteList = (names: readonly string[]): string => names.map((n) => `"${n}"`).join(', ');

interface Header {
  code: string;
  product: Product;
  severity: Severity;
  /** Index in the page's lines where the meaning starts. */
  bodyIndex: number;
}

function readHeader(
  lines: readonly PageLine[],
  endNo: number,
  registry: ProductRegistry,
): PageResult<Header> {
  const [codeLine, productLine, severityLine] = lines;
  if (codeLine === undefined) {
    return failAt(
      1,
      'unexpected_content',
      'expected the error code (e.g. 0x80244001), found an empty page',
      ['code'],
    );
  }
  const code = PAGE_CODE.exec(codeLine.text)?.[1];
  if (code === undefined) {
    return failAt(
      codeLine.no,
      'unexpected_content',
      `expected the error code as "0x" and 8 hex digits (e.g. 0x80244001), found "${codeLine.text}"`,
      ['code'],
    );
  }
  if (productLine === undefined) {
    return failAt(
      codeLine.no + 1,
      'unexpected_content',
      `expected the product name, found the end of the page`,
      ['product'],
    );
  }
  const product = findProductByName(registry, productLine.text);
  if (product === undefined) {
    return failAt(
      productLine.no,
      'unknown_product',
      `unknown product "${productLine.text}"; known products: ${quoteList(registry.products.map((p) => p.name))}`,
      ['product'],
    );
  }
  const severityText = SEVERITY_LINE.exec(severityLine?.text ?? '')?.[1];
  if (severityLine === undefined || severityText === undefined) {
    const found = severityLine === undefined ? 'the end of the page' : `"${severityLine.text}"`;
    return failAt(
      severityLine?.no ?? endNo,
      'unexpected_content',
      `expected ${SEVERITY_FORM} (the heading "${MEANING_HEADING}" may follow on the same line), found ${found}`,
      ['severity'],
    );
  }
  const word = severityText.replace(GLUED_MEANING_HEADING, '').trim();
  const severity = SEVERITIES.find((s) => s.word.toLowerCase() === word.toLowerCase())?.value;
  if (severity === undefined) {
    return failAt(
      severityLine.no,
      'unknown_severity',
      `unknown severity "${word}"; expected ${SEVERITY_FORM}, one of ${SEVERITIES.map((s) => s.word).join(', ')}`,
      ['severity'],
    );
  }
  // When the heading is not glued on, it stands on the next line.
  const next = lines[3];
  const separateHeading = next !== undefined && sameHeading(next.text, MEANING_HEADING);
  return ok({
    code: formatCode(Number.parseInt(code, 16)),
    product,
    severity,
    bodyIndex: separateHeading ? 4 : 3,
  });
}

/** "- Windows 10" lines as platform ids of the registry, in page order. */
function readPlatforms(
  section: PageSection,
  registry: ProductRegistry,
  product: Product,
): PageResult<string[]> {
  const ids: string[] = [];
  for (const line of section.lines) {
    const name = LIST_ITEM.exec(line.text)?.[1]?.trim();
    if (name === undefined) {
      return failAt(
        line.no,
        'unexpected_content',
        `expected '- <platform name>', found "${line.text}"`,
        ['appliesTo', ids.length],
      );
    }
    const platform = findPlatformByName(registry, name);
    if (platform === undefined) {
      return failAt(
        line.no,
        'unknown_platform',
        `unknown platform "${name}"; known platforms: ${quoteList(registry.platforms.map((p) => p.name))}`,
        ['appliesTo', ids.length],
      );
    }
    if (!product.platforms.includes(platform.id)) {
      return failAt(
        line.no,
        'unknown_platform',
        `platform "${name}" is not one of ${product.name}'s platforms in the registry`,
        ['appliesTo', ids.length],
      );
    }
    if (ids.includes(platform.id)) {
      return failAt(line.no, 'duplicate', `platform "${name}" is listed twice`, [
        'appliesTo',
        ids.length,
      ]);
    }
    ids.push(platform.id);
  }
  if (ids.length === 0) {
    return failAt(
      nextLineNo(section),
      'unexpected_content',
      `expected '- <platform name>' lines under "${section.heading.text}"`,
      ['appliesTo'],
    );
  }
  return ok(ids);
}

/** The page does not link causes to fixes, so each cause starts with no fix ids. */
function readCauses(section: PageSection): PageResult<Cause[]> {
  const causes: Cause[] = [];
  for (const line of section.lines) {
    const text = LIST_ITEM.exec(line.text)?.[1]?.trim();
    if (text === undefined) {
      return failAt(line.no, 'unexpected_content', `expected '- <cause>', found "${line.text}"`, [
        'causes',
        causes.length,
      ]);
    }
    causes.push({ text, fixes: [] });
  }
  if (causes.length === 0) {
    return failAt(
      nextLineNo(section),
      'unexpected_content',
      `expected '- <cause>' lines under "${section.heading.text}"`,
      ['causes'],
    );
  }
  return ok(causes);
}

/** One line a paragraph on the page; Markdown paragraphs are blank-line separated. */
function readParagraphs(section: PageSection): PageResult<string> {
  if (section.lines.length === 0) {
    return failAt(
      nextLineNo(section),
      'unexpected_content',
      `expected a paragraph under "${section.heading.text}"`,
    );
  }
  return ok(section.lines.map((line) => line.text).join('\n\n'));
}

/**
 * Questions end in "?" and each is followed by its answer. An answer line ending in "?"
 * right after its question is still the answer; after that, a "?" line starts the next
 * question, and other lines are further paragraphs of the answer.
 */
function readFaq(section: PageSection): PageResult<FaqEntry[]> {
  const entries: { question: PageLine; answer: string[] }[] = [];
  for (const line of section.lines) {
    const current = entries.at(-1);
    const isQuestion = line.text.endsWith('?');
    if (current !== undefined && (current.answer.length === 0 || !isQuestion)) {
      current.answer.push(line.text);
    } else if (isQuestion) {
      entries.push({ question: line, answer: [] });
    } else {
      return failAt(
        line.no,
        'unexpected_content',
        `expected a question ending in '?', found "${line.text}"`,
        ['faq', entries.length],
      );
    }
  }
  if (entries.length === 0) {
    return failAt(
      nextLineNo(section),
      'unexpected_content',
      `expected a question and its answer under "${section.heading.text}"`,
      ['faq'],
    );
  }
  const faq: FaqEntry[] = [];
  for (const { question, answer } of entries) {
    if (answer.length === 0) {
      return failAt(
        question.no + 1,
        'unexpected_content',
        `expected the answer to "${question.text}"`,
        ['faq', faq.length, 'answer'],
      );
    }
    faq.push({ question: question.text, answer: fenceAnswerCommands(answer.join('\n\n')) });
  }
  return ok(faq);
}

/** Reads an optional section with `read`; an absent section gives `undefined`. */
function readOptional<T>(
  section: PageSection | undefined,
  read: (section: PageSection) => PageResult<T>,
): PageResult<T | undefined> {
  return section === undefined ? ok(undefined) : read(section);
}

/**
 * Page text → an article. A refusal keeps its data: the line of the page, a stable code and the
 * message (the schema's issues, should the page give an invalid article, keep zod's codes).
 */
export function importPageText(
  text: string,
  registry: ProductRegistry,
): Result<Article, ReadFailure> {
  const tooLarge = fileTooLarge(text);
  if (tooLarge) return fail(readFailure([tooLarge]));
  const input = readPage(text, registry);
  if (!input.ok) return fail(readFailure([input.reason]));
  const oversized = oversizedFields(input.value).map(({ path, bytes }) => ({
    code: 'too_large',
    path,
    message: fieldTooLargeMessage(dottedPath(path), bytes),
  }));
  if (oversized.length > 0) return fail(readFailure(oversized));
  const parsed = articleSchema.safeParse(input.value);
  if (!parsed.success) {
    return fail({
      message: `the page gives an invalid article: ${describeIssues(parsed.error)}`,
      issues: parsed.error.issues.map((issue) => {
        const path = issue.path.map((part) => (typeof part === 'number' ? part : String(part)));
        return { code: issue.code, path, message: `${dottedPath(path)}: ${issue.message}` };
      }),
    });
  }
  return ok(parsed.data);
}

function readPage(text: string, registry: ProductRegistry): PageResult<ArticleInput> {
  const { lines, endNo } = readLines(text);
  const header = readHeader(lines, endNo, registry);
  if (!header.ok) return header;
  const { code, product, severity, bodyIndex } = header.value;
  const body = splitSections(lines.slice(bodyIndex), endNo);
  if (!body.ok) return body;
  const { meaning, sections } = body.value;
  if (meaning.length === 0) {
    const where = Object.values(sections)[0]?.heading.no ?? endNo;
    return failAt(
      where,
      'unexpected_content',
      `expected the meaning paragraph after "${MEANING_HEADING}"`,
      ['meaning', 'summary'],
    );
  }

  const appliesTo = readOptional(sections.appliesTo, (s) => readPlatforms(s, registry, product));
  if (!appliesTo.ok) return appliesTo;
  const causes = readOptional(sections.causes, readCauses);
  if (!causes.ok) return causes;
  const fixes = readOptional(sections.fixes, readFixes);
  if (!fixes.ok) return fixes;
  const escalation = readOptional(sections.escalation, readParagraphs);
  if (!escalation.ok) return escalation;
  const faq = readOptional(sections.faq, readFaq);
  if (!faq.ok) return faq;

  return ok({
    code,
    product: product.slug,
    title: `${product.name} error ${code}`,
    severity,
    meaning: { summary: meaning.map((line) => line.text).join('\n\n') },
    appliesTo: appliesTo.value ?? [],
    causes: causes.value ?? [],
    fixes: fixes.value ?? [],
    ...(escalation.value === undefined ? {} : { escalation: escalation.value }),
    faq: faq.value ?? [],
  });
}
