import type { Context } from 'hono';
import { plainHeadOf, setHeader } from './plain-head.js';

/** What the Node adapter hands the app as `c.env.outgoing`: Node's own response. */
interface Outgoing {
  readonly headersSent: boolean;
  setHeader(name: string, value: string): unknown;
}

const outgoingOf = (c: Context): Outgoing | undefined =>
  (c.env as { outgoing?: Outgoing } | undefined)?.outgoing;

/**
 * Sets a header that the middleware add to answers once the route has answered (security
 * headers, the request id, CORS). Through the Node adapter it goes on Node's own response,
 * which writes it with the answer's headers, instead of into the answer's fetch `Headers`
 * (which the adapter then copies out again for Node): for the headers every answer carries,
 * that copy cost more than the rest of the work around a cached page. In process
 * (`app.request`: tests) it goes on the answer. Either way the middleware's value is the one
 * sent: Node lets the answer's own header of that name win, so the answer's own is removed.
 */
export function setAnswerHeader(c: Context, name: Lowercase<string>, value: string): void {
  const outgoing = outgoingOf(c);
  if (outgoing === undefined || outgoing.headersSent) {
    setHeader(c, name, value);
    return;
  }
  outgoing.setHeader(name, value);
  const plain = plainHeadOf(c.res);
  if (plain !== undefined ? name in plain : c.res.headers.has(name)) setHeader(c, name, undefined);
}
