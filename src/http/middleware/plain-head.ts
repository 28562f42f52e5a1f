import type { Context } from 'hono';
import { replaceResponse } from './replace-response.js';

/**
 * Answers whose head is a plain record, made by the app for what it keeps (cached pages, API
 * answers, assets). Through the Node adapter such a Response writes the record as it is; a
 * fetch `Headers` made of it (each header validated, the list kept sorted, then copied out
 * again for Node) cost more than the rest of a cached page's middleware. So the middleware
 * read these heads here, not through `response.headers` (which would make that `Headers`), and
 * change them only by putting a new answer in place (`setHeader`): the record of an answer never
 * changes, so it is right whether the Response kept it (the adapter's) or copied it (undici's).
 */
interface Plain {
  body: Uint8Array<ArrayBuffer> | null;
  status: number;
  head: Readonly<Record<string, string>>;
}

const plains = new WeakMap<Response, Plain>();

/** A Response with this body, status and head (lower-case names), readable by `headerOf`. */
export function plainResponse(
  body: Uint8Array<ArrayBuffer> | null,
  status: number,
  head: Record<string, string>,
): Response {
  // The adapter may write Content-Length into the record it is given: this one is the
  // response's own, never shared.
  const response = new Response(body, { status, headers: head });
  plains.set(response, { body, status, head });
  return response;
}

/** The head of a response made by `plainResponse`; undefined for any other. */
export const plainHeadOf = (response: Response): Readonly<Record<string, string>> | undefined =>
  plains.get(response)?.head;

/** The body and head of a response made by `plainResponse`; undefined for any other. */
export const plainOf = (response: Response): Readonly<Plain> | undefined => plains.get(response);

/** A response header by its lower-case name, from the plain head when there is one. */
export function headerOf(response: Response, name: Lowercase<string>): string | undefined {
  const plain = plains.get(response);
  if (plain !== undefined) return plain.head[name];
  return response.headers.get(name) ?? undefined;
}

/**
 * Sets a header of the current answer (lower-case name; `undefined` removes it): a plain one
 * is put in place again with the changed head, any other is changed in its `Headers`.
 */
export function setHeader(c: Context, name: Lowercase<string>, value: string | undefined): void {
  const plain = plains.get(c.res);
  if (plain === undefined) {
    if (value === undefined) c.res.headers.delete(name);
    else c.res.headers.set(name, value);
    return;
  }
  // Object.assign, not a spread: see `setAnswerHeaders` (a spread copy is slow to add to).
  const head: Record<string, string> = Object.assign({}, plain.head);
  if (value === undefined) delete head[name];
  else head[name] = value;
  replaceResponse(c, plainResponse(plain.body, plain.status, head));
}

/**
 * Puts the current answer, a plain one, in place again with `head` (a new record, never the
 * old one changed): the same body and status. For several headers changed at once.
 */
export function replaceHead(c: Context, head: Record<string, string>): void {
  const plain = plains.get(c.res);
  if (plain === undefined) throw new Error('replaceHead: the answer has no plain head');
  replaceResponse(c, plainResponse(plain.body, plain.status, head));
}
