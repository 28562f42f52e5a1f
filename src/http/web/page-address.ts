import { AsyncLocalStorage } from 'node:async_hooks';
import type { MiddlewareHandler } from 'hono';

/**
 * The path of the page being answered, for the layout's canonical link when a page names none
 * (error pages, walk-through steps, pages other routes render). Kept per request in
 * AsyncLocalStorage so that each of the many page components need not pass it down.
 */
const current = new AsyncLocalStorage<string>();

/**
 * Middleware: runs the rest of the request with its path known to `currentPagePath` — the path
 * as sent, still percent-encoded, so a `%00` or `%22` in it stays text in the page.
 */
export const pageAddress = (): MiddlewareHandler => (c, next) =>
  current.run(new URL(c.req.url).pathname, next);

/** The answered page's path, or undefined outside a request (a page rendered by a test). */
export const currentPagePath = (): string | undefined => current.getStore();
