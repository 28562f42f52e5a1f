import { analyzeLogs } from '../../app/analyze-logs.js';
import { loadWindowsCatalog } from '../../adapters/catalog/load-windows-tables.js';
import {
  LogInputError,
  readLogRules,
  readLogSources,
} from '../../adapters/logs/read-log-sources.js';
import { BUNDLED_CONTENT_DIR } from '../../config.js';
import { join, resolve } from 'node:path';
import { type CliIo, UsageError } from '../cli-io.js';
import { formatLogReport } from '../format-log-report.js';
import { parseCommandArgs } from '../parse-command-args.js';

const USAGE = 'erratlas logs <file|dir>… [--json] [--since <time>] [--rules <dir>]';

/** Exit codes of `erratlas logs` (documented in README.md and the help). */
export const LOGS_EXIT = { noFailure: 0, failureFound: 1, badInput: 2 } as const;

const SINCE = /^\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?)?$/;
export const BUNDLED_RULES_DIR = join(BUNDLED_CONTENT_DIR, 'log-rules');

/**
 * `erratlas logs CBS.log dism.log`: reads the logs as streams, prints the diagnosis (or JSON).
 * Exit 0 when no failure was found, 1 when one was, 2 on bad input (nothing readable, a bad
 * rule file, a path that does not exist).
 */
export async function runLogs(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    argv,
    { json: { type: 'boolean' }, since: { type: 'string' }, rules: { type: 'string' } },
    USAGE,
  );
  if (positionals.length === 0)
    throw new UsageError(`logs needs a file or directory\nusage: ${USAGE}`);
  const since = values.since?.replace('T', ' ');
  if (since !== undefined && !SINCE.test(since))
    throw new UsageError(
      `--since "${values.since}" is not a time; use yyyy-MM-dd, yyyy-MM-dd HH:mm or yyyy-MM-ddTHH:mm:ss (the log's local time)`,
    );
  try {
    const bundled = await readLogRules(BUNDLED_RULES_DIR);
    const extra = values.rules
      ? await readLogRules(resolve(io.cwd, values.rules))
      : { rules: [], problems: [] };
    const problems = [...bundled.problems, ...extra.problems];
    if (problems.length > 0)
      throw new UsageError(`rule files do not match the rule schema:\n  ${problems.join('\n  ')}`);
    if (values.rules && extra.rules.length === 0)
      throw new UsageError(`--rules ${values.rules}: no .yaml rule files in that directory`);
    const catalog = await loadWindowsCatalog();
    const progress = process.stderr.isTTY && !values.json ? progressLine() : undefined;
    const diagnosis = await analyzeLogs(readLogSources(positionals, io.cwd), {
      catalog,
      rules: [...bundled.rules, ...extra.rules],
      since,
      onProgress: progress?.update,
    });
    progress?.done();
    if (diagnosis.files.length === 0) {
      io.stderr(
        `erratlas logs: nothing readable as a log:\n${diagnosis.refused.map((r) => `  ${r.file}: ${r.reason}`).join('\n')}\n`,
      );
      return LOGS_EXIT.badInput;
    }
    io.stdout(values.json ? `${JSON.stringify(diagnosis, null, 2)}\n` : formatLogReport(diagnosis));
    return diagnosis.failureFound ? LOGS_EXIT.failureFound : LOGS_EXIT.noFailure;
  } catch (error) {
    if (error instanceof LogInputError) throw new UsageError(error.message);
    throw error;
  }
}

/** One self-overwriting stderr line, at most ten times a second. */
function progressLine(): { update: (file: string, bytes: number) => void; done: () => void } {
  let last = 0;
  return {
    update: (file, bytes) => {
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      process.stderr.write(
        `\r\x1b[Kreading ${file.replace(/^.*[\\/]/, '')}: ${(bytes / 1048576).toFixed(1)} MiB`,
      );
    },
    done: () => process.stderr.write('\r\x1b[K'),
  };
}
