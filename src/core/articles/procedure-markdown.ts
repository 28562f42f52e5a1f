import type { ReadFailure } from '../issues.js';
import { fail, type Result } from '../result.js';
import { fileTooLarge } from './content-limits.js';
import { lineAt, MarkdownError, quoteLine, readOrFail, toLines } from './markdown-blocks.js';
import { readFixBody } from './markdown-fix.js';
import { writeFixBody } from './markdown-fix-write.js';
import { validateAt } from './markdown-issues.js';
import { PROCEDURE_FRONT_KEYS } from './markdown-sections.js';
import { quoteYaml, readFrontMatter, type SourceLines, writeSlug } from './markdown-yaml.js';
import { type Procedure, procedureSchema } from './schema.js';

/**
 * A procedure file (`content/procedures/<id>.md`, docs/ARTICLE-FORMAT.md "Procedures"): front
 * matter `id` and `title`, then the body of one fix with no heading — read and written by the
 * same code as an article's fixes.
 */
export function readProcedureMarkdown(text: string): Result<Procedure, ReadFailure> {
  const tooLarge = fileTooLarge(text);
  if (tooLarge) return fail({ message: tooLarge.message, issues: [tooLarge] });
  return readOrFail(() => {
    const lines = toLines(text);
    const map: SourceLines = new Map();
    const front = readFrontMatter(
      lines,
      { keys: PROCEDURE_FRONT_KEYS, strings: PROCEDURE_FRONT_KEYS },
      map,
    );
    const { id } = front.values;
    const body = readFixBody(lines, front.next, {
      where: typeof id === 'string' ? `in procedure ${JSON.stringify(id)}` : 'in the procedure',
      line: lineAt(lines, front.next).no,
      prefix: '',
      lines: map,
      allowUse: false,
      after: 'the end of the file',
    });
    const stop = lines[body.next];
    if (stop) {
      throw new MarkdownError(
        stop.no,
        `a procedure is the body of one fix, with no headings; found ${quoteLine(stop.text)}`,
        'unexpected_content',
      );
    }
    return validateAt(procedureSchema, { ...front.values, ...body.fields }, map, '', 1);
  });
}

/** The canonical text of a procedure; `readProcedureMarkdown` gives back an equal one. */
export function writeProcedureMarkdown(procedure: Procedure): string {
  const front = [`id: ${writeSlug(procedure.id)}`, `title: ${quoteYaml(procedure.title)}`];
  return `${['---', ...front, '---', ...writeFixBody(procedure)].join('\n')}\n`;
}
