import type { Context, MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { Logger } from 'pino';
import { fold, type Step } from './fold.js';
import { infoLineOf } from '../../create-logger.js';
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
export const requestLogStep = (logger: Logger): Step<{ started: number; own: number }> => {
  // The logger's own fast line when it has one (see `infoLineOf`): the same text.
  const line = infoLineOf(logger);
  const routeJson = new Map<string, string>();
  /** A route pattern as JSON, kept: patterns are few and may hold `\` to escape. */
  const jsonOf = (route: string): string => {
    let json = routeJson.get(route);
    if (json === undefined) {
      json = JSON.stringify(route);
      if (routeJson.size >= KEPT_ROUTES) routeJson.clear();
      routeJson.set(route, json);
    }
    return json;
  };
  return {
    before: (c) => ({ started: performance.now(), own: c.req.routeIndex }),
    after(c, { started, own }) {
      // Asked per request, since the level can change while the server runs; at `warn` and
      // above no line is built at all.
      if (!logger.isLevelEnabled('info')) return;
      const fields = {
        requestId: c.get('requestId'),
        method: c.req.method,
        // Still at this middleware's own index: no route took the request.
        route: c.req.routeIndex === own ? '(unmatched)' : routeOf(c),
        status: c.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
      };
      if (line === undefined || fields.requestId === undefined) {
        logger.info(fields, 'request');
        return;
      }
      line(
        `"requestId":${JSON.stringify(fields.requestId)},"method":${jsonOf(fields.method)},` +
          `"route":${jsonOf(fields.route)},"status":${fields.status},"ms":${fields.ms}`,
        'request',
      );
    },
  };
};

/** Distinct route patterns (and methods) whose JSON is kept; more means someone varies them. */
const KEPT_ROUTES = 256;

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
