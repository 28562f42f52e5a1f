import type { Context, ErrorHandler } from 'hono';
import type { Step } from './fold.js';

/** The error handler of the sub-app each request is in, set by that sub-app's middleware. */
const handlers = new WeakMap<Context, ErrorHandler>();

/**
 * A sub-app's own error handler, as the first step of its middleware: every request that
 * reaches the sub-app has its errors answered by it (`subAppErrors`, the root's `onError`).
 * Not Hono's `onError` on the sub-app: `app.route` then wraps each of the sub-app's handlers
 * (its middleware and every route) in one more composed, awaited frame, which cost a cached
 * page more than any single middleware did. The answer is the same one, made at the same
 * point (Hono's root dispatch catches a route's error where the route ran, and the sub-app's
 * middleware then runs its afters on the answer as before).
 */
export const errorBoundaryStep = (onError: ErrorHandler): Step<undefined> => ({
  before(c) {
    handlers.set(c, onError);
    return undefined;
  },
});

/**
 * The root's `onError`: the error handler of the sub-app the request reached, or `fallback`
 * (the app-wide middleware's and the ops routes' errors, and a sub-app handler that itself
 * failed).
 */
export const subAppErrors =
  (fallback: ErrorHandler): ErrorHandler =>
  async (error, c) => {
    const own = handlers.get(c);
    if (own === undefined) return fallback(error, c);
    try {
      return await own(error, c);
    } catch {
      return fallback(error, c);
    }
  };
