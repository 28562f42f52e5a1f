import { DomainError } from '../core/errors.js';
import type { ErrorResponse } from './responses.js';

/**
 * The body of an error, the same for the API and the CLI's `--json`: a stable code, a message
 * for people, and suggestions where the domain has them. Anything not a DomainError is ours,
 * and its details stay out of the answer.
 */
export function errorBody(error: unknown): ErrorResponse {
  if (!(error instanceof DomainError)) {
    return { error: { code: 'internal', message: 'something went wrong on our side' } };
  }
  const suggestions = error.details.suggestions;
  return {
    error: {
      code: error.code,
      message: error.message,
      ...(Array.isArray(suggestions) ? { suggestions: suggestions.map(String) } : {}),
    },
  };
}
