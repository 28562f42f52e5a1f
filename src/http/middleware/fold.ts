import type { Context, ErrorHandler, MiddlewareHandler } from 'hono';
import { setAnswerHeaders, type AnswerHeaders } from './answer-headers.js';
import { replaceResponse } from './replace-response.js';

/**
 * One concern of the middleware around every answer (a request id, the log line, security
 * headers…), written as work before the route and work after it, so that several of them run
 * in one middleware frame (`fold`). Each Hono middleware is an async frame of its own plus one
 * of Hono's dispatcher, with a promise and a microtask for each `await next()`; nine of them
 * around every request cost more than all the work they did.
 */
export interface Step<S = unknown> {
  /** Before the route: what `after` needs (a start time), handed back to it. */
  before?(c: Context): S;
  /**
   * Before the route, after this step's `before`: an answer here is the request's answer, as
   * from a middleware that answers without calling `next`. The route, the steps after this
   * one and this one's own `after` are skipped; the `after` of the steps before it run.
   */
  refuse?(c: Context): Response | undefined;
  /** After the route, the innermost step first. */
  after?(c: Context, state: S): void | Promise<void>;
  /**
   * Headers this step adds to the answer (security headers, the request id, CORS), asked for
   * at the same point as `after`, right after it. The lines of all the steps are set together
   * once every `after` has run (an outer step's value winning, as if each had set its own in
   * turn): each kept answer's head is then copied once, not once per step (see
   * `setAnswerHeaders`). No `after` may read them, since they are not on the answer yet.
   */
  headers?(c: Context, state: S): AnswerHeaders | undefined;
}

export interface FoldOptions {
  /**
   * Turns an error thrown by a step into the answer, as Hono's `onError` does for a
   * middleware (the steps after it still run on that answer). Without it the error goes on to
   * Hono, as from any middleware.
   */
  onError?: ErrorHandler;
  /**
   * A middleware run innermost, around the route (the body limits, which wrap the body
   * stream); what it answers is the answer, as with `app.use`.
   */
  around?: MiddlewareHandler;
  /**
   * Sees the answer as it leaves the steps, their headers set (the kept-answer lane records
   * it): last of all, never changing it.
   */
  settled?: (c: Context) => void;
}

/**
 * The steps as one middleware that behaves as `app.use(step1); app.use(step2); …` would:
 * `before`/`refuse` in order, the route, then `after` in reverse order.
 */
export function fold(steps: readonly Step[], options: FoldOptions = {}): MiddlewareHandler {
  const { onError, around, settled } = options;
  const count = steps.length;

  const answerError = async (c: Context, error: unknown): Promise<void> => {
    if (onError === undefined || !(error instanceof Error)) throw error;
    c.error = error;
    replaceResponse(c, await onError(error, c));
  };

  return async (c, next) => {
    const states: unknown[] = new Array<unknown>(count);
    let entered = 0;
    let answered = false;
    try {
      while (entered < count) {
        const step = steps[entered] as Step;
        states[entered] = step.before?.(c);
        const refusal = step.refuse?.(c);
        if (refusal !== undefined) {
          if (!c.finalized) c.res = refusal;
          answered = true;
          break;
        }
        entered++;
      }
    } catch (error) {
      await answerError(c, error);
      answered = true;
    }
    if (!answered) {
      if (around === undefined) await next();
      else {
        const answer = await around(c, next);
        if (answer instanceof Response && !c.finalized) c.res = answer;
      }
    }
    let lines: AnswerHeaders | undefined;
    for (let i = entered - 1; i >= 0; i--) {
      const step = steps[i] as Step;
      try {
        // Most steps finish at once: awaiting only a promise spares a microtask per step.
        const pending = step.after?.(c, states[i]);
        if (pending !== undefined) await pending;
        const own = step.headers?.(c, states[i]);
        if (own !== undefined) lines = lines === undefined ? own : [...lines, ...own];
      } catch (error) {
        await answerError(c, error);
      }
    }
    if (lines !== undefined) setAnswerHeaders(c, lines);
    settled?.(c);
  };
}
