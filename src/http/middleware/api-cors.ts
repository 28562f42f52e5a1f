import type { MiddlewareHandler } from 'hono';
import type { AnswerHeaders } from './answer-headers.js';
import { fold, type Step } from './fold.js';

const READ = new Set(['GET', 'HEAD']);
/** Headers a cross-origin page may send when it reads: revalidation, content negotiation. */
const ALLOWED_HEADERS = 'Accept, If-None-Match';
/** Headers a cross-origin page may read, besides the simple ones. */
const EXPOSED_HEADERS = 'ETag, X-Request-Id';
/** What every read of the API answers with. */
const READ_HEADERS: AnswerHeaders = [
  ['access-control-allow-origin', '*'],
  ['access-control-expose-headers', EXPOSED_HEADERS],
];

/**
 * Any site may read the API (it answers what the pages answer, without cookies); nothing
 * else is cross-origin. GET and HEAD answers carry `Access-Control-Allow-Origin: *`; a
 * preflight is granted only for GET or HEAD. Writes get no CORS headers, so a browser keeps
 * another site's script from them (and `sameOriginWrites` refuses the simple form posts).
 */
export const apiCorsStep = (): Step<undefined> => ({
  refuse(c) {
    if (c.req.method !== 'OPTIONS') return undefined;
    const preflightFor = c.req.header('access-control-request-method');
    if (preflightFor === undefined) return undefined;
    if (!READ.has(preflightFor.toUpperCase())) return c.body(null, 204);
    return c.body(null, 204, {
      'access-control-allow-origin': '*',
      'access-control-allow-methods': 'GET, HEAD',
      'access-control-allow-headers': ALLOWED_HEADERS,
      'access-control-max-age': '86400',
    });
  },
  headers: (c) => (READ.has(c.req.method) ? READ_HEADERS : undefined),
});

export const apiCors = (): MiddlewareHandler => fold([apiCorsStep()]);
