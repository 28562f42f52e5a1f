import { describe, expect, it } from 'vitest';
import { readProcedureMarkdown } from './procedure-markdown.js';

describe('readProcedureMarkdown', () => {
  const PROCEDURE = '---\nid: reset-components\ntitle: "Reset"\n---\n1. Stop the service.\n';

  it.each([
    [
      'a heading inside the procedure',
      `${PROCEDURE}\n### More\n`,
      7,
      /a procedure is the body of one fix, with no headings; found "### More"/,
    ],
    [
      'a procedure that uses another',
      PROCEDURE.replace('1. Stop', '```yaml\nuse: other\n```\n1. Stop'),
      6,
      /unknown key "use"; expected one of: admin, restart/,
    ],
    [
      'a procedure with no actions',
      '---\nid: reset-components\ntitle: "Reset"\n---\n**Why:** It helps.\n',
      5,
      /no action list in procedure "reset-components"/,
    ],
    ['a missing title', PROCEDURE.replace('title: "Reset"\n', ''), 1, /title: is required/],
    [
      'an unknown front matter key',
      PROCEDURE.replace('title:', 'admin: true\ntitle:'),
      3,
      /unknown key "admin"; expected one of: id, title/,
    ],
  ])('refuses %s, naming the line', (_name, text, line, message) => {
    const read = readProcedureMarkdown(text);
    expect(read.ok).toBe(false);
    if (!read.ok) {
      expect(read.reason.message).toMatch(new RegExp(`^line ${line}: `));
      expect(read.reason.message).toMatch(message);
    }
  });
});
