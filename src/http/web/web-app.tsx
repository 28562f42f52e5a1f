import { Hono, type Context } from 'hono';
import type { Logger } from 'pino';
import type { AppDeps } from '../../app/deps.js';
import { toHttpError } from '../errors.js';
import { compressionStep } from '../middleware/compression.js';
import { fold } from '../middleware/fold.js';
import { errorBoundaryStep } from '../middleware/sub-app-errors.js';
import { httpCacheStep } from '../middleware/http-cache.js';
import { logServerError } from '../middleware/request-log.js';
import { sameOriginWritesStep } from '../middleware/same-origin-writes.js';
import { printable } from '../notation-input.js';
import '../middleware/context-variables.js';
import { suggestionsForPage, type SuggestedCode } from '../../app/page-suggestions.js';
import { codePath } from '../../app/urls.js';
import { ACCEPTED_FORMS } from '../../core/codes/notation-patterns.js';
import { readNotation } from '../../core/codes/read-notation.js';
import { ErrorPage } from './error-page.js';
import { NotFoundPage } from './not-found-page.js';
import { pagePath } from './page-address.js';
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
export function errorPage(logger: Logger, deps: PageHelpDeps) {
  return async (error: unknown, c: Context): Promise<Response> => {
    const { status, body } = toHttpError(error);
    if (status >= 500) logServerError(logger, c, error);
    const input = c.get('lookupInput');
    const help: CodeHelp =
      input !== undefined && (status === 400 || status === 404)
        ? // The page must render even when the look-ups behind its help fail.
          await codeHelp(deps, input, body.error.suggestions ?? []).catch(() => ({}))
        : {};
    const message = printable(body.error.message);
    const page = renderPage(
      <ErrorPage
        status={status}
        title={CODE_TITLES[body.error.code] ?? TITLES[status] ?? 'Error'}
        message={help.codePage ? message : withoutListedParts(message, help.suggestions ?? [])}
        input={input === undefined ? undefined : printable(input)}
        suggestions={help.suggestions}
        codePage={help.codePage}
        requestId={c.get('requestId')}
      />,
      pagePath(c),
    );
    return sendHtml(c, page, status);
  };
}

type PageHelpDeps = Pick<AppDeps, 'catalog' | 'demand' | 'store'>;

interface CodeHelp {
  codePage?: { code: string; url: string };
  suggestions?: SuggestedCode[];
}

/**
 * What helps on an error page about a code: its code page when the input reads as one code
 * (the article is what is missing), or the codes it may have meant — none for a code the tables
 * know, since that is no typing mistake.
 */
async function codeHelp(
  deps: PageHelpDeps,
  input: string,
  sure: readonly string[],
): Promise<CodeHelp> {
  const read = readNotation(input, deps.catalog);
  if (!read.ok) return { suggestions: await suggestionsForPage(deps, input, sure) };
  const [only, ...more] = read.value;
  if (!only || more.length > 0) return {};
  const codePage = { code: only.code, url: codePath(only.code) };
  if (only.known) return { codePage };
  return { codePage, suggestions: await suggestionsForPage(deps, input, sure) };
}

/**
 * The API's message without the parts the page lists itself: the accepted forms (the page's
 * own list, with examples) and the "Did you mean …?" sentence (the page's list, with names).
 */
function withoutListedParts(message: string, suggestions: readonly SuggestedCode[]): string {
  const withoutForms = message.replace(ACCEPTED_FORMS, '');
  const text =
    suggestions.length > 0 ? withoutForms.replace(/ Did you mean [^?]*\?$/, '') : withoutForms;
  return text.replace(/\s+/g, ' ').trim();
}

/** The longest last segment of an unknown address worth reading as a mistyped code. */
const MAX_GUESSED_SEGMENT = 64;

/** Any address no page route knows, with the codes its last segment may have meant. */
export const notFoundPage =
  (deps: PageHelpDeps) =>
  async (c: Context): Promise<Response> => {
    const segment = lastSegment(c.req.path);
    const suggestions =
      segment && segment.length <= MAX_GUESSED_SEGMENT
        ? await suggestionsForPage(deps, printable(segment)).catch(() => [])
        : [];
    return sendHtml(c, renderPage(<NotFoundPage suggestions={suggestions} />, pagePath(c)), 404);
  };

const lastSegment = (path: string): string | undefined => {
  const raw = path
    .split('/')
    .filter((s) => s !== '')
    .at(-1);
  if (raw === undefined) return undefined;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
};

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
  const onError = errorPage(logger, deps);
  // One middleware frame, in this order (see `fold`); a step's error answers as a page, and
  // so does a route's (`errorBoundaryStep`: the sub-app's error handler, not Hono's `onError`).
  web.use(
    fold(
      [
        errorBoundaryStep(onError),
        sameOriginWritesStep(),
        httpCacheStep({ cacheControl: PAGE_CACHE_CONTROL }),
        compressionStep(),
      ],
      { onError },
    ),
  );
  extraRoutes?.(web);
  registerSearchWebRoutes(web, deps);
  registerSitemapRoutes(web, deps, publicBaseUrl);
  registerTroubleshootRoutes(web, deps);
  registerFixScriptRoutes(web, deps);
  registerDiagnoseRoutes(web, deps);
  registerLogsWebRoutes(web, deps, { maxLogUploadBytes });
  registerOutcomeChartRoute(web, deps);
  registerWebRoutes(web, deps, observePageCache);
  web.all('*', notFoundPage(deps));
  web.notFound(notFoundPage(deps));
  return web;
}
