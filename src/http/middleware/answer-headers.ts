import type { Context } from 'hono';
import { plainHeadOf, replaceHead, setHeader } from './plain-head.js';

/** What the Node adapter hands the app as `c.env.outgoing`: Node's own response. */
interface Outgoing {
  readonly headersSent: boolean;
  setHeader(name: string, value: string): unknown;
}

const outgoingOf = (c: Context): Outgoing | undefined =>
  (c.env as { outgoing?: Outgoing } | undefined)?.outgoing;

/** Header lines the middleware add to an answer: lower-case names, each value final. */
export type AnswerHeaders = readonly (readonly [Lowercase<string>, string])[];

/**
 * Sets headers that the middleware add to answers once the route has answered (security
 * headers, the request id, CORS); the middleware's value is the one sent, an answer's own
 * header of the same name is dropped.
 *
 * A kept answer (a plain head: see `plainResponse`) gets them all in one new head, which the
 * Node adapter writes with one `writeHead`: set one by one on Node's response instead, each was
 * validated there, and Node then copied the answer's own headers one by one into its list too.
 * Any other answer gets them on Node's response when it came through the Node adapter (its
 * fetch `Headers` would otherwise be validated, kept sorted and copied out again by the
 * adapter), or on the answer in process (`app.request`: tests).
 */
export function setAnswerHeaders(c: Context, lines: AnswerHeaders): void {
  const plain = plainHeadOf(c.res);
  if (plain !== undefined) {
    // Not `{ ...plain }`: V8 gives a spread copy a shape that each added name then replaces
    // anew (measured ~0.5 µs a header); Object.assign's copy takes new names cheaply.
    const head: Record<string, string> = Object.assign({}, plain);
    for (const [name, value] of lines) head[name] = value;
    replaceHead(c, head);
    return;
  }
  const outgoing = outgoingOf(c);
  if (outgoing === undefined || outgoing.headersSent) {
    for (const [name, value] of lines) setHeader(c, name, value);
    return;
  }
  for (const [name, value] of lines) {
    outgoing.setHeader(name, value);
    // Node lets `writeHead`'s headers win over `setHeader`'s: the answer's own must go.
    if (c.res.headers.has(name)) c.res.headers.delete(name);
  }
}

/** One header, as `setAnswerHeaders` sets them. */
export const setAnswerHeader = (c: Context, name: Lowercase<string>, value: string): void =>
  setAnswerHeaders(c, [[name, value]]);
