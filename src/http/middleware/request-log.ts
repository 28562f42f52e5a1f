import type { Context, MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { Logger } from 'pino';
import { fold, type Step } from './fold.js';
import './context-variables.js';

/**
 * The route pattern that answered (`/codes/:notation{…}`), never the path or its query:
 * paths carry what people typed, and the log-upload and account routes to come will carry
 * more. `(unmatched)` when no route was reached.
 */
export const routeOf = (c: Context): string => routePath(c) || '(unmatched)';

/**
 * One structured line per request: method, route pattern, status, duration, request id.
 * Nothing personal: no address, no URL, no query, no headers.
 */
export const requestLogStep = (logger: Logger): Step<{ started: number; own: number }> => ({
  before: (c) => ({ started: performance.now(), own: c.req.routeIndex }),
  after(c, { started, own }) {
    // Asked per request, since the level can change while the server runs; at `warn` and
    // above no line is built at all.
    if (!logger.isLevelEnabled('info')) return;
    logger.info(
      {
        requestId: c.get('requestId'),
        method: c.req.method,
        // Still at this middleware's own index: no route took the request.
        route: c.req.routeIndex === own ? '(unmatched)' : routeOf(c),
        status: c.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
      },
      'request',
    );
  },
});

export const requestLog = (logger: Logger): MiddlewareHandler => fold([requestLogStep(logger)]);

/**
 * A 5xx, once, with its stack (pino's `err` serializer) and the request id the answer shows.
 * Called by the error handlers, which are the one place such an error is seen.
 */
export function logServerError(logger: Logger, c: Context, error: unknown): void {
  logger.error(
    { requestId: c.get('requestId'), method: c.req.method, route: routeOf(c), err: error },
    'request failed',
  );
}
