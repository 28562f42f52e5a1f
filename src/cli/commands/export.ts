import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { exportContent } from '../../app/export-content.js';
import { EXIT, type CliIo, UsageError } from '../cli-io.js';
import { parseCommandArgs } from '../parse-command-args.js';
import { withDeps } from '../with-deps.js';

const USAGE = 'erratlas export <dir> [--db <url>]';

/** `erratlas export <dir>`: every stored article and procedure as canonical Markdown files. */
export async function runExport(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { db: { type: 'string' } }, USAGE);
  const [target, ...extra] = positionals;
  if (target === undefined || extra.length > 0) {
    throw new UsageError(`export takes one folder\nusage: ${USAGE}`);
  }
  const root = resolve(io.cwd, target);
  return withDeps(io, values.db, async (deps) => {
    const files = await exportContent(deps);
    for (const file of files) {
      const path = join(root, file.path);
      mkdirSync(dirname(path), { recursive: true });
      // Write beside, then rename: a reader never sees half a file.
      const partial = `${path}.partial`;
      writeFileSync(partial, file.text, 'utf8');
      renameSync(partial, path);
      io.stdout(`${file.path}\n`);
    }
    io.stderr(`exported ${files.length} file${files.length === 1 ? '' : 's'} to ${root}\n`);
    return EXIT.answered;
  });
}
