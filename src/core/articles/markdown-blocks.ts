/**
 * A tiny line-oriented scanner for the constrained Markdown of docs/ARTICLE-FORMAT.md: lines
 * with their numbers, fenced blocks and list items. No Markdown library: the format is small
 * and every construct the readers accept is listed here, so nothing is guessed or dropped.
 */

import type { z } from 'zod';
import { type Issue, type IssuePath, type ReadFailure, readFailure } from '../issues.js';
import { fail, ok, type Result } from '../result.js';

/** One line of a source, with its 1-based line number in the file. */
export interface Line {
  readonly text: string;
  readonly no: number;
}

/**
 * The stable codes of the readers' own issues (docs/ARTICLE-FORMAT.md, "Errors"); a field the
 * schema refuses keeps zod's code (`invalid_type`, `too_small`, `invalid_format`, …).
 */
export type ReadIssueCode =
  | 'too_large'
  | 'front_matter'
  | 'yaml_syntax'
  | 'unknown_key'
  | 'unquoted_value'
  | 'missing_value'
  | 'unknown_section'
  | 'section_order'
  | 'unexpected_content'
  | 'invalid_fence'
  | 'unclosed_fence'
  | 'list_indent'
  | 'empty_text'
  | 'fix_links'
  | 'shell_missing'
  | 'duplicate'
  | 'not_canonical'
  | 'unknown_product'
  | 'unknown_platform'
  | 'unknown_severity'
  | 'no_fix_id'
  | z.core.$ZodIssue['code'];

/**
 * A problem at a line. Thrown inside the recursive readers (threading a Result through every
 * helper would bury the grammar) and turned into `{ ok: false, reason }` at their boundary,
 * where `issues` become the failure's data. `rest` are further problems found at once (the
 * schema reports every field it refuses).
 */
export class MarkdownError extends Error {
  readonly issues: Issue[];
  constructor(
    readonly line: number,
    message: string,
    code: ReadIssueCode,
    path: IssuePath = [],
    rest: readonly Issue[] = [],
  ) {
    const issues = [{ code, path, line, message }, ...rest];
    super(readFailure(issues).message);
    this.name = 'MarkdownError';
    this.issues = issues;
  }
}

/** Runs a reader; a MarkdownError it throws becomes the failure, with every issue as data. */
export function readOrFail<T>(read: () => T): Result<T, ReadFailure> {
  try {
    return ok(read());
  } catch (error) {
    if (error instanceof MarkdownError) return fail(readFailure(error.issues));
    throw error;
  }
}

/** Splits a file into lines; CRLF (a Windows editor) reads as LF, a leading BOM is skipped. */
export function toLines(text: string): Line[] {
  const normalized = text.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
  return normalized.split('\n').map((line, index) => ({ text: line, no: index + 1 }));
}

export const isBlank = (text: string): boolean => /^[ \t]*$/.test(text);

export function skipBlank(lines: readonly Line[], at: number): number {
  let i = at;
  while (i < lines.length && isBlank(lines[i]?.text ?? '')) i++;
  return i;
}

/** The line at `at`, or a stand-in past the end so callers can report "end of file". */
export function lineAt(lines: readonly Line[], at: number): Line {
  return lines[at] ?? { text: '', no: (lines[lines.length - 1]?.no ?? 0) + 1 };
}

/** How a line is named in a message: its first characters, quoted. */
export function quoteLine(text: string): string {
  const shown = text.length > 60 ? `${text.slice(0, 57)}…` : text;
  return JSON.stringify(shown);
}

/** Collects lines from `at` until `stop` says a line ends the run (or the end); no unescaping. */
export function collectUntil(
  lines: readonly Line[],
  at: number,
  stop: (text: string) => boolean,
): { texts: string[]; next: number } {
  const texts: string[] = [];
  let i = at;
  for (; i < lines.length; i++) {
    const text = lines[i]?.text ?? '';
    if (stop(text)) break;
    texts.push(text);
  }
  return { texts, next: i };
}

export const FENCE_LINE = /^```/;

export interface Fence {
  readonly info: string;
  readonly content: string;
  /** The index of the line after the closing fence. */
  readonly next: number;
}

/** Reads the fenced block opening at `lines[at]` (a line starting with three or more backticks). */
export function readFence(lines: readonly Line[], at: number): Fence {
  const open = lineAt(lines, at);
  const match = /^(`{3,})([\s\S]*)$/.exec(open.text);
  if (!match) {
    throw new MarkdownError(open.no, 'expected a fenced block opening with ```', 'invalid_fence');
  }
  const ticks = match[1] ?? '```';
  const info = (match[2] ?? '').trim();
  if (info.includes('`')) {
    throw new MarkdownError(
      open.no,
      `a fence's language (after ${ticks}) cannot contain a backtick`,
      'invalid_fence',
    );
  }
  const close = new RegExp(`^\`{${ticks.length},}[ \\t]*$`);
  for (let i = at + 1; i < lines.length; i++) {
    if (close.test(lines[i]?.text ?? '')) {
      const content = lines.slice(at + 1, i).map((line) => line.text);
      return { info, content: content.join('\n'), next: i + 1 };
    }
  }
  throw new MarkdownError(
    open.no,
    `the fenced block opened here is not closed; expected a line of ${ticks.length} backticks`,
    'unclosed_fence',
  );
}

/** A fence longer than any backtick run inside the content, so the content cannot close it. */
export function writeFence(info: string, content: string): string[] {
  const longest = Math.max(0, ...(content.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return [`${fence}${info}`, ...content.split('\n'), fence];
}

export interface ListItem {
  /** The line of the item's marker. */
  readonly no: number;
  /** The item's content with the marker and the continuation indent removed. */
  readonly lines: Line[];
}

/**
 * Reads consecutive list items starting at `lines[at]`. `marker` matches an item's marker at
 * column 0 (`1.`, `-`); the content starts one space after it, and continuation lines are
 * indented by the marker's width plus one. A blank line ends an item unless an indented line
 * follows. Returns the index of the first line that is neither an item nor inside one.
 */
export function readList(
  lines: readonly Line[],
  at: number,
  marker: RegExp,
  where: string,
): { items: ListItem[]; next: number } {
  const items: ListItem[] = [];
  let i = at;
  for (;;) {
    const start = lines[skipBlank(lines, i)];
    const match = start ? marker.exec(start.text) : null;
    if (!start || !match) break;
    const indent = match[0].length + 1;
    const pad = ' '.repeat(indent);
    const content: Line[] = [{ text: start.text.slice(indent), no: start.no }];
    let j = skipBlank(lines, i) + 1;
    for (; j < lines.length; j++) {
      const line = lines[j] ?? { text: '', no: 0 };
      if (line.text.startsWith(pad)) content.push({ text: line.text.slice(indent), no: line.no });
      else if (isBlank(line.text)) content.push({ text: '', no: line.no });
      else if (line.text.startsWith(' ') || line.text.startsWith('\t')) {
        throw new MarkdownError(
          line.no,
          `expected the list item's next line indented by ${indent} spaces ${where}`,
          'list_indent',
        );
      } else break;
    }
    while (content.length > 1 && isBlank(content[content.length - 1]?.text ?? '')) content.pop();
    items.push({ no: start.no, lines: content });
    i = j;
  }
  return { items, next: i };
}

/** Indents all but the first line for a list item; an empty line stays empty. */
export function indentItem(marker: string, body: readonly string[]): string[] {
  const pad = ' '.repeat(marker.length);
  return body.map((line, index) =>
    index === 0 ? `${marker}${line}` : line === '' ? '' : `${pad}${line}`,
  );
}
