import type { Hono } from 'hono';
import type { AppDeps } from '../../app/deps.js';
import { diagnoseReportFile } from '../../app/diagnose-report.js';

/**
 * `POST /api/v1/diagnoses`: the body is the report file the diagnostic script wrote (JSON);
 * the answer is what it shows. Nothing is stored, so the answer is `no-store` and not a
 * resource with an address.
 */
export function registerDiagnoseApiRoutes(app: Hono, deps: AppDeps): void {
  app.post('/api/v1/diagnoses', async (c) => {
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    return c.json(await diagnoseReportFile(deps, bytes), 200, { 'cache-control': 'no-store' });
  });
}
