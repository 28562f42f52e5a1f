import type { DomainErrorCode } from '../../core/errors.js';
import { statusOfCode, type HttpErrorStatus } from '../errors.js';
import { LIMIT_STATUS, type LimitErrorCode } from '../limits.js';

/** The API's operations, by the `operationId` the document gives them. */
export type OperationId =
  | 'lookupCode'
  | 'suggestCodes'
  | 'requestArticle'
  | 'listArticleRequests'
  | 'listFamilies'
  | 'getFamily'
  | 'getArticle'
  | 'getOpenApiDocument'
  | 'search'
  | 'suggestSearch'
  | 'listSearchMisses'
  | 'startSession'
  | 'getSession'
  | 'answerSession'
  | 'getFixStats'
  | 'diagnoseReport'
  | 'analyzeLogs'
  | 'getSharedLogReport';

/**
 * Every code an error body may carry: the domain's, the request limits' (answered before any
 * route runs), and `internal` for a fault of ours.
 */
export type ErrorCode = DomainErrorCode | LimitErrorCode | 'internal';

/** A status an error body is answered with. */
export type ErrorStatus = HttpErrorStatus | (typeof LIMIT_STATUS)[LimitErrorCode];

interface ErrorUse {
  /** When it is answered, for the response's description. */
  when: string;
  /** The operations that can answer it; `every` for any of them, `[]` for none (CLI only). */
  on: readonly OperationId[] | 'every';
}

/**
 * Which operation answers which error code: one line per code, and a code missing here does
 * not compile. The status comes from `http/errors.ts`, the one mapping, so they cannot drift.
 */
export const ERROR_USES: Readonly<Record<ErrorCode, ErrorUse>> = {
  invalid_notation: { when: 'the input is not a code', on: ['lookupCode'] },
  invalid_request: {
    when: 'not a canonical code (0x + 8 hex digits), a body or platform that is not accepted, or not the open step',
    on: ['requestArticle', 'startSession', 'answerSession', 'getFixStats', 'analyzeLogs'],
  },
  not_found: { when: 'no such family or article', on: ['getFamily', 'getArticle', 'getFixStats'] },
  invalid_search_parameter: {
    when: 'a filter, limit or cursor that is not accepted (the message names it)',
    on: ['search'],
  },
  article_exists: { when: 'the code has an article already', on: ['requestArticle'] },
  rate_limited: {
    when: 'this address asked for too many articles today, or started too many sessions within the hour',
    on: ['requestArticle', 'startSession'],
  },
  unauthorized: {
    when: 'no token, a wrong token, or the listing switched off',
    on: ['listArticleRequests', 'listSearchMisses'],
  },
  unknown_procedure: {
    when: 'a stored article names a procedure that is gone',
    on: ['getArticle', 'getFixStats', 'startSession', 'getSession', 'answerSession'],
  },
  // The troubleshooter's sessions (app/get-troubleshooting-session.ts).
  session_not_found: { when: 'no such session', on: ['getSession', 'answerSession'] },
  session_expired: {
    when: 'the session is older than 30 days (gone, not missing)',
    on: ['getSession', 'answerSession'],
  },
  internal: { when: 'a fault on our side (logged; no details in the answer)', on: 'every' },
  // The limits (http/limits.ts) run before every route; only POST has a body to cap.
  uri_too_long: { when: 'the path and query are longer than MAX_URL_BYTES', on: 'every' },
  // Fix scripts and diagnostic reports: web pages and the CLI for now.
  unknown_fix: { when: 'a fix id the article does not have, or not for the platform', on: [] },
  invalid_report: {
    when: 'a diagnostic report that is not JSON or not our schema (details: issues)',
    on: ['diagnoseReport'],
  },
  report_too_large: { when: 'a diagnostic report larger than 48 KiB', on: ['diagnoseReport'] },
  cross_site_request: {
    when: 'a write sent by a page of another site (Origin or Sec-Fetch-Site)',
    on: ['requestArticle', 'startSession', 'answerSession', 'analyzeLogs', 'diagnoseReport'],
  },
  payload_too_large: {
    when: "the body is larger than the route's cap (at most MAX_BODY_BYTES; log uploads MAX_LOG_UPLOAD_BYTES, default 1 GiB)",
    on: ['requestArticle', 'startSession', 'answerSession', 'analyzeLogs', 'diagnoseReport'],
  },
  // Log uploads (http/logs-upload.ts, http/analyze-upload.ts) and shared reports.
  log_upload_empty: { when: 'no file, an empty paste or an empty body', on: ['analyzeLogs'] },
  log_upload_malformed: {
    when: 'a multipart body that cannot be read, or a paste longer than 8 MiB',
    on: ['analyzeLogs'],
  },
  log_upload_too_many_files: { when: 'more than 20 files in one upload', on: ['analyzeLogs'] },
  logs_not_readable: {
    when: 'nothing uploaded reads as a log (details.refused says why for each file)',
    on: ['analyzeLogs'],
  },
  report_not_found: { when: 'no shared report at this id', on: ['getSharedLogReport'] },
  report_expired: {
    when: 'the shared report is older than 30 days (gone, not missing)',
    on: ['getSharedLogReport'],
  },
  // Raised by the importer and the configuration, which no API operation reaches (yet).
  invalid_article: { when: 'an article does not meet the schema', on: [] },
  invalid_page_text: { when: 'page text cannot be read as an article', on: [] },
  unknown_product: { when: 'no such product', on: ['startSession'] },
  unsupported_database: { when: 'the configured database is not supported', on: [] },
  revision_conflict: { when: 'the article changed since the revision it was edited from', on: [] },
};

const isLimitCode = (code: ErrorCode): code is LimitErrorCode => code in LIMIT_STATUS;

export const statusOf = (code: ErrorCode): ErrorStatus =>
  code === 'internal' ? 500 : isLimitCode(code) ? LIMIT_STATUS[code] : statusOfCode(code);

/** The codes an operation can answer, grouped by status. */
export function errorsOf(operation: OperationId): Map<ErrorStatus, ErrorCode[]> {
  const byStatus = new Map<ErrorStatus, ErrorCode[]>();
  for (const [code, use] of Object.entries(ERROR_USES) as [ErrorCode, ErrorUse][]) {
    if (use.on !== 'every' && !use.on.includes(operation)) continue;
    const status = statusOf(code);
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return new Map([...byStatus].sort(([a], [b]) => a - b));
}
