import { type IssuePath, toIssuePath } from '../issues.js';
import {
  collectUntil,
  isBlank,
  lineAt,
  type Line,
  type ListItem,
  MarkdownError,
  quoteLine,
  readFence,
  readList,
  skipBlank,
} from './markdown-blocks.js';
import { ANY_HEADING, FENCE, ITEM_TEXT, PARAGRAPH_TEXT, unescapeLines } from './markdown-escape.js';
import { readYamlMap, type SourceLines } from './markdown-yaml.js';
import type { Action, Shell } from './schema.js';

/**
 * Reads the body of one fix — attribute block, action list, Why, Verify — shared by an
 * article's fixes (under their `###` heading) and procedure files (with no heading).
 * `markdown-fix-write.ts` writes the same format.
 */

const ATTRIBUTE_KEYS = [
  'admin',
  'restart',
  'risk',
  'reversible',
  'undo',
  'platforms',
  'minutes',
] as const;
const STRING_KEYS = ['use', 'risk', 'undo', 'platforms'];
const ACTION_MARKER = /^\d+\.(?= |$)/;
export const WHY = '**Why:**';
export const VERIFY = '**Verify:**';

export interface FixBodyContext {
  /** Where a message points: `under fix "reset-components"`, `in the procedure`. */
  readonly where: string;
  /** The line a fix-wide message names (its heading, or the procedure's front matter). */
  readonly line: number;
  /** The fix's field paths in `lines`: `fixes.2.` in an article, empty in a procedure. */
  readonly prefix: string;
  readonly lines: SourceLines;
  /** Whether `use: <procedure id>` may stand in the attribute block (not inside a procedure). */
  readonly allowUse: boolean;
  /** What may follow the fix, for messages: "the next fix (### …) or section (## …)". */
  readonly after: string;
}

/** The path of a field of this fix: `fixes.2.` + `actions.1` → `['fixes', 2, 'actions', 1]`. */
const pathIn = (ctx: FixBodyContext, field = ''): IssuePath =>
  toIssuePath(`${ctx.prefix}${field}`.replace(/\.$/, ''));

/**
 * Reads a fix's body from `lines[at]` up to the next `##`/`###` heading or the end. Returns the
 * fields as read (the caller validates them with the fix's schema) and where it stopped.
 */
export function readFixBody(
  lines: readonly Line[],
  at: number,
  ctx: FixBodyContext,
): { fields: Record<string, unknown>; next: number } {
  let fields: Record<string, unknown> = {};
  let i = skipBlank(lines, at);
  const seen: Seen = { block: false, list: false, why: false, verify: false };
  if (i < lines.length && FENCE.test(lineAt(lines, i).text)) {
    const fence = readFence(lines, i);
    if (fence.info !== 'yaml') {
      throw new MarkdownError(
        lineAt(lines, i).no,
        `expected an attribute block (\`\`\`yaml) or a numbered action list ${ctx.where}, ` +
          `found a ${JSON.stringify(fence.info)} fenced block; a command goes inside a list item`,
        'unexpected_content',
        pathIn(ctx),
      );
    }
    const keys = ctx.allowUse ? ['use', ...ATTRIBUTE_KEYS] : [...ATTRIBUTE_KEYS];
    const what = `the attribute block ${ctx.where}`;
    const first = lineAt(lines, i).no + 1;
    fields = readYamlMap(
      fence.content,
      first,
      { keys, strings: STRING_KEYS },
      what,
      ctx.lines,
      ctx.prefix,
    );
    seen.block = true;
    i = skipBlank(lines, fence.next);
  }
  if (i < lines.length && ACTION_MARKER.test(lineAt(lines, i).text)) {
    const list = readList(lines, i, ACTION_MARKER, ctx.where);
    if (fields.use !== undefined) {
      throw new MarkdownError(
        lineAt(lines, i).no,
        `a fix that uses procedure ${JSON.stringify(fields.use)} takes its actions from it; ` +
          `remove the action list or the use: line ${ctx.where}`,
        'unexpected_content',
        pathIn(ctx, 'actions'),
      );
    }
    fields.actions = list.items.map((item, index) => {
      ctx.lines.set(`${ctx.prefix}actions.${index}`, item.no);
      return readAction(item, ctx.where, pathIn(ctx, `actions.${index}`));
    });
    seen.list = true;
    i = skipBlank(lines, list.next);
  }
  if (i < lines.length && lineAt(lines, i).text.startsWith(WHY)) {
    const why = readParagraph(lines, i, WHY, ctx.where, pathIn(ctx, 'why'));
    if (why.stop !== undefined && FENCE.test(why.stop.text)) {
      throw new MarkdownError(
        why.stop.no,
        `a fenced block under **Why:** is not a command ${ctx.where}; commands go in the action ` +
          'list or after **Verify:** (write \\``` to keep the line as text)',
        'unexpected_content',
        pathIn(ctx, 'why'),
      );
    }
    ctx.lines.set(`${ctx.prefix}why`, lineAt(lines, i).no);
    fields.why = why.text;
    seen.why = true;
    i = skipBlank(lines, why.next);
  }
  if (i < lines.length && lineAt(lines, i).text.startsWith(VERIFY)) {
    const verifyLine = lineAt(lines, i).no;
    const verify = readParagraph(lines, i, VERIFY, ctx.where, pathIn(ctx, 'verify'));
    ctx.lines.set(`${ctx.prefix}verify`, verifyLine);
    i = verify.next;
    if (verify.stop !== undefined && FENCE.test(verify.stop.text)) {
      const fence = readFence(lines, i);
      const shell = readShell(fence.info, verify.stop.no, ctx.where, pathIn(ctx, 'verify.command'));
      if (fence.content.trim() === '') {
        throw new MarkdownError(
          verify.stop.no,
          `the verify command is empty ${ctx.where}`,
          'empty_text',
          pathIn(ctx, 'verify.command'),
        );
      }
      fields.verify = { text: verify.text, command: { command: fence.content, shell } };
      i = fence.next;
    } else fields.verify = { text: verify.text };
    seen.verify = true;
    i = skipBlank(lines, i);
  }
  const stop = lines[i];
  if (stop && !ANY_HEADING.test(stop.text)) {
    throw new MarkdownError(
      stop.no,
      `unexpected ${describe(stop.text, seen)} ${ctx.where}; expected ${expected(seen, ctx.after)}`,
      'unexpected_content',
      pathIn(ctx),
    );
  }
  if (fields.actions === undefined && fields.use === undefined) {
    throw new MarkdownError(
      ctx.line,
      `no action list ${ctx.where}; expected a numbered list of steps and commands` +
        (ctx.allowUse ? ' (or use: <procedure id> in its ```yaml block)' : ''),
      'invalid_type',
      pathIn(ctx, 'actions'),
    );
  }
  return { fields, next: i };
}

