import type { Context } from 'hono';

/** What the Node adapter hands the app as `c.env`: Node's own request, headers parsed. */
interface Incoming {
  headers?: Record<string, string | string[] | undefined>;
}

/** Node's request behind `c`, when the request came through the Node adapter. */
const incomingOf = (c: Context): Incoming | undefined =>
  (c.env as { incoming?: Incoming } | undefined)?.incoming;

/**
 * A request header by its lower-case name, read from Node's already-parsed headers when the
 * request came over a socket, else (in-process requests: tests) from the Request. `c.req.header`
 * would make the adapter build a whole `Headers` of the request on first use, which costs more
 * than the rest of a cached page's middleware; Node has parsed them already. Repeated headers
 * are joined with `, ` as `Headers` joins them.
 */
export function requestHeader(c: Context, name: Lowercase<string>): string | undefined {
  const headers = incomingOf(c)?.headers;
  if (headers === undefined) return c.req.header(name);
  const value = headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}
