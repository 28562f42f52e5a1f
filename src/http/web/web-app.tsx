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

const TITLES: Record<number, string> = {
  400: 'That is not a code we can read',
  403: 'Refused: this came from another site',
  404: 'Not found',
  429: 'Too many requests today',
  500: 'Something went wrong',
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
        title={TITLES[status] ?? 'Error'}
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
): Hono {
  const web = new Hono();
  web.use(sameOriginWrites());
  web.use(httpCache({ cacheControl: PAGE_CACHE_CONTROL }));
  web.use(compression());
  extraRoutes?.(web);
  registerSearchWebRoutes(web, deps);
  registerSitemapRoutes(web, deps, publicBaseUrl);
  registerTroubleshootRoutes(web, deps);
  registerOutcomeChartRoute(web, deps);
  registerWebRoutes(web, deps, observePageCache);
  web.all('*', notFoundPage);
  web.notFound(notFoundPage);
  web.onError(errorPage(logger));
  return web;
}
