import type { MiddlewareHandler } from 'hono';
import { replaceResponse } from './replace-response.js';

/**
 * HEAD answers what GET answers, headers and Content-Length included, with no body. Hono
 * routes HEAD to the GET handler and drops the body itself, but the Node adapter cannot copy
 * the response Hono makes for `c.text()` and answered 500; a plain response built here from
 * status and headers goes through.
 */
export const headWithoutBody = (): MiddlewareHandler => async (c, next) => {
  await next();
  if (c.req.method !== 'HEAD') return;
  const response = c.res;
  const headers = new Headers(response.headers);
  if (response.body && !headers.has('content-length')) {
    headers.set('content-length', String((await response.arrayBuffer()).byteLength));
  }
  replaceResponse(c, new Response(null, { status: response.status, headers }));
};
