import { DomainError } from '../core/errors.js';
import { errorBody } from '../app/error-body.js';
import { EXIT } from './cli-io.js';
import type { TerminalOutput } from './terminal-output.js';

/**
 * Input that is not a code: the reason and suggestions on stderr (and, with --json, the
 * API's error body on stdout), exit 2. Any other error is not ours to print: rethrown.
 */
export function printNotationError(
  print: TerminalOutput,
  command: string,
  error: unknown,
  json: boolean,
): number {
  if (!(error instanceof DomainError) || error.code !== 'invalid_notation') throw error;
  const body = errorBody(error);
  if (json) print.json(body);
  const suggestions = body.error.suggestions ?? [];
  print.err(
    `erratlas ${command}: ${error.message}`,
    ...(suggestions.length > 0 ? [`did you mean: ${suggestions.join(', ')}`] : []),
  );
  return EXIT.badInput;
}
