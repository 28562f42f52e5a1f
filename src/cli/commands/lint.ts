import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadWindowsCatalog } from '../../adapters/catalog/load-windows-tables.js';
import { readContentFiles } from '../../adapters/content/read-content-dir.js';
import { lintContent } from '../../app/lint-content.js';
import { blocksShipping } from '../../core/articles/lint-rules.js';
import { readProcedureMarkdown } from '../../core/articles/procedure-markdown.js';
import type { Procedure } from '../../core/articles/schema.js';
import { loadRegistry } from '../../compose.js';
import { BUNDLED_CONTENT_DIR } from '../../config.js';
import { EXIT, type CliIo, UsageError } from '../cli-io.js';
import { formatIssueLine, shownPath } from '../format-issues.js';
import { parseCommandArgs } from '../parse-command-args.js';

const USAGE = 'erratlas lint <file|dir> [--json]';

/** The bundled procedures, so an article being linted may use them. */
function bundledProcedures(): Map<string, Procedure> {
  const dir = join(BUNDLED_CONTENT_DIR, 'procedures');
  const procedures = new Map<string, Procedure>();
  if (!existsSync(dir)) return procedures;
  for (const file of readContentFiles(dir)) {
    const read = readProcedureMarkdown(file.text);
    if (read.ok) procedures.set(read.value.id, read.value);
  }
  return procedures;
}

/** `erratlas lint`: CONTENT.md's rules over Markdown files; exit 1 when any problem is found. */
export async function runLint(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { json: { type: 'boolean' } }, USAGE);
  const [target, ...extra] = positionals;
  if (target === undefined || extra.length > 0) {
    throw new UsageError(`lint takes one file or folder\nusage: ${USAGE}`);
  }
  const path = resolve(io.cwd, target);
  if (!existsSync(path)) throw new UsageError(`no file or folder at ${path}`);
  const files = readContentFiles(path).filter((f) => f.path.endsWith('.md'));
  if (files.length === 0) throw new UsageError(`no Markdown (.md) files in ${path}`);
  const [registry, catalog] = await Promise.all([
    loadRegistry(BUNDLED_CONTENT_DIR),
    loadWindowsCatalog(),
  ]);
  const results = lintContent({ registry, catalog, procedures: bundledProcedures() }, files);
  const count = results.reduce((n, r) => n + r.problems.filter(blocksShipping).length, 0);
  const notices = results.reduce((n, r) => n + r.problems.length, 0) - count;
  if (values.json) {
    io.stdout(`${JSON.stringify({ files: results, problems: count }, null, 2)}\n`);
  } else {
    const targetIsFile = statSync(path).isFile();
    for (const result of results) {
      const file = shownPath(target, targetIsFile, result.path);
      for (const p of result.problems) {
        const message = `${p.level}: ${p.message} [${p.code}]`;
        io.stdout(`${formatIssueLine(file, { line: p.line, message })}\n`);
      }
    }
    io.stderr(
      `${results.length} file${results.length === 1 ? '' : 's'} checked, ` +
        `${count} problem${count === 1 ? '' : 's'}` +
        (notices > 0 ? `, ${notices} notice${notices === 1 ? '' : 's'} (awaiting review)` : '') +
        '\n',
    );
  }
  return count > 0 ? EXIT.nothingKnown : EXIT.answered;
}
