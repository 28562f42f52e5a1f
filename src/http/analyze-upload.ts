import type { Context } from 'hono';
import { analyzeLogs } from '../app/analyze-logs.js';
import type { AppDeps } from '../app/deps.js';
import type { Diagnosis } from '../core/logs/diagnose.js';
import { DomainError } from '../core/errors.js';
import { UploadTooLargeError } from './limits.js';
import { readLogUpload } from './logs-upload.js';

const SINCE = /^\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?)?$/;

/** `since` as the analyser takes it (`yyyy-MM-dd[ HH:mm[:ss]]`), or invalid_request. */
export function parseSince(text: string | undefined): string | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const since = text.trim().replace('T', ' ');
  if (!SINCE.test(since))
    throw new DomainError(
      'invalid_request',
      `since "${text}" is not a time; use yyyy-MM-dd, yyyy-MM-dd HH:mm or yyyy-MM-ddTHH:mm:ss (the log's local time)`,
    );
  return since;
}

/**
 * Streams an upload (API or form) through the analyser. Only the diagnosis and the form's
 * fields come back; the bytes are gone once read. A refusal while the client may still be
 * sending closes the connection rather than reading the rest.
 */
export async function analyzeUpload(
  c: Context,
  deps: Pick<AppDeps, 'catalog' | 'logRules' | 'openUploadedZip'>,
  sinceText: string | undefined,
): Promise<{ diagnosis: Diagnosis; fields: Map<string, string> }> {
  try {
    const since = parseSince(sinceText);
    const upload = readLogUpload(c.req.raw, deps.openUploadedZip);
    const diagnosis = await analyzeLogs(upload.sources, {
      catalog: deps.catalog,
      rules: await deps.logRules(),
      since,
    });
    if (diagnosis.files.length === 0)
      throw new DomainError(
        'logs_not_readable',
        `nothing uploaded could be read as a log: ${diagnosis.refused.map((r) => `${r.file}: ${r.reason}`).join('; ')}`,
        { refused: diagnosis.refused },
      );
    return { diagnosis, fields: upload.fields };
  } catch (error) {
    c.header('connection', 'close');
    if (error instanceof UploadTooLargeError)
      throw new DomainError('payload_too_large', error.message, { limit: error.limit });
    throw error;
  }
}
