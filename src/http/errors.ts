import type { DomainErrorCode } from '../core/errors.js';
import { DomainError } from '../core/errors.js';
import type { ErrorResponse } from '../app/responses.js';
import { errorBody } from '../app/error-body.js';

/** The one place a domain error becomes an HTTP status. */
const STATUS: Record<DomainErrorCode, HttpErrorStatus> = {
  invalid_notation: 400,
  invalid_article: 400,
  invalid_page_text: 400,
  invalid_request: 400,
  invalid_search_parameter: 400,
  not_found: 404,
  unknown_product: 404,
  // A stored article naming a procedure that is gone is our data's fault, not the reader's.
  unknown_procedure: 500,
  unsupported_database: 500,
  article_exists: 409,
  revision_conflict: 409,
  rate_limited: 429,
  unauthorized: 401,
  session_not_found: 404,
  // Gone, not missing: the id was real, its 30 days are over; the page offers a fresh start.
  session_expired: 410,
  cross_site_request: 403,
  unknown_fix: 400,
  invalid_report: 400,
  report_too_large: 413,
  log_upload_empty: 400,
  log_upload_malformed: 400,
  log_upload_too_many_files: 400,
  logs_not_readable: 400,
  payload_too_large: 413,
  report_not_found: 404,
  report_expired: 410,
};

/** The status a code is answered with (the OpenAPI document lists them from here). */
export const statusOfCode = (code: DomainErrorCode): HttpErrorStatus => STATUS[code];

export type HttpErrorStatus = 400 | 401 | 403 | 404 | 409 | 410 | 413 | 429 | 500;

export interface HttpError {
  status: HttpErrorStatus;
  body: ErrorResponse;
}

export function toHttpError(error: unknown): HttpError {
  return {
    status: error instanceof DomainError ? STATUS[error.code] : 500,
    body: errorBody(error),
  };
}

export const notFound = (message: string): HttpError => ({
  status: 404,
  body: { error: { code: 'not_found', message } },
});
