import { DomainError } from '../core/errors.js';
import { type ErrorResponse, issueSchema, type IssueView } from './responses.js';

/**
 * The body of an error, the same for the API and the CLI's `--json`: a stable code, a message
 * for people, suggestions where the domain has them, and the issues of refused content (each
 * with code, path, line). Anything not a DomainError is ours, and its details stay out of the
 * answer.
 */
export function errorBody(error: unknown): ErrorResponse {
  if (!(error instanceof DomainError)) {
    return { error: { code: 'internal', message: 'something went wrong on our side' } };
  }
  const suggestions = error.details.suggestions;
  const issues = issuesOf(error.details.issues);
  return {
    error: {
      code: error.code,
      message: error.message,
      ...(Array.isArray(suggestions) ? { suggestions: suggestions.map(String) } : {}),
      ...(issues.length > 0 ? { issues } : {}),
    },
  };
}

/** The details' issues in the published shape; anything else a detail holds stays out. */
function issuesOf(value: unknown): IssueView[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) => {
    const issue = issueSchema.safeParse(item);
    return issue.success ? [issue.data] : [];
  });
}
