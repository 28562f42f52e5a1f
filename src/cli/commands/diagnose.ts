import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { diagnoseReportFile } from '../../app/diagnose-report.js';
import { renderDiagnosticScript } from '../../core/diagnose/diagnostic-script.js';
import { MAX_REPORT_BYTES } from '../../core/diagnose/report-schema.js';
import { readReportBytes } from '../../core/diagnose/read-report.js';
import { DomainError } from '../../core/errors.js';
import { resolveBaseUrl } from '../base-url.js';
import { BadInputError, EXIT, UsageError } from '../cli-io.js';
import { BASE_URL_OPTION, defineCommand } from '../command-spec.js';
import { formatDiagnosis } from '../format-diagnosis.js';
import { cliConfig } from '../with-deps.js';
import { COMMAND_SUMMARIES } from '../command-summaries.js';

/**
 * `erratlas diagnose --script`: the read-only diagnostic script on stdout.
 * `erratlas diagnose report.json`: what the report it wrote shows, each finding with its fix.
 * Exits 1 when a problem was found (as `logs` does for a failure), 0 when none, 2 for a file
 * that is not a report. The report is read and forgotten; nothing is stored.
 */
export const diagnoseCommand = defineCommand({
  name: 'diagnose',
  summary: COMMAND_SUMMARIES.diagnose,
  arguments: '[report.json]',
  count: { min: 0, max: 1, what: 'one report file' },
  options: {
    script: { type: 'boolean', description: 'print the diagnostic script (PowerShell) instead' },
    json: { type: 'boolean', description: 'print the diagnosis as JSON' },
    'base-url': BASE_URL_OPTION,
    db: {
      type: 'string',
      value: 'url',
      description: 'the database whose articles the findings link (DATABASE_URL syntax)',
    },
  },
  async run({ values, positionals }, context) {
    const config = cliConfig(context, values.db);
    const [file] = positionals;
    if (values.script) {
      if (file !== undefined)
        throw new UsageError('--script prints the script; give no report file with it');
      const opened = await context.wiring.openReadOnlyDeps(config, { articles: false });
      try {
        // A document, not lines: printable ASCII and CRLF only (diagnostic-script.test.ts).
        context.print.script(renderDiagnosticScript(opened.deps.updateEndpoints));
      } finally {
        await opened.close();
      }
      context.print.err(
        'erratlas diagnose: save it as erratlas-diagnose.ps1; it changes nothing and writes erratlas-report.json',
      );
      return EXIT.answered;
    }
    if (file === undefined)
      throw new UsageError(
        'diagnose needs the report file, e.g. erratlas diagnose erratlas-report.json, or --script',
      );
    const baseUrl = resolveBaseUrl(values['base-url'], context.io.env, config.port);
    if (!baseUrl.ok) throw new BadInputError(baseUrl.reason);
    const bytes = await readReportFile(resolve(context.io.cwd, file), file);
    // A file that is not a report is refused before any article is loaded.
    const read = readReportBytes(bytes);
    if (!read.ok)
      throw new BadInputError(
        [`${file}: ${read.reason.message}`, ...read.reason.issues.map((i) => `  ${i}`)].join('\n'),
      );
    const opened = await context.wiring.openReadOnlyDeps(config, { articles: true });
    try {
      const diagnosis = await diagnoseReportFile(opened.deps, bytes).catch((error: unknown) => {
        if (
          error instanceof DomainError &&
          (error.code === 'invalid_report' || error.code === 'report_too_large')
        ) {
          const issues = Array.isArray(error.details.issues)
            ? (error.details.issues as string[])
            : [];
          throw new BadInputError(
            [`${file}: ${error.message}`, ...issues.map((i) => `  ${i}`)].join('\n'),
          );
        }
        throw error;
      });
      if (values.json) context.print.json(diagnosis);
      else context.print.out(...formatDiagnosis(diagnosis, baseUrl.value));
      return diagnosis.findings.some((f) => f.severity === 'problem')
        ? EXIT.nothingKnown
        : EXIT.answered;
    } finally {
      await opened.close();
    }
  },
});

/** The file's bytes; its size is checked before it is read, so a huge file is never loaded. */
async function readReportFile(path: string, shown: string): Promise<Uint8Array> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile())
      throw new BadInputError(
        `${shown} is not a file; give the report file the diagnostic script wrote`,
      );
    size = info.size;
  } catch (error) {
    if (error instanceof BadInputError) throw error;
    throw new BadInputError(
      `${shown} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}); give the report file the diagnostic script wrote`,
    );
  }
  if (size > MAX_REPORT_BYTES)
    throw new BadInputError(
      `${shown}: the file is ${Math.round(size / 1024)} KiB; a diagnostic report is at most ${MAX_REPORT_BYTES / 1024} KiB`,
    );
  return readFile(path);
}
