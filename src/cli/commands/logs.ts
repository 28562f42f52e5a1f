import { analyzeLogs } from '../../app/analyze-logs.js';
import { resolve } from 'node:path';
import { BadInputError, UsageError } from '../cli-io.js';
import { defineCommand } from '../command-spec.js';
import { formatLogReport } from '../format-log-report.js';
import { type LogProgress, logProgress } from '../log-progress.js';
import { COMMAND_SUMMARIES } from '../command-summaries.js';

/** Exit codes of `erratlas logs` (documented in README.md and the help). */
export const LOGS_EXIT = { noFailure: 0, failureFound: 1, badInput: 2 } as const;

const SINCE = /^\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?)?$/;

/**
 * `erratlas logs CBS.log dism.log`: reads the logs as streams, prints the diagnosis (or JSON).
 * Exit 0 when no failure was found, 1 when one was, 2 on bad input (nothing readable, a bad
 * rule file, a path that does not exist).
 */
export const logsCommand = defineCommand({
  name: 'logs',
  summary: COMMAND_SUMMARIES.logs,
  arguments: '<file|dir|zip>…',
  // At least one, checked in run() so the message says what the command reads.
  count: { min: 0, max: Number.POSITIVE_INFINITY, what: 'log files, folders or .zip archives' },
  options: {
    json: { type: 'boolean', description: 'print the whole diagnosis as JSON' },
    since: {
      type: 'string',
      value: 'time',
      description:
        'leave out what the logs say before this local time: yyyy-MM-dd, yyyy-MM-dd HH:mm or yyyy-MM-ddTHH:mm:ss',
    },
    rules: {
      type: 'string',
      value: 'dir',
      description: 'add the .yaml rule files of this folder to the bundled rules',
    },
  },
  async run({ values, positionals }, context) {
    if (positionals.length === 0) throw new UsageError('logs needs a file or directory');
    const since = values.since?.replace('T', ' ');
    if (since !== undefined && !SINCE.test(since))
      throw new UsageError(
        `--since "${values.since}" is not a time; use yyyy-MM-dd, yyyy-MM-dd HH:mm or yyyy-MM-ddTHH:mm:ss (the log's local time)`,
      );
    const { wiring, print } = context;
    const bundled = await wiring.readLogRules();
    const extra = values.rules
      ? await wiring.readLogRules(resolve(context.io.cwd, values.rules))
      : { rules: [], problems: [] };
    const problems = [...bundled.problems, ...extra.problems];
    if (problems.length > 0)
      throw new BadInputError(
        ['rule files do not match the rule schema:', ...problems.map((p) => `  ${p}`)].join('\n'),
      );
    if (values.rules && extra.rules.length === 0)
      throw new BadInputError(`--rules ${values.rules}: no .yaml rule files in that directory`);
    // A bar on a terminal's stderr only; none with --json (a script reads that).
    const progress = values.json ? undefined : logProgress(print);
    const catalog = await wiring.loadCatalog();
    const diagnosis = await (async () => {
      try {
        return await analyzeLogs(
          startEach(wiring.readLogSources(positionals, context.io.cwd), progress),
          {
            catalog,
            rules: [...bundled.rules, ...extra.rules],
            since,
            onProgress: progress ? (file, bytes) => progress.update(file, bytes) : undefined,
            readLog: wiring.readLog,
          },
        );
      } finally {
        progress?.stop();
      }
    })();
    if (diagnosis.files.length === 0) {
      print.err(
        'erratlas logs: nothing readable as a log:',
        ...diagnosis.refused.map((r) => `  ${r.file}: ${r.reason}`),
      );
      return LOGS_EXIT.badInput;
    }
    if (values.json) print.json(diagnosis);
    else print.out(...formatLogReport(diagnosis).replace(/\n$/, '').split('\n'));
    return diagnosis.failureFound ? LOGS_EXIT.failureFound : LOGS_EXIT.noFailure;
  },
});

/** Restarts the bar as each readable source begins. */
async function* startEach<T extends { name: string; size?: number | undefined }>(
  sources: AsyncIterable<T>,
  progress: LogProgress | undefined,
): AsyncGenerator<T> {
  for await (const source of sources) {
    if (progress && 'chunks' in source) progress.start(source);
    yield source;
  }
}
