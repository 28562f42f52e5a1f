import { Hono } from 'hono';
import pino, { type Logger } from 'pino';
import type { AppDeps } from '../app/deps.js';
import { apiError, createApiApp } from './api/api-app.js';
import { headWithoutBody } from './middleware/head-without-body.js';
import { requestId } from './middleware/request-id.js';
import { requestLog } from './middleware/request-log.js';
import { directTls, securityHeaders, type TrustedTls } from './middleware/security-headers.js';
import { utf8ContentType } from './middleware/utf8-content-type.js';
import { createWebApp } from './web/web-app.js';

export interface HttpAppOptions {
  /** Routes registered before the app's own and its middleware, so they win (benchmarks). */
  before?: (app: Hono) => void;
  /** Where request lines and server errors go; the wiring makes it. Silent when not given. */
  logger?: Logger;
  /** Whether a request came over TLS (HSTS is sent only then); by default a direct TLS socket. */
  trustedTls?: TrustedTls;
}

/**
 * The whole HTTP surface. Every response passes the app-wide middleware (request id, request
 * log, security headers, UTF-8 content types, HEAD); then the API sub-app takes `/api/*`
 * (JSON errors) and the web sub-app everything else (HTML errors, the 404 page). The API is
 * mounted first and ends in a catch-all, so no `/api` request reaches the pages' middleware.
 */
export function createHttpApp(deps: AppDeps, options: HttpAppOptions = {}): Hono {
  const logger = options.logger ?? pino({ level: 'silent' });
  const app = new Hono();
  options.before?.(app);
  app.use(requestId());
  app.use(requestLog(logger));
  app.use(securityHeaders(options.trustedTls ?? directTls));
  app.use(utf8ContentType());
  app.use(headWithoutBody());
  app.route('/', createApiApp(deps, logger));
  app.route('/', createWebApp(deps, logger));
  // Only a failure of the app-wide middleware itself gets here.
  app.onError(apiError(logger));
  return app;
}
