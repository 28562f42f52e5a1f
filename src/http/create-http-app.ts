import { Hono } from 'hono';
import type { AppDeps } from '../app/deps.js';
import { registerApiRoutes } from './api/api-routes.js';
import { registerWebRoutes } from './web/web-routes.js';

export interface HttpAppOptions {
  /** Routes registered before the app's own, so they win (benchmark-only wiring uses this). */
  before?: (app: Hono) => void;
}

/** The whole HTTP surface: the JSON API and the pages, one Hono app. */
export function createHttpApp(deps: AppDeps, options: HttpAppOptions = {}): Hono {
  const app = new Hono();
  options.before?.(app);
  registerApiRoutes(app, deps);
  registerWebRoutes(app, deps);
  return app;
}
