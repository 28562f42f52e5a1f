import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { lintContent } from '../../app/lint-content.js';
import { blocksShipping } from '../../core/articles/lint-rules.js';
import { BadInputError, EXIT } from '../cli-io.js';
import { defineCommand } from '../command-spec.js';
import { formatIssueLine, shownPath } from '../format-issues.js';
import { COMMAND_SUMMARIES } from '../command-summaries.js';

/** `erratlas lint`: CONTENT.md's rules over Markdown files; exit 1 when any problem is found. */
export const lintCommand = defineCommand({
  name: 'lint',
  summary: COMMAND_SUMMARIES.lint,
  arguments: '<file|dir>',
  count: { min: 1, max: 1, what: 'one file or folder' },
  options: {
    json: { type: 'boolean', description: 'print every file and its problems as JSON' },
  },
  async run({ values, positionals }, context) {
    const target = positionals[0] ?? '';
    const path = resolve(context.io.cwd, target);
    if (!existsSync(path)) throw new BadInputError(`no file or folder at ${path}`);
    const files = context.wiring.readContentFiles(path).filter((f) => f.path.endsWith('.md'));
    // The products registry of the folder (or the file named), with its platforms' support dates.
    const registryFile = statSync(path).isFile() ? path : join(path, 'products.yaml');
    if (basename(registryFile) === 'products.yaml' && existsSync(registryFile)) {
      files.unshift({ path: 'products.yaml', text: readFileSync(registryFile, 'utf8') });
    }
    if (files.length === 0) {
      throw new BadInputError(`no Markdown (.md) files or products.yaml in ${path}`);
    }
    const results = lintContent(await context.wiring.lintInput(), files);
    const count = results.reduce((n, r) => n + r.problems.filter(blocksShipping).length, 0);
    const notices = results.reduce((n, r) => n + r.problems.length, 0) - count;
    if (values.json) {
      context.print.json({ files: results, problems: count });
    } else {
      // As compilers print them, so an editor or a terminal can jump: file:line: level: message [code].
      const targetIsFile = statSync(path).isFile();
      context.print.out(
        ...results.flatMap((result) => {
          const file = shownPath(target, targetIsFile, result.path);
          return result.problems.map((p) =>
            formatIssueLine(file, {
              line: p.line,
              message: `${p.level}: ${p.message} [${p.code}]`,
            }),
          );
        }),
      );
      context.print.err(
        `${results.length} file${results.length === 1 ? '' : 's'} checked, ` +
          `${count} problem${count === 1 ? '' : 's'}` +
          (notices > 0 ? `, ${notices} notice${notices === 1 ? '' : 's'} (awaiting review)` : ''),
      );
    }
    return count > 0 ? EXIT.nothingKnown : EXIT.answered;
  },
});
