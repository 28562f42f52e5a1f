import { Hono } from 'hono';
import type { AppDeps } from '../app/deps.js';
import type { Readiness } from '../app/check-readiness.js';
import { DEFAULT_SERVER_SETTINGS, type ServerSettings } from '../config.js';
import { registerApiRoutes } from './api/api-routes.js';
import { registerTroubleshootApiRoutes } from './api/troubleshoot-api-routes.js';
import { trustProxy } from './client-address.js';
import { limitBodies, limitUrls } from './limits.js';
import { createMetrics } from './metrics.js';
import { createOpsRoutes } from './ops-routes.js';
import { registerWebRoutes } from './web/web-routes.js';
import { registerTroubleshootRoutes } from './web/troubleshoot-routes.js';

export interface HttpAppOptions {
  /** Routes registered before the app's own, so they win (benchmark-only wiring uses this). */
  before?: (app: Hono) => void;
  /** Proxy trust and limits (`loadConfig`'s `server`); the defaults otherwise. */
  server?: ServerSettings;
  /** What `/readyz` reports (`compose`'s `readiness`). */
  readiness?: () => Promise<Readiness>;
  /** True while the server drains at shutdown: `/readyz` answers 503. */
  draining?: () => boolean;
}

const NOT_WIRED: Readiness = {
  ready: false,
  reason: 'no readiness check was wired into this app',
  checks: { database: 'pending', migrations: 'pending', content: 'pending' },
};

/** The whole HTTP surface: the JSON API and the pages, one Hono app. */
export function createHttpApp(deps: AppDeps, options: HttpAppOptions = {}): Hono {
  const app = new Hono();
  const server = options.server ?? DEFAULT_SERVER_SETTINGS;
  // A fresh registry per app, so that two apps in one process never share counters.
  const metrics = createMetrics();
  app.use(metrics.middleware);
  app.use(limitUrls(server));
  app.use(limitBodies(server));
  app.use(trustProxy(server.trustProxy));
  options.before?.(app);
  app.route(
    '/',
    createOpsRoutes({
      metrics,
      readiness: options.readiness ?? (() => Promise.resolve(NOT_WIRED)),
      ...(options.draining ? { draining: options.draining } : {}),
    }),
  );
  registerTroubleshootApiRoutes(app, deps);
  registerApiRoutes(app, deps);
  registerTroubleshootRoutes(app, deps);
  registerWebRoutes(app, deps, metrics.pageCache);
  return app;
}
