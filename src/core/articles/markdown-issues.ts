import type { z } from 'zod';
import { MarkdownError } from './markdown-blocks.js';
import type { SourceLines } from './markdown-yaml.js';

/**
 * Validates what a reader built against a schema; a refusal names the line of the deepest field
 * the reader recorded for each issue's path (`fixes.1.platforms.0` → the line of that entry),
 * else `fallback`.
 */
export function validateAt<S extends z.ZodType>(
  schema: S,
  value: unknown,
  lines: SourceLines,
  prefix: string,
  fallback: number,
): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0];
  const all = parsed.error.issues.map((issue) => {
    const path = [...(prefix === '' ? [] : prefix.split('.')), ...issue.path.map(String)];
    const message = /received undefined$/.test(issue.message) ? 'is required' : issue.message;
    return {
      line: lineOf(path, lines, fallback),
      text: `${path.join('.') || '(top)'}: ${message}`,
    };
  });
  const line = all[0]?.line ?? fallback;
  const rest = all.slice(1).map((issue) => `; line ${issue.line}: ${issue.text}`);
  throw new MarkdownError(line, `${all[0]?.text ?? first?.message ?? 'invalid'}${rest.join('')}`);
}

function lineOf(path: readonly string[], lines: SourceLines, fallback: number): number {
  for (let length = path.length; length > 0; length--) {
    const line = lines.get(path.slice(0, length).join('.'));
    if (line !== undefined) return line;
  }
  return fallback;
}
