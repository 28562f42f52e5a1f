import { resolve } from 'node:path';
import { exportContent } from '../../app/export-content.js';
import { EXIT } from '../cli-io.js';
import { defineCommand } from '../command-spec.js';
import { withDatabase } from '../with-deps.js';
import { COMMAND_SUMMARIES } from '../command-summaries.js';

/**
 * `erratlas export <dir>`: every stored article and procedure as canonical Markdown files,
 * all or nothing. A target that cannot take them is the user's input, so exit 2 with the
 * reason in words; nothing of the export is left behind.
 */
export const exportCommand = defineCommand({
  name: 'export',
  summary: COMMAND_SUMMARIES.export,
  arguments: '<dir>',
  count: { min: 1, max: 1, what: 'one folder' },
  options: {
    db: { type: 'string', value: 'url', description: 'the database (DATABASE_URL syntax)' },
  },
  async run({ values, positionals }, context) {
    const root = resolve(context.io.cwd, positionals[0] ?? '');
    return withDatabase(context, 'export', values.db, async (deps) => {
      const files = await exportContent(deps);
      const written = context.wiring.writeContentDir(root, files);
      if (!written.ok) {
        context.print.err(`erratlas export: nothing was exported: ${written.reason}`);
        return EXIT.badInput;
      }
      context.print.out(...files.map((file) => file.path));
      context.print.err(
        `erratlas export: ${files.length} file${files.length === 1 ? '' : 's'} to ${root}`,
      );
      return EXIT.answered;
    });
  },
});
