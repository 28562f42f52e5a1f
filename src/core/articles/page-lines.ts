import type { Issue, IssuePath } from '../issues.js';
import { fail, ok, type Result } from '../result.js';
import type { ReadIssueCode } from './markdown-blocks.js';

/** What the importer's parts return: a value, or the one issue that stops the import. */
export type PageResult<T> = Result<T, Issue>;

/** A refusal at a line of the page, with its stable code (the readers' codes). */
export const failAt = (
  line: number,
  code: ReadIssueCode,
  message: string,
  path: IssuePath = [],
): { ok: false; reason: Issue } => fail({ code, path, line, message });

/**
 * A scraped page as numbered lines, cut into its sections. The scraper writes one paragraph
 * or list item a line and each section heading on a line of its own; line numbers are kept so
 * that every error can say where the page went wrong.
 */

export interface PageLine {
  /** 1-based, as an editor shows it. */
  no: number;
  text: string;
}

export const SECTIONS = [
  { key: 'appliesTo', heading: 'Affected Models' },
  { key: 'causes', heading: 'Common Causes' },
  { key: 'fixes', heading: 'How to Fix It' },
  { key: 'escalation', heading: 'When to Call a Professional' },
  { key: 'faq', heading: 'Frequently Asked Questions' },
] as const;

export type SectionKey = (typeof SECTIONS)[number]['key'];

export interface PageSection {
  heading: PageLine;
  lines: PageLine[];
}

export interface PageBody {
  /** The lines before the first section heading: the meaning paragraph(s). */
  meaning: PageLine[];
  sections: Partial<Record<SectionKey, PageSection>>;
  /** The line number just past the page, for "found the end of the page" errors. */
  endNo: number;
}

/** Any line ending (Windows pages arrive with CRLF), surrounding whitespace, blank lines dropped. */
export function readLines(text: string): { lines: PageLine[]; endNo: number } {
  const raw = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const lines = raw
    .map((line, index) => ({ no: index + 1, text: line.trim() }))
    .filter((line) => line.text !== '');
  return { lines, endNo: raw.length + 1 };
}

/** Headings compare without case, extra spaces or a trailing colon. */
export const sameHeading = (text: string, heading: string): boolean => {
  const normal = (value: string): string =>
    value.toLowerCase().replace(/\s+/g, ' ').replace(/\s*:$/, '').trim();
  return normal(text) === normal(heading);
};

const ORDER = SECTIONS.map((section) => `"${section.heading}"`).join(', ');

/** Cuts the lines after the page's header into the meaning and the sections, in page order. */
export function splitSections(lines: readonly PageLine[], endNo: number): PageResult<PageBody> {
  const body: PageBody = { meaning: [], sections: {}, endNo };
  let current = body.meaning;
  let last = -1;
  for (const line of lines) {
    const index = SECTIONS.findIndex((section) => sameHeading(line.text, section.heading));
    const section = SECTIONS[index];
    if (section === undefined) {
      current.push(line);
      continue;
    }
    if (index <= last) {
      return failAt(
        line.no,
        'section_order',
        `section "${section.heading}" is out of place; sections come once each, in the order ${ORDER}`,
      );
    }
    last = index;
    current = [];
    body.sections[section.key] = { heading: line, lines: current };
  }
  return ok(body);
}

/** The number of the line after a section's last line: where a missing line was expected. */
export const nextLineNo = (section: PageSection): number =>
  (section.lines.at(-1) ?? section.heading).no + 1;
