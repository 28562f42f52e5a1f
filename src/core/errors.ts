/**
 * A failure the domain knows about. `code` is stable (clients switch on it); the message is
 * for people and says what was wrong and what would be accepted. No HTTP status here: the
 * one mapper in `http/errors.ts` decides that.
 */
export type DomainErrorCode =
  | 'invalid_notation'
  | 'invalid_article'
  | 'invalid_page_text'
  | 'invalid_request'
  /** A search filter, limit or cursor that is not one we accept (details: parameter). */
  | 'invalid_search_parameter'
  | 'not_found'
  | 'unknown_product'
  | 'unknown_procedure'
  | 'unsupported_database'
  | 'article_exists'
  | 'rate_limited'
  /** A save stated a base revision that is no longer the stored one (details: both). */
  | 'revision_conflict'
  | 'unauthorized'
  /** A troubleshooting session id that was never issued (or was deleted after expiring). */
  | 'session_not_found'
  /** A troubleshooting session older than 30 days. */
  | 'session_expired'
  /** A state-changing request sent by a page of another site (CSRF). */
  | 'cross_site_request'
  /** A fix id the article does not have, or one that does not apply on the platform asked. */
  | 'unknown_fix'
  /** A diagnostic report that is not JSON, not our schema, or too large (details: issues). */
  | 'invalid_report'
  /** A diagnostic report file larger than a report can be (the CLI's check; the web's is the body cap). */
  | 'report_too_large'
  /** A log upload with no file in it, or an empty paste. */
  | 'log_upload_empty'
  /** A log upload whose multipart body cannot be read. */
  | 'log_upload_malformed'
  /** More files in one upload than are read (details: limit). */
  | 'log_upload_too_many_files'
  /** Nothing uploaded could be read as a log (details: refused, each with why). */
  | 'logs_not_readable'
  /** A log upload larger than MAX_LOG_UPLOAD_BYTES, found while it streams. */
  | 'payload_too_large'
  /** A shared log report id that was never issued (or was deleted after expiring). */
  | 'report_not_found'
  /** A shared log report older than 30 days. */
  | 'report_expired';

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** Extra data a client can act on, e.g. suggestions for a mistyped code. */
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;
