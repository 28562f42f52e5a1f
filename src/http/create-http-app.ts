import { Hono } from 'hono';
import type { AppDeps } from '../app/deps.js';
import { registerApiRoutes } from './api/api-routes.js';
import { registerWebRoutes } from './web/web-routes.js';

/** The whole HTTP surface: the JSON API and the pages, one Hono app. */
export function createHttpApp(deps: AppDeps): Hono {
  const app = new Hono();
  registerApiRoutes(app, deps);
  registerWebRoutes(app, deps);
  return app;
}
