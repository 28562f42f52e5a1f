import {
  FENCE_LINE,
  isBlank,
  type Line,
  lineAt,
  MarkdownError,
  quoteLine,
  readFence,
  type ReadIssueCode,
  readOrFail,
  toLines,
} from '../articles/markdown-blocks.js';
import { fileTooLarge } from '../articles/content-limits.js';
import { validateAt } from '../articles/markdown-issues.js';
import { readFrontMatter, type SourceLines } from '../articles/markdown-yaml.js';
import { formatCode, isCanonical } from '../codes/code-value.js';
import type { ReadFailure } from '../issues.js';
import { fail, type Result } from '../result.js';
import { type Family, type FamilyCode, familySchema } from './family-schema.js';

/**
 * Reads a family file (docs/FAMILY-FORMAT.md): front matter `id`, `title`, `match`,
 * `priority`; the description before the first `##`; `## What generally helps`; optionally
 * `## Codes`. A refusal names the line and what was expected there.
 */

const FRONT_KEYS = ['id', 'title', 'match', 'priority', 'retry'] as const;
const HELPS = 'What generally helps';
const CODES = 'Codes';
const EXPECTED_SECTIONS = `"## ${HELPS}" or "## ${CODES}"`;

/** A `## ` section: its heading line and the lines up to the next `## ` (fences kept whole). */
type Section = { title: string; no: number; lines: Line[] };

