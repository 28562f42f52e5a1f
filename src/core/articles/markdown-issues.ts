import type { z } from 'zod';
import { dottedPath, toIssuePath } from '../issues.js';
import { fieldTooLargeMessage, oversizedFields } from './content-limits.js';
import { MarkdownError } from './markdown-blocks.js';
import type { SourceLines } from './markdown-yaml.js';

/**
 * Validates what a reader built against a schema; a refusal names the line of the deepest field
 * the reader recorded for each issue's path (`fixes.1.platforms.0` → the line of that entry),
 * else `fallback`. A text field over MAX_FIELD_BYTES is refused first, with its path.
 */
export function validateAt<S extends z.ZodType>(
  schema: S,
  value: unknown,
  lines: SourceLines,
  prefix: string,
  fallback: number,
): z.output<S> {
  const oversized = oversizedFields(value, toIssuePath(prefix)).map(({ path, bytes }) => ({
    code: 'too_large' as const,
    path,
    line: lineOf(path.map(String), lines, fallback),
    message: fieldTooLargeMessage(dottedPath(path), bytes),
  }));
  const [big, ...moreBig] = oversized;
  if (big) throw new MarkdownError(big.line, big.message, big.code, big.path, moreBig);
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => {
    const path = [...toIssuePath(prefix), ...issue.path.map(pathPart)];
    const message = /received undefined$/.test(issue.message) ? 'is required' : issue.message;
    return {
      code: issue.code,
      path,
      line: lineOf(path.map(String), lines, fallback),
      message: `${dottedPath(path) || '(top)'}: ${message}`,
    };
  });
  const [first = { code: 'custom', path: [], line: fallback, message: 'invalid' }, ...rest] =
    issues;
  throw new MarkdownError(first.line, first.message, first.code, first.path, rest);
}

/** zod's path parts are keys, indexes or (never here) symbols. */
const pathPart = (part: PropertyKey): string | number =>
  typeof part === 'number' ? part : String(part);

/** The line of the deepest recorded part of `path`, else `fallback`. */
export function lineOf(
  path: readonly string[],
  lines: ReadonlyMap<string, number>,
  fallback: number,
): number {
  for (let length = path.length; length > 0; length--) {
    const line = lines.get(path.slice(0, length).join('.'));
    if (line !== undefined) return line;
  }
  return fallback;
}
