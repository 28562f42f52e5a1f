import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { errorBody } from '../../app/error-body.js';
import { importContent } from '../../app/import-content.js';
import { DomainError } from '../../core/errors.js';
import { BadInputError, EXIT } from '../cli-io.js';
import { defineCommand } from '../command-spec.js';
import { formatIssueLine, shownPath } from '../format-issues.js';
import { withDatabase } from '../with-deps.js';
import { COMMAND_SUMMARIES } from '../command-summaries.js';

/**
 * `erratlas import`: Markdown articles, procedures or scraped page text into the configured
 * database. All files are checked first; one bad file means nothing is saved (exit 2).
 */
export const importCommand = defineCommand({
  name: 'import',
  summary: COMMAND_SUMMARIES.import,
  arguments: '<file|dir>',
  count: { min: 1, max: 1, what: 'one file or folder' },
  options: {
    db: { type: 'string', value: 'url', description: 'the database (DATABASE_URL syntax)' },
    json: {
      type: 'boolean',
      description: 'print what was imported, or the refusal as the API error body, as JSON',
    },
  },
  async run({ values, positionals }, context) {
    const target = positionals[0] ?? '';
    const path = resolve(context.io.cwd, target);
    if (!existsSync(path)) throw new BadInputError(`no file or folder at ${path}`);
    const files = context.wiring.readContentFiles(path);
    if (files.length === 0) {
      throw new BadInputError(
        `nothing to import in ${path}: expected .md articles or .txt page text`,
      );
    }
    return withDatabase(context, 'import', values.db, async (deps) => {
      try {
        const imported = await importContent(deps, files, {
          author: 'cli',
          reason: `imported from ${target}`,
          requireCanonicalPaths: false,
        });
        if (values.json) {
          context.print.json({ imported });
        } else {
          context.print.out(
            ...imported.map((item) => {
              const what = item.changed
                ? `saved${item.revision !== undefined ? ` as revision ${item.revision}` : ''}`
                : 'unchanged';
              return `${item.key}: ${what} (${item.path})`;
            }),
          );
        }
        return EXIT.answered;
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        // As lookup does: with --json, the API's error body (issues included) on stdout too.
        if (values.json) context.print.json(errorBody(error));
        context.print.err(
          'erratlas import: nothing was imported:',
          ...describeRefusal(error, target, path),
        );
        return EXIT.badInput;
      }
    });
  },
});

/** Each refused file's issues as `file:line: message`; the message's own lines if it has none. */
function describeRefusal(error: DomainError, target: string, path: string): string[] {
  const issues = errorBody(error).error.issues ?? [];
  if (issues.length === 0) return error.message.split('\n');
  const targetIsFile = statSync(path).isFile();
  return issues.map((issue) =>
    formatIssueLine(shownPath(target, targetIsFile, issue.file ?? ''), issue),
  );
}
