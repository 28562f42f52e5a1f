import { fail, ok, type Result } from '../result.js';
import { MAX_REPORT_BYTES, reportSchema, type DiagnosticReport } from './report-schema.js';

export interface ReportRefusal {
  /** `too_large` is answered 413; the others 400. */
  kind: 'too_large' | 'not_json' | 'not_a_report';
  message: string;
  /** For `not_a_report`: where the file differs from the schema (path: problem), at most 20. */
  issues: string[];
}

const describeBytes = (bytes: number): string => `${Math.round(bytes / 1024)} KiB`;

/**
 * A report file as text, read with the schema. Nothing else is done with it: the caller keeps
 * nothing. Byte length is checked first, so an oversized file is never parsed.
 */
export function readReport(
  text: string,
  byteLength: number,
): Result<DiagnosticReport, ReportRefusal> {
  if (byteLength > MAX_REPORT_BYTES)
    return fail({
      kind: 'too_large',
      message: `the file is ${describeBytes(byteLength)}; a diagnostic report is at most ${describeBytes(MAX_REPORT_BYTES)} (the script writes a few KiB)`,
      issues: [],
    });
  let json: unknown;
  try {
    // A UTF-8 byte-order mark is allowed: some editors add one when the file is saved again.
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return fail({
      kind: 'not_json',
      message: `the file is not JSON (${error instanceof Error ? error.message : 'unreadable'}); upload the erratlas-report.json that the diagnostic script wrote`,
      issues: [],
    });
  }
  const parsed = reportSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 20)
      .map(
        (issue) => `${issue.path.length ? issue.path.join('.') : '(the file)'}: ${issue.message}`,
      );
    return fail({
      kind: 'not_a_report',
      message:
        'the file is JSON but not an Error Atlas diagnostic report (version 1); run the diagnostic script again and upload the file it writes',
      issues,
    });
  }
  return ok(parsed.data);
}

/**
 * A report file as bytes (an upload, a file the CLI read): UTF-8, with or without a byte-order
 * mark, or UTF-16 with one (Notepad's "Unicode", if the file was saved again); then readReport.
 */
export function readReportBytes(bytes: Uint8Array): Result<DiagnosticReport, ReportRefusal> {
  if (bytes.byteLength > MAX_REPORT_BYTES) return readReport('', bytes.byteLength);
  let text: string;
  try {
    const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe;
    text = new TextDecoder(utf16 ? 'utf-16le' : 'utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail({
      kind: 'not_json',
      message:
        'the file is not text in UTF-8; upload the erratlas-report.json that the diagnostic script wrote',
      issues: [],
    });
  }
  return readReport(text, bytes.byteLength);
}
