import type { Hono } from 'hono';
import type { AppDeps } from '../../app/deps.js';
import { getSharedReport, shareLogReport } from '../../app/share-log-report.js';
import { sharedReportPath } from '../../app/urls.js';
import { analyzeUpload } from '../analyze-upload.js';

const NO_STORE = { 'cache-control': 'no-store' };

/**
 * Log analysis over the API: `POST /api/v1/logs/analyze` streams the upload through the
 * analyser and answers the redacted diagnosis; `?share=true` also keeps it as a shared report
 * (30 days), the only way anything of an upload is stored.
 */
export function registerLogsApiRoutes(app: Hono, deps: AppDeps): void {
  app.post('/api/v1/logs/analyze', async (c) => {
    const { diagnosis } = await analyzeUpload(c, deps, c.req.query('since'));
    if (c.req.query('share') !== 'true') return c.json({ diagnosis }, 200, NO_STORE);
    const report = await shareLogReport(deps, diagnosis);
    return c.json(
      { diagnosis, report: { ...report, url: sharedReportPath(report.id) } },
      200,
      NO_STORE,
    );
  });

  app.get('/api/v1/logs/reports/:id', async (c) => {
    const report = await getSharedReport(deps, c.req.param('id'));
    return c.json(
      { diagnosis: report.diagnosis, sharedAt: report.createdAt, expiresAt: report.expiresAt },
      200,
      // Never kept by a shared cache: it expires, and only its address makes it private.
      { 'cache-control': 'private, no-store' },
    );
  });
}
