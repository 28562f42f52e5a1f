import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { readContentFiles } from '../../adapters/content/read-content-dir.js';
import { errorBody } from '../../app/error-body.js';
import { importContent } from '../../app/import-content.js';
import { DomainError } from '../../core/errors.js';
import { EXIT, type CliIo, UsageError } from '../cli-io.js';
import { formatIssueLine, shownPath } from '../format-issues.js';
import { parseCommandArgs } from '../parse-command-args.js';
import { withDeps } from '../with-deps.js';

const USAGE = 'erratlas import <file|dir> [--db <url>] [--json]';

/**
 * `erratlas import`: Markdown articles, procedures or scraped page text into the configured
 * database. All files are checked first; one bad file means nothing is saved (exit 2).
 */
export async function runImport(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    argv,
    { db: { type: 'string' }, json: { type: 'boolean' } },
    USAGE,
  );
  const [target, ...extra] = positionals;
  if (target === undefined || extra.length > 0) {
    throw new UsageError(`import takes one file or folder\nusage: ${USAGE}`);
  }
  const path = resolve(io.cwd, target);
  if (!existsSync(path)) throw new UsageError(`no file or folder at ${path}`);
  const files = readContentFiles(path);
  if (files.length === 0) {
    throw new UsageError(`nothing to import in ${path}: expected .md articles or .txt page text`);
  }
  return withDeps(io, values.db, async (deps) => {
    try {
      const imported = await importContent(deps, files, {
        author: 'cli',
        reason: `imported from ${target}`,
        requireCanonicalPaths: false,
      });
      if (values.json) {
        io.stdout(`${JSON.stringify({ imported }, null, 2)}\n`);
      } else {
        for (const item of imported) {
          const what = item.changed
            ? `saved${item.revision !== undefined ? ` as revision ${item.revision}` : ''}`
            : 'unchanged';
          io.stdout(`${item.key}: ${what} (${item.path})\n`);
        }
      }
      return EXIT.answered;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      // As lookup does: with --json, the API's error body (issues included) on stdout too.
      if (values.json) io.stdout(`${JSON.stringify(errorBody(error), null, 2)}\n`);
      io.stderr(`erratlas: nothing was imported:\n${describeRefusal(error, target, path)}\n`);
      return EXIT.badInput;
    }
  });
}

/** Each refused file's issues as `file:line: message`; the message alone if it has none. */
function describeRefusal(error: DomainError, target: string, path: string): string {
  const issues = errorBody(error).error.issues ?? [];
  if (issues.length === 0) return error.message;
  const targetIsFile = statSync(path).isFile();
  return issues
    .map((issue) => formatIssueLine(shownPath(target, targetIsFile, issue.file ?? ''), issue))
    .join('\n');
}
