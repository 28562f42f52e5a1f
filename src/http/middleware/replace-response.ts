import type { Context } from 'hono';

/**
 * Puts a new response in place of the current one. Hono's `c.res = …` merges the old
 * response's headers over the new one's, which would bring back a stale Content-Length,
 * Content-Encoding or ETag; clearing it first makes the new response the whole answer.
 */
export function replaceResponse(c: Context, response: Response): void {
  c.res = undefined;
  c.res = response;
}
