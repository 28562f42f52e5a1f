import type { MiddlewareHandler } from 'hono';

const READ = new Set(['GET', 'HEAD']);
/** Headers a cross-origin page may send when it reads: revalidation, content negotiation. */
const ALLOWED_HEADERS = 'Accept, If-None-Match';
/** Headers a cross-origin page may read, besides the simple ones. */
const EXPOSED_HEADERS = 'ETag, X-Request-Id';

/**
 * Any site may read the API (it answers what the pages answer, without cookies); nothing
 * else is cross-origin. GET and HEAD answers carry `Access-Control-Allow-Origin: *`; a
 * preflight is granted only for GET or HEAD. Writes get no CORS headers, so a browser keeps
 * another site's script from them (and `sameOriginWrites` refuses the simple form posts).
 */
export const apiCors = (): MiddlewareHandler => async (c, next) => {
  const preflightFor = c.req.header('access-control-request-method');
  if (c.req.method === 'OPTIONS' && preflightFor !== undefined) {
    if (!READ.has(preflightFor.toUpperCase())) return c.body(null, 204);
    return c.body(null, 204, {
      'access-control-allow-origin': '*',
      'access-control-allow-methods': 'GET, HEAD',
      'access-control-allow-headers': ALLOWED_HEADERS,
      'access-control-max-age': '86400',
    });
  }
  await next();
  if (READ.has(c.req.method)) {
    c.res.headers.set('access-control-allow-origin', '*');
    c.res.headers.set('access-control-expose-headers', EXPOSED_HEADERS);
  }
};
