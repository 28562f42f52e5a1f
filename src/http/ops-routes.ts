import { Hono } from 'hono';
import type { Readiness } from '../app/check-readiness.js';
import type { Metrics } from './metrics.js';

export interface OpsRoutesOptions {
  metrics: Metrics;
  /** Database, migrations, content; the server's drain state is added on top of it. */
  readiness: () => Promise<Readiness>;
  /** True once SIGTERM started a drain: this instance wants no new traffic. */
  draining?: () => boolean;
}

const NO_STORE = { 'cache-control': 'no-store' };

/**
 * `/healthz` (the process answers: nothing else is asked, so a liveness probe never restarts
 * us for a database outage), `/readyz` (fit for traffic), `/metrics` (Prometheus text).
 */
export function createOpsRoutes(options: OpsRoutesOptions): Hono {
  const ops = new Hono();

  ops.get('/healthz', (c) => c.text('ok', 200, NO_STORE));

  ops.get('/readyz', async (c) => {
    if (options.draining?.() === true) {
      return c.json(
        { ready: false, reason: 'shutting down: finishing in-flight requests' },
        503,
        NO_STORE,
      );
    }
    const readiness = await options.readiness();
    return c.json(readiness, readiness.ready ? 200 : 503, NO_STORE);
  });

  ops.get('/metrics', async (c) =>
    c.body(await options.metrics.registry.metrics(), 200, {
      'content-type': options.metrics.registry.contentType,
      ...NO_STORE,
    }),
  );

  return ops;
}
