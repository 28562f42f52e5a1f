import type { Hono } from 'hono';
import type { AppDeps } from '../../app/deps.js';
import { diagnoseReportFile } from '../../app/diagnose-report.js';
import { renderDiagnosticScript } from '../../core/diagnose/diagnostic-script.js';
import { DomainError } from '../../core/errors.js';
import { toHttpError } from '../errors.js';
import { NO_STORE } from '../middleware/http-cache.js';
import { renderPage } from './render-page.js';
import { pagePath } from './page-address.js';
import { sendHtml } from './send-html.js';
import { DiagnosePage, DiagnosisPage } from './diagnose-page.js';

/**
 * `/diagnose`: the page with the read-only check to download and a form that reads the report
 * it wrote (multipart, the file in `report`). The upload is read in memory and forgotten; a
 * file that is not a report answers 400 or 413 with the form again, saying what was wrong.
 */
export function registerDiagnoseRoutes(app: Hono, deps: AppDeps): void {
  const script = renderDiagnosticScript(deps.updateEndpoints);

  app.get('/diagnose', (c) => sendHtml(c, renderPage(<DiagnosePage />, pagePath(c))));

  app.get('/diagnose/erratlas-diagnose.ps1', (c) =>
    c.body(script, 200, {
      'content-type': 'text/plain',
      'content-disposition': 'attachment; filename="erratlas-diagnose.ps1"',
    }),
  );

  app.post('/diagnose', async (c) => {
    let bytes: Uint8Array;
    try {
      const body = await c.req.parseBody();
      const file = body.report;
      if (!(file instanceof File))
        throw new DomainError(
          'invalid_report',
          'choose the report file (erratlas-report.json) to upload in the field "report"',
        );
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch (error) {
      if (error instanceof DomainError) return reportError(error);
      throw new DomainError(
        'invalid_report',
        'the upload could not be read as a form with a file; choose the report file and send the form again',
      );
    }
    try {
      const diagnosis = await diagnoseReportFile(deps, bytes);
      return sendHtml(
        c,
        renderPage(<DiagnosisPage diagnosis={diagnosis} />, pagePath(c)),
        200,
        NO_STORE,
      );
    } catch (error) {
      if (
        error instanceof DomainError &&
        (error.code === 'invalid_report' || error.code === 'report_too_large')
      )
        return reportError(error);
      throw error;
    }

    function reportError(error: DomainError): Response {
      const issues = Array.isArray(error.details.issues) ? (error.details.issues as string[]) : [];
      return sendHtml(
        c,
        renderPage(
          <DiagnosePage error={{ code: error.code, message: error.message, issues }} />,
          pagePath(c),
        ),
        toHttpError(error).status,
        NO_STORE,
      );
    }
  });
}
