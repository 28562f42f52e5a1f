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

/** Writes one request's line; `started` is from `performance.now()`. */
export type RequestLine = (
  requestId: string | undefined,
  method: string,
  route: string,
  status: number,
  started: number,
) => void;

/**
 * The request line of `logger`: method, route pattern, status, duration, request id. Nothing
 * personal: no address, no URL, no query, no headers. Written by the step below and by the
 * kept-answer lane (`kept-lane.ts`), so both write the same line.
 */
export function requestLineOf(logger: Logger): RequestLine {
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
  return (requestId, method, route, status, started) => {
    // Asked per request, since the level can change while the server runs; at `warn` and
    // above no line is built at all.
    if (!logger.isLevelEnabled('info')) return;
    const ms = Math.round((performance.now() - started) * 10) / 10;
    if (line === undefined || requestId === undefined) {
      logger.info({ requestId, method, route, status, ms }, 'request');
      return;
    }
    line(
      `"requestId":${JSON.stringify(requestId)},"method":${jsonOf(method)},` +
        `"route":${jsonOf(route)},"status":${status},"ms":${ms}`,
      'request',
    );
  };
}

/** One structured line per request, written by `line` (see `requestLineOf`). */
export const requestLogStep = (line: RequestLine): Step<{ started: number; own: number }> => ({
  before: (c) => ({ started: performance.now(), own: c.req.routeIndex }),
  after(c, { started, own }) {
    // Still at this middleware's own index: no route took the request.
    const route = c.req.routeIndex === own ? '(unmatched)' : routeOf(c);
    line(c.get('requestId'), c.req.method, route, c.res.status, started);
  },
});

/** Distinct route patterns (and methods) whose JSON is kept; more means someone varies them. */
const KEPT_ROUTES = 256;

export const requestLog = (logger: Logger): MiddlewareHandler =>
  fold([requestLogStep(requestLineOf(logger))]);

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
