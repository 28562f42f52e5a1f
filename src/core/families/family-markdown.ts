import {
  FENCE_LINE,
  isBlank,
  type Line,
  lineAt,
  MarkdownError,
  quoteLine,
  readFence,
  toLines,
} from '../articles/markdown-blocks.js';
import { validateAt } from '../articles/markdown-issues.js';
import { readFrontMatter, type SourceLines } from '../articles/markdown-yaml.js';
import { fail, ok, type Result } from '../result.js';
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

const CODE_LINE = /^- `(0x[0-9A-F]{8})` ([A-Za-z_][A-Za-z0-9_]*): (\S.*)$/;
const CODE_EXAMPLE = '"- `0x80244001` WU_E_PT_SOAPCLIENT_INITIALIZE: one line in our own words"';

export function readFamilyMarkdown(text: string): Result<Family, string> {
  try {
    const lines = toLines(text);
    const map: SourceLines = new Map();
    const front = readFrontMatter(lines, { keys: FRONT_KEYS, strings: ['id', 'title'] }, map);
    const { description, sections, end } = splitSections(lines, front.next);
    if (description.trim() === '') {
      const at = sections[0]?.no ?? end;
      throw new MarkdownError(
        at,
        'expected the description (a paragraph or two, before the first "## " heading)',
      );
    }
    const helps = sections.find((section) => section.title === HELPS);
    if (helps === undefined) {
      throw new MarkdownError(sections[0]?.no ?? end, `expected a section "## ${HELPS}"`);
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
    return ok(validateAt(familySchema, family, map, '', 1));
  } catch (error) {
    if (error instanceof MarkdownError) return fail(error.message);
    throw error;
  }
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
      );
    }
    const heading = /^##[ \t]+(.*?)[ \t]*$/.exec(line.text);
    if (heading) {
      const title = sectionTitle(heading[1] ?? '', line);
      if (sections.some((section) => section.title === title)) {
        throw new MarkdownError(line.no, `a second "## ${title}"; each section appears once`);
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
    );
  }
  return known;
}

function checkOrder(sections: readonly Section[]): void {
  const [first, second] = sections;
  if (first?.title === CODES && second !== undefined) {
    throw new MarkdownError(first.no, `expected "## ${HELPS}" before "## ${CODES}"`);
  }
}

function readHelps(section: Section): string {
  const first = section.lines.find((line) => !isBlank(line.text));
  if (first === undefined) {
    throw new MarkdownError(section.no, `expected a bullet list ("- …") under "## ${HELPS}"`);
  }
  if (!/^- \S/.test(first.text)) {
    throw new MarkdownError(
      first.no,
      `expected a bullet list ("- …") first under "## ${HELPS}"; found ${quoteLine(first.text)}`,
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
    if (!match) throw new MarkdownError(line.no, codeLineProblem(line.text));
    const [, code = '', name = '', text = ''] = match;
    const earlier = seen.get(code);
    if (earlier !== undefined) {
      throw new MarkdownError(line.no, `${code} is listed again (first on line ${earlier})`);
    }
    seen.set(code, line.no);
    map.set(`codes.${codes.length}`, line.no);
    codes.push({ code, name, text: text.trim() });
  }
  if (codes.length === 0) {
    throw new MarkdownError(
      section.no,
      `expected one line per code under "## ${CODES}", such as ${CODE_EXAMPLE}`,
    );
  }
  return codes;
}

/** Says what is wrong with a line that is not a code line, as precisely as it can. */
function codeLineProblem(text: string): string {
  const expected = `expected a code line such as ${CODE_EXAMPLE}; found ${quoteLine(text)}`;
  const hex = /^- `(0[xX][0-9A-Fa-f]{8})`/.exec(text);
  if (hex && !/^0x[0-9A-F]{8}$/.test(hex[1] ?? '')) {
    const canonical = `0x${(hex[1] ?? '').slice(2).toUpperCase()}`;
    return `write the code in canonical form, \`${canonical}\`; ${expected}`;
  }
  if (/^- `0x[0-9A-F]{8}` [A-Za-z_][A-Za-z0-9_]*:?\s*$/.test(text)) {
    return `the line has no description after the name; ${expected}`;
  }
  return expected;
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
