import type { Hono } from 'hono';
import type { AppDeps } from '../../app/deps.js';
import { getSharedReport, shareLogReport } from '../../app/share-log-report.js';
import { logsPath, sharedReportPath } from '../../app/urls.js';
import { analyzeUpload } from '../analyze-upload.js';
import { LogsResultsPage } from './logs-results-page.js';
import { LogsUploadPage } from './logs-upload-page.js';
import { renderPage } from './render-page.js';
import { pagePath } from './page-address.js';
import { sendHtml } from './send-html.js';

/** A diagnosis is somebody's: no shared cache keeps it, and no page cache either. */
const PRIVATE = 'private, no-store';

/**
 * The log analyser's pages: the upload form, the results of an upload (answered to the POST
 * itself, so nothing is stored), and a shared report (only when its reader ticked "share":
 * then a 303 to its own address).
 */
export function registerLogsWebRoutes(
  app: Hono,
  deps: AppDeps,
  settings: { maxLogUploadBytes: number },
): void {
  app.get(logsPath, (c) =>
    sendHtml(
      c,
      renderPage(<LogsUploadPage maxUploadBytes={settings.maxLogUploadBytes} />, pagePath(c)),
    ),
  );

  app.post(logsPath, async (c) => {
    const { diagnosis, fields } = await analyzeUpload(c, deps, undefined);
    if (fields.get('share') === 'on') {
      const { id } = await shareLogReport(deps, diagnosis);
      return c.redirect(sharedReportPath(id), 303);
    }
    return sendHtml(
      c,
      renderPage(<LogsResultsPage diagnosis={diagnosis} />, pagePath(c)),
      200,
      PRIVATE,
    );
  });

  app.get('/logs/r/:id', async (c) => {
    const id = c.req.param('id');
    const report = await getSharedReport(deps, id);
    // Its address is the only key to it: search engines must not list it.
    c.header('x-robots-tag', 'noindex, nofollow');
    return sendHtml(
      c,
      renderPage(
        <LogsResultsPage
          diagnosis={report.diagnosis}
          shared={{
            url: sharedReportPath(id),
            sharedAt: report.createdAt,
            expiresAt: report.expiresAt,
          }}
        />,
        pagePath(c),
      ),
      200,
      PRIVATE,
    );
  });
}
