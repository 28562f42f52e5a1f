import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { fold, type Step } from './fold.js';
import './context-variables.js';

export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * Names every request with a fresh id, answered in `X-Request-Id`, so a person reporting an
 * error can quote what the operator finds in the logs. An id sent by the client is not taken:
 * it could be forged to collide with someone else's or to smuggle text into the logs.
 */
export const requestIdStep = (newId: () => string = randomUUID): Step<string> => ({
  before(c) {
    const id = newId();
    c.set('requestId', id);
    return id;
  },
  headers: (_c, id) => [[REQUEST_ID_HEADER, id]],
});

export const requestId = (newId?: () => string): MiddlewareHandler => fold([requestIdStep(newId)]);
