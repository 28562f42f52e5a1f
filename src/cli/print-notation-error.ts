import { DomainError } from '../core/errors.js';
import { errorBody } from '../app/error-body.js';
import { EXIT, type CliIo } from './cli-io.js';

/**
 * Input that is not a code: the reason and suggestions on stderr (and, with --json, the
 * API's error body on stdout), exit 2. Any other error is not ours to print: rethrown.
 */
export function printNotationError(io: CliIo, error: unknown, json: boolean): number {
  if (!(error instanceof DomainError) || error.code !== 'invalid_notation') throw error;
  const body = errorBody(error);
  if (json) io.stdout(`${JSON.stringify(body, null, 2)}\n`);
  const suggestions = body.error.suggestions ?? [];
  io.stderr(
    `erratlas: ${error.message}\n` +
      (suggestions.length > 0 ? `did you mean: ${suggestions.join(', ')}\n` : ''),
  );
  return EXIT.badInput;
}
