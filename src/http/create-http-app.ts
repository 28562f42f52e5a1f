import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import pino, { type Logger } from 'pino';
import type { AppDeps } from '../app/deps.js';
import type { Readiness } from '../app/check-readiness.js';
import { DEFAULT_SERVER_SETTINGS, type ServerSettings } from '../config.js';
import { apiError, createApiApp } from './api/api-app.js';
import { cameOverTls, cameOverTlsTo, trustProxyStep, trustRule } from './client-address.js';
import { attachKeptLane, KeptLane } from './kept-lane.js';
import { limitBodies, limitUrlsStep } from './limits.js';
import { MemoRouter } from './memo-router.js';
import { createMetrics, metricsRouteOf } from './metrics.js';
import { fold } from './middleware/fold.js';
import { subAppErrors } from './middleware/sub-app-errors.js';
import { headWithoutBodyStep } from './middleware/head-without-body.js';
import { requestIdStep } from './middleware/request-id.js';
import { requestLineOf, requestLogStep, routeOf } from './middleware/request-log.js';
import { directTls, securityHeadersStep, type TrustedTls } from './middleware/security-headers.js';
import { utf8ContentTypeStep } from './middleware/utf8-content-type.js';
import { createOpsRoutes } from './ops-routes.js';
import { createWebApp } from './web/web-app.js';

/** Extra routes for each sub-app (`api`: paths under `/api/`). */
export interface SubAppRoutes {
  api?: (app: Hono) => void;
  web?: (app: Hono) => void;
}

export interface HttpAppOptions {
  /**
   * Benchmark-only routes, registered in a sub-app after its middleware and before its own
   * routes: they answer behind the very middleware the sub-app's routes answer behind.
   */
  within?: SubAppRoutes;
  /** Proxy trust and limits (`loadConfig`'s `server`); the defaults otherwise. */
  server?: ServerSettings;
  /** What `/readyz` reports (`compose`'s `readiness`). */
  readiness?: () => Promise<Readiness>;
  /** True while the server drains at shutdown: `/readyz` answers 503. */
  draining?: () => boolean;
  /** Where request lines and server errors go; the wiring makes it. Silent when not given. */
  logger?: Logger;
  /**
   * Whether a request came over TLS (HSTS is sent only then). By default: a TLS socket, or a
   * proxy that TRUST_PROXY believes saying `X-Forwarded-Proto: https`.
   */
  trustedTls?: TrustedTls;
}

const NOT_WIRED: Readiness = {
  ready: false,
  reason: 'no readiness check was wired into this app',
  checks: { database: 'pending', migrations: 'pending', content: 'pending' },
};

const tlsByDefault: TrustedTls = (c) => directTls(c) || cameOverTls(c);

/**
 * The whole HTTP surface. Every response passes the app-wide middleware (request id, request
 * log, security headers, UTF-8 content types, HEAD — first, so even a refused URL or body
 * gets them — then metrics, limits and proxy trust); then the ops routes, the API sub-app
 * (`/api/*`, JSON errors) and the web sub-app (everything else, HTML errors, the 404 page).
 * The API is mounted before the pages and ends in a catch-all, so no `/api` request reaches
 * the pages' middleware.
 */
export function createHttpApp(deps: AppDeps, options: HttpAppOptions = {}): Hono {
  const logger = options.logger ?? pino({ level: 'silent' });
  // Routes are all merged into this app's router (sub-apps included), so this is the one
  // that matches every request.
  const app = new Hono({ router: new MemoRouter() });
  const server = options.server ?? DEFAULT_SERVER_SETTINGS;
  // A fresh registry per app, so that two apps in one process never share counters.
  const metrics = createMetrics();
  const newId = randomUUID;
  // One request line for the middleware and the lane: the same text, one memo of routes.
  const line = requestLineOf(logger);
  // Kept answers given again in front of the app; not when a test judges TLS its own way,
  // since the lane must judge it as the app does.
  const isTrusted = trustRule(server.trustProxy);
  const lane =
    options.trustedTls === undefined
      ? new KeptLane({
          newId,
          line,
          count: metrics.countKept,
          overTls: (request) => cameOverTlsTo(request, isTrusted),
          routes: (c) => ({ logRoute: routeOf(c), metricsRoute: metricsRouteOf(c) }),
        })
      : undefined;
  // One middleware frame for all of them, in this order (see `fold`).
  app.use(
    fold(
      [
        requestIdStep(newId),
        requestLogStep(line),
        securityHeadersStep(options.trustedTls ?? tlsByDefault),
        utf8ContentTypeStep(),
        headWithoutBodyStep(),
        metrics.step,
        limitUrlsStep(server),
        trustProxyStep(server.trustProxy),
      ],
      {
        onError: apiError(logger),
        around: limitBodies(server),
        ...(lane ? { settled: (c) => lane.record(c) } : {}),
      },
    ),
  );
  app.route(
    '/',
    createOpsRoutes({
      metrics,
      readiness: options.readiness ?? (() => Promise.resolve(NOT_WIRED)),
      ...(options.draining ? { draining: options.draining } : {}),
    }),
  );
  app.route('/', createApiApp(deps, logger, metrics.pageCache, options.within?.api));
  app.route(
    '/',
    createWebApp(
      deps,
      logger,
      metrics.pageCache,
      server.publicBaseUrl,
      options.within?.web,
      server.maxLogUploadBytes,
    ),
  );
  // A route's error goes to its sub-app's handler (`errorBoundaryStep`); the ops routes' and
  // the app-wide middleware's own failures are answered as the API answers them.
  app.onError(subAppErrors(apiError(logger)));
  if (lane) attachKeptLane(app, lane);
  return app;
}
