import { Hono, type Context } from 'hono';
import type { Logger } from 'pino';
import type { AppDeps } from '../../app/deps.js';
import { toHttpError } from '../errors.js';
import { compression } from '../middleware/compression.js';
import { httpCache } from '../middleware/http-cache.js';
import { logServerError } from '../middleware/request-log.js';
import { sameOriginWrites } from '../middleware/same-origin-writes.js';
import { printable } from '../notation-input.js';
import '../middleware/context-variables.js';
import { ErrorPage } from './error-page.js';
import { NotFoundPage } from './not-found-page.js';
import { renderPage } from './render-page.js';
import { PAGE_CACHE_CONTROL, sendHtml } from './send-html.js';
import { registerSitemapRoutes } from './sitemap-routes.js';
import { registerOutcomeChartRoute } from './outcome-chart-route.js';
import { registerWebRoutes } from './web-routes.js';
import { registerSearchWebRoutes } from './search-routes.js';
import { registerTroubleshootRoutes } from './troubleshoot-routes.js';
import { registerFixScriptRoutes } from './fix-script-routes.js';
import { registerDiagnoseRoutes } from './diagnose-routes.js';
import { registerLogsWebRoutes } from './logs-routes.js';
import { DEFAULT_SERVER_SETTINGS } from '../../config.js';

const TITLES: Record<number, string> = {
  400: 'That is not a code we can read',
  403: 'Refused: this came from another site',
  404: 'Not found',
  410: 'Gone: this has expired',
  413: 'Too large',
  429: 'Too many requests today',
  500: 'Something went wrong',
};

/** Titles for errors that are not about a code (the 400 title above is). */
const CODE_TITLES: Readonly<Record<string, string>> = {
  log_upload_empty: 'No log to read',
  log_upload_malformed: 'The upload could not be read',
  log_upload_too_many_files: 'Too many files',
  logs_not_readable: 'Nothing could be read as a log',
  payload_too_large: 'The upload is too large',
  report_not_found: 'No such shared report',
  report_expired: 'This shared report has expired',
};

/** An error as a page: the message and suggestions the API gives, and the request id. */
export function errorPage(logger: Logger) {
  return (error: unknown, c: Context): Response => {
    const { status, body } = toHttpError(error);
    if (status >= 500) logServerError(logger, c, error);
    const input = c.get('lookupInput');
    const page = renderPage(
      <ErrorPage
        status={status}
        title={CODE_TITLES[body.error.code] ?? TITLES[status] ?? 'Error'}
        message={printable(body.error.message)}
        input={input === undefined ? undefined : printable(input)}
        suggestions={body.error.suggestions}
        requestId={c.get('requestId')}
      />,
    );
    return sendHtml(c, page, status);
  };
}

/** Any address no page route knows. */
export const notFoundPage = (c: Context): Response =>
  sendHtml(c, renderPage(<NotFoundPage />), 404);

/**
 * The pages as one sub-app: CSRF checks on writes, ETags and compression, and errors and
 * unknown addresses answered as pages. Its last route takes every path the pages do not
 * know, because Hono does not carry a sub-app's `notFound` over `app.route`.
 */
export function createWebApp(
  deps: AppDeps,
  logger: Logger,
  observePageCache?: (result: 'hit' | 'miss') => void,
  publicBaseUrl?: string,
  extraRoutes?: (app: Hono) => void,
  maxLogUploadBytes: number = DEFAULT_SERVER_SETTINGS.maxLogUploadBytes,
): Hono {
  const web = new Hono();
  web.use(sameOriginWrites());
  web.use(httpCache({ cacheControl: PAGE_CACHE_CONTROL }));
  web.use(compression());
  extraRoutes?.(web);
  registerSearchWebRoutes(web, deps);
  registerSitemapRoutes(web, deps, publicBaseUrl);
  registerTroubleshootRoutes(web, deps);
  registerFixScriptRoutes(web, deps);
  registerDiagnoseRoutes(web, deps);
  registerLogsWebRoutes(web, deps, { maxLogUploadBytes });
  registerOutcomeChartRoute(web, deps);
  registerWebRoutes(web, deps, observePageCache);
  web.all('*', notFoundPage);
  web.notFound(notFoundPage);
  web.onError(errorPage(logger));
  return web;
}
