import { ok } from '../result.js';
import { parseInstructions } from './page-import-actions.js';
import {
  failAt,
  nextLineNo,
  type PageLine,
  type PageResult,
  type PageSection,
} from './page-lines.js';
import { firstSentenceEnd, slugify, stripFinalPeriod } from './page-text.js';
import type { InlineFix } from './schema.js';

/**
 * "How to Fix It": each fix is a lone "-" line, then "<Title>. <instructions…>", then the
 * line(s) saying why it helps. The id is the title's slug; a title used twice gets "-2", "-3"
 * so that both fixes survive the import (the schema needs distinct ids).
 */

const FIX_START = /^-(?:\s+(.*))?$/;

interface FixLines {
  start: PageLine;
  /** The "Title. instructions" line; on the "-" line itself when the page wrote "- Title. …". */
  body: PageLine | undefined;
  why: PageLine[];
}

function groupFixes(section: PageSection): PageResult<FixLines[]> {
  const groups: FixLines[] = [];
  for (const line of section.lines) {
    const start = FIX_START.exec(line.text);
    const current = groups.at(-1);
    if (start) {
      const inline = start[1]?.trim();
      groups.push({
        start: line,
        body: inline ? { no: line.no, text: inline } : undefined,
        why: [],
      });
    } else if (current === undefined) {
      return failAt(
        line.no,
        'unexpected_content',
        `expected '-' on its own line to start a fix, found "${line.text}"`,
        ['fixes', 0],
      );
    } else if (current.body === undefined) {
      current.body = line;
    } else {
      current.why.push(line);
    }
  }
  if (groups.length === 0) {
    return failAt(
      nextLineNo(section),
      'unexpected_content',
      `expected at least one fix ('-', then "<Title>. <instructions>") under "${section.heading.text}"`,
      ['fixes'],
    );
  }
  return ok(groups);
}

function readFix(
  group: FixLines,
  usedIds: Map<string, number>,
  index: number,
): PageResult<InlineFix> {
  const { body } = group;
  const titleEnd = body === undefined ? -1 : firstSentenceEnd(body.text);
  if (body === undefined || titleEnd === -1) {
    const where = body?.no ?? group.start.no + 1;
    const found = body === undefined ? 'nothing' : `"${body.text}"`;
    return failAt(
      where,
      'unexpected_content',
      `expected a fix title sentence after '-' ("<Title>. <instructions>"), found ${found}`,
      ['fixes', index, 'title'],
    );
  }
  const title = stripFinalPeriod(body.text.slice(0, titleEnd));
  const slug = slugify(title);
  if (slug === '') {
    return failAt(
      body.no,
      'no_fix_id',
      `the fix title "${title}" has no letters or digits to make an id`,
      ['fixes', index, 'id'],
    );
  }
  const seen = (usedIds.get(slug) ?? 0) + 1;
  usedIds.set(slug, seen);
  const { actions, admin, restart } = parseInstructions(body.text.slice(titleEnd).trim());
  // One paragraph: the Markdown form gives "why" a single "**Why:**" paragraph.
  const why = group.why.map((line) => line.text).join(' ');
  return ok({
    id: seen === 1 ? slug : `${slug}-${seen}`,
    title,
    actions,
    ...(why === '' ? {} : { why }),
    // Only what the page says: no "admin: false" for a page that is silent about it.
    ...(admin ? { admin } : {}),
    ...(restart ? { restart } : {}),
  });
}

export function readFixes(section: PageSection): PageResult<InlineFix[]> {
  const groups = groupFixes(section);
  if (!groups.ok) return groups;
  const usedIds = new Map<string, number>();
  const fixes: InlineFix[] = [];
  for (const [index, group] of groups.value.entries()) {
    const fix = readFix(group, usedIds, index);
    if (!fix.ok) return fix;
    fixes.push(fix.value);
  }
  return ok(fixes);
}