type Seen = Record<'block' | 'list' | 'why' | 'verify', boolean>;

function describe(text: string, seen: Seen): string {
  if (text.startsWith(WHY)) return seen.verify ? '**Why:** after **Verify:**' : 'a second **Why:**';
  if (text.startsWith(VERIFY)) return 'a second **Verify:**';
  return quoteLine(text);
}

function expected(seen: Seen, after: string): string {
  const options: string[] = [];
  const none = !seen.block && !seen.list && !seen.why && !seen.verify;
  if (none) options.push('an attribute block (```yaml)');
  if (!seen.list && !seen.why && !seen.verify) options.push('a numbered action list');
  if (!seen.why && !seen.verify) options.push('**Why:**');
  if (!seen.verify) options.push('**Verify:**');
  return [...options, after].join(', ');
}

/** A labelled paragraph (`**Why:** …`), up to a label, a heading or a fence (or the end). */
function readParagraph(
  lines: readonly Line[],
  at: number,
  label: string,
  where: string,
  path: IssuePath,
) {
  const first = lineAt(lines, at).text.slice(label.length).replace(/^ /, '');
  const rest = collectUntil(lines, at + 1, (text) =>
    PARAGRAPH_TEXT.some((rule) => rule.test(text)),
  );
  const text = unescapeLines([first, ...rest.texts], PARAGRAPH_TEXT);
  if (text === '') {
    throw new MarkdownError(
      lineAt(lines, at).no,
      `${label} has no text ${where}`,
      'empty_text',
      path,
    );
  }
  return { text, next: rest.next, stop: lines[rest.next] };
}

function readShell(info: string, line: number, where: string, path: IssuePath): Shell {
  if (info === 'cmd' || info === 'powershell') return info;
  const found = info === '' ? 'no language' : JSON.stringify(info);
  throw new MarkdownError(
    line,
    `a command's fence names its shell: \`\`\`cmd or \`\`\`powershell, found ${found} ${where}`,
    'shell_missing',
    [...path, 'shell'],
  );
}

/** One numbered item: a step (text), a command (only a fence), or a condition (text ending `:`) and a command. */
function readAction(item: ListItem, where: string, path: IssuePath): Action {
  const texts = item.lines;
  const fenceAt = texts.findIndex((line) => FENCE.test(line.text));
  if (fenceAt === -1) {
    const step = unescapeLines(
      texts.map((line) => line.text),
      ITEM_TEXT,
    );
    if (step === '') {
      throw new MarkdownError(
        item.no,
        `expected a fenced block or text in a numbered list item ${where}`,
        'empty_text',
        path,
      );
    }
    return { step };
  }
  const fence = readFence(texts, fenceAt);
  const fenceLine = lineAt(texts, fenceAt).no;
  const shell = readShell(fence.info, fenceLine, where, path);
  if (fence.content.trim() === '') {
    throw new MarkdownError(fenceLine, `the command block is empty ${where}`, 'empty_text', [
      ...path,
      'command',
    ]);
  }
  const after = texts.slice(fence.next).find((line) => !isBlank(line.text));
  if (after) {
    throw new MarkdownError(
      after.no,
      `nothing may follow a command's fenced block in its list item ${where}; start the next numbered item`,
      'unexpected_content',
      path,
    );
  }
  if (fenceAt === 0) return { command: fence.content, shell };
  const lead = unescapeLines(
    texts.slice(0, fenceAt).map((line) => line.text),
    ITEM_TEXT,
  );
  if (!lead.endsWith(':') || lead.slice(0, -1).trim() === '') {
    throw new MarkdownError(
      item.no,
      `the text before a command's fence is its condition and ends with ":" ${where}; ` +
        'or put the step and the command in separate numbered items',
      'unexpected_content',
      [...path, 'condition'],
    );
  }
  return { command: fence.content, shell, condition: lead.slice(0, -1) };
}
