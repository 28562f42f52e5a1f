import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import './context-variables.js';

export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * Names every request with a fresh id, answered in `X-Request-Id`, so a person reporting an
 * error can quote what the operator finds in the logs. An id sent by the client is not taken:
 * it could be forged to collide with someone else's or to smuggle text into the logs.
 */
export const requestId =
  (newId: () => string = randomUUID): MiddlewareHandler =>
  async (c, next) => {
    const id = newId();
    c.set('requestId', id);
    await next();
    c.res.headers.set(REQUEST_ID_HEADER, id);
  };