/** `- \`<code>\` NAME: text`; the code is then checked by code-value.ts, the canonical form's owner. */
const CODE_LINE = /^- `([^`]*)` ([A-Za-z_][A-Za-z0-9_]*): (\S.*)$/;
const CODE_EXAMPLE = '"- `0x80244001` WU_E_PT_SOAPCLIENT_INITIALIZE: one line in our own words"';

export function readFamilyMarkdown(text: string): Result<Family, ReadFailure> {
  const read = readFamilySource(text);
  return read.ok ? { ok: true, value: read.value.family } : read;
}

/** The family and the line each field came from, so lint can name the line of its problems. */
export function readFamilySource(
  text: string,
): Result<{ family: Family; lines: SourceLines }, ReadFailure> {
  const tooLarge = fileTooLarge(text);
  if (tooLarge) return fail({ message: tooLarge.message, issues: [tooLarge] });
  return readOrFail(() => {
    const lines = toLines(text);
    const map: SourceLines = new Map();
    const front = readFrontMatter(lines, { keys: FRONT_KEYS, strings: ['id', 'title'] }, map);
    const { description, sections, end } = splitSections(lines, front.next);
    if (description.trim() === '') {
      const at = sections[0]?.no ?? end;
      throw new MarkdownError(
        at,
        'expected the description (a paragraph or two, before the first "## " heading)',
        'empty_text',
        ['description'],
      );
    }
    const helps = sections.find((section) => section.title === HELPS);
    if (helps === undefined) {
      throw new MarkdownError(
        sections[0]?.no ?? end,
        `expected a section "## ${HELPS}"`,
        'invalid_type',
        ['helps'],
      );
    }
    checkOrder(sections);
    const codesSection = sections.find((section) => section.title === CODES);
    const codes = codesSection === undefined ? [] : readCodes(codesSection, map);
    const family = {
      ...front.values,
      description,
      helps: readHelps(helps),
      codes,
    };
    return { family: validateAt(familySchema, family, map, '', 1), lines: map };
  });
}

function splitSections(
  lines: readonly Line[],
  from: number,
): { description: string; sections: Section[]; end: number } {
  const head: Line[] = [];
  const sections: Section[] = [];
  let current: Line[] = head;
  for (let i = from; i < lines.length;) {
    const line = lineAt(lines, i);
    if (FENCE_LINE.test(line.text)) {
      const fence = readFence(lines, i);
      current.push(...lines.slice(i, fence.next));
      i = fence.next;
      continue;
    }
    if (/^# /.test(line.text)) {
      throw new MarkdownError(
        line.no,
        `a family file has no "# " heading (its title is in the front matter); expected ${EXPECTED_SECTIONS}`,
        'unexpected_content',
      );
    }
    const heading = /^##[ \t]+(.*?)[ \t]*$/.exec(line.text);
    if (heading) {
      const title = sectionTitle(heading[1] ?? '', line);
      if (sections.some((section) => section.title === title)) {
        throw new MarkdownError(
          line.no,
          `a second "## ${title}"; each section appears once`,
          'section_order',
        );
      }
      const section: Section = { title, no: line.no, lines: [] };
      sections.push(section);
      current = section.lines;
    } else current.push(line);
    i++;
  }
  return { description: joinTrimmed(head), sections, end: lines[lines.length - 1]?.no ?? 1 };
}

/** The known titles, matched without regard to case and written back as the format spells them. */
function sectionTitle(written: string, line: Line): string {
  const known = [HELPS, CODES].find((title) => title.toLowerCase() === written.toLowerCase());
  if (known === undefined) {
    throw new MarkdownError(
      line.no,
      `unknown section ${quoteLine(line.text)}; expected ${EXPECTED_SECTIONS}`,
      'unknown_section',
    );
  }
  return known;
}

function checkOrder(sections: readonly Section[]): void {
  const [first, second] = sections;
  if (first?.title === CODES && second !== undefined) {
    throw new MarkdownError(
      first.no,
      `expected "## ${HELPS}" before "## ${CODES}"`,
      'section_order',
    );
  }
}

function readHelps(section: Section): string {
  const first = section.lines.find((line) => !isBlank(line.text));
  if (first === undefined) {
    throw new MarkdownError(
      section.no,
      `expected a bullet list ("- …") under "## ${HELPS}"`,
      'empty_text',
      ['helps'],
    );
  }
  if (!/^- \S/.test(first.text)) {
    throw new MarkdownError(
      first.no,
      `expected a bullet list ("- …") first under "## ${HELPS}"; found ${quoteLine(first.text)}`,
      'unexpected_content',
      ['helps'],
    );
  }
  return joinTrimmed(section.lines);
}

function readCodes(section: Section, map: SourceLines): FamilyCode[] {
  const codes: FamilyCode[] = [];
  const seen = new Map<string, number>();
  for (const line of section.lines) {
    if (isBlank(line.text)) continue;
    const match = CODE_LINE.exec(line.text);
    const [, code = '', name = '', text = ''] = match ?? [];
    const path = ['codes', codes.length];
    if (!match || !isCanonical(code)) {
      const problem = codeLineProblem(line.text);
      throw new MarkdownError(line.no, problem.message, problem.code, path);
    }
    const earlier = seen.get(code);
    if (earlier !== undefined) {
      throw new MarkdownError(
        line.no,
        `${code} is listed again (first on line ${earlier})`,
        'duplicate',
        path,
      );
    }
    seen.set(code, line.no);
    map.set(`codes.${codes.length}`, line.no);
    codes.push({ code, name, text: text.trim() });
  }
  if (codes.length === 0) {
    throw new MarkdownError(
      section.no,
      `expected one line per code under "## ${CODES}", such as ${CODE_EXAMPLE}`,
      'empty_text',
      ['codes'],
    );
  }
  return codes;
}

/** Says what is wrong with a line that is not a code line, as precisely as it can. */
function codeLineProblem(text: string): { code: ReadIssueCode; message: string } {
  const expected = `expected a code line such as ${CODE_EXAMPLE}; found ${quoteLine(text)}`;
  const written = /^- `([^`]*)`/.exec(text)?.[1] ?? '';
  const hex = /^0[xX]([0-9A-Fa-f]{8})$/.exec(written);
  if (hex && !isCanonical(written)) {
    const canonical = formatCode(Number.parseInt(hex[1] ?? '', 16));
    return {
      code: 'not_canonical',
      message: `write the code in canonical form, \`${canonical}\`; ${expected}`,
    };
  }
  if (isCanonical(written) && /^- `[^`]*` [A-Za-z_][A-Za-z0-9_]*:?\s*$/.test(text)) {
    return {
      code: 'empty_text',
      message: `the line has no description after the name; ${expected}`,
    };
  }
  return { code: 'unexpected_content', message: expected };
}

/** The lines as Markdown, leading and trailing blank lines dropped. */
function joinTrimmed(lines: readonly Line[]): string {
  let start = 0;
  let end = lines.length;
  while (start < end && isBlank(lines[start]?.text ?? '')) start++;
  while (end > start && isBlank(lines[end - 1]?.text ?? '')) end--;
  return lines
    .slice(start, end)
    .map((line) => line.text)
    .join('\n');
}
