import type { Context, MiddlewareHandler } from 'hono';
import { fold, type Step } from './fold.js';
import { replaceResponse } from './replace-response.js';

async function withoutBody(c: Context): Promise<void> {
  const response = c.res;
  const headers = new Headers(response.headers);
  if (response.body && !headers.has('content-length')) {
    headers.set('content-length', String((await response.arrayBuffer()).byteLength));
  }
  replaceResponse(c, new Response(null, { status: response.status, headers }));
}

/**
 * HEAD answers what GET answers, headers and Content-Length included, with no body. Hono
 * routes HEAD to the GET handler and drops the body itself, but the Node adapter cannot copy
 * the response Hono makes for `c.text()` and answered 500; a plain response built here from
 * status and headers goes through.
 * (Not an async function: a GET then finishes at once, with no promise to wait for.)
 */
export const headWithoutBodyStep = (): Step => ({
  after: (c) => (c.req.method === 'HEAD' ? withoutBody(c) : undefined),
});

export const headWithoutBody = (): MiddlewareHandler => fold([headWithoutBodyStep()]);
