import { Hono, type Context } from 'hono';
import type { Logger } from 'pino';
import type { AppDeps } from '../../app/deps.js';
import { notFound, toHttpError } from '../errors.js';
import { apiCorsStep } from '../middleware/api-cors.js';
import { compressionStep } from '../middleware/compression.js';
import { fold } from '../middleware/fold.js';
import { errorBoundaryStep } from '../middleware/sub-app-errors.js';
import { httpCacheStep } from '../middleware/http-cache.js';
import { logServerError } from '../middleware/request-log.js';
import { sameOriginWritesStep } from '../middleware/same-origin-writes.js';
import '../middleware/context-variables.js';
import { API_CACHE_CONTROL, registerApiRoutes } from './api-routes.js';
import { registerLogsApiRoutes } from './logs-api-routes.js';
import { registerTroubleshootApiRoutes } from './troubleshoot-api-routes.js';
import { registerDiagnoseApiRoutes } from './diagnose-api-routes.js';

/** An error as the JSON error body, with the request id; 5xx logged once with its stack. */
export function apiError(logger: Logger) {
  return (error: unknown, c: Context): Response => {
    const { status, body } = toHttpError(error);
    if (status >= 500) logServerError(logger, c, error);
    const headers: Record<string, string> =
      status === 401 ? { 'www-authenticate': 'Bearer realm="error-atlas"' } : {};
    return c.json({ error: { ...body.error, requestId: c.get('requestId') } }, status, headers);
  };
}

export const apiNotFound = (c: Context): Response => {
  const { status, body } = notFound(
    `no API resource at ${c.req.method} ${c.req.path}; see /api/openapi.json`,
  );
  return c.json({ error: { ...body.error, requestId: c.get('requestId') } }, status);
};

/**
 * The JSON API as one sub-app, its routes and middleware all under `/api`: readable from any
 * site (CORS on GET), CSRF checks on writes, ETags and compression, errors and unknown paths
 * as the JSON error body. Its last route takes every `/api` path no route knows, because Hono
 * does not carry a sub-app's `notFound` over `app.route`.
 */
export function createApiApp(
  deps: AppDeps,
  logger: Logger,
  observePageCache?: (result: 'hit' | 'miss') => void,
  extraRoutes?: (app: Hono) => void,
): Hono {
  const api = new Hono();
  const onError = apiError(logger);
  // One middleware frame, in this order (see `fold`); a step's error answers as the API's, and
  // so does a route's (`errorBoundaryStep`: the sub-app's error handler, not Hono's `onError`).
  api.use(
    '/api/*',
    fold(
      [
        errorBoundaryStep(onError),
        apiCorsStep(),
        sameOriginWritesStep(),
        httpCacheStep({ cacheControl: API_CACHE_CONTROL }),
        compressionStep(),
      ],
      { onError },
    ),
  );
  extraRoutes?.(api);
  registerTroubleshootApiRoutes(api, deps);
  registerDiagnoseApiRoutes(api, deps);
  registerLogsApiRoutes(api, deps);
  registerApiRoutes(api, deps, observePageCache);
  api.all('/api/*', apiNotFound);
  api.notFound(apiNotFound);
  return api;
}
