/**
 * The one place that knows how pages and API resources are addressed. Every path a page links
 * to, a redirect names or a JSON answer carries is built here, and every segment taken from
 * data is percent-encoded: a product slug, code or family id arrives from files and requests,
 * and a `/`, `?` or `#` in one must not change which resource the path names.
 */

const segment = (value: string): string => encodeURIComponent(value);

export const homePath = '/';
export const familiesPath = '/families';
/** The look-up form's target (`GET /codes?q=…`). */
export const lookupPath = '/codes';
/** The search page; the box on every page sends its words here. */
export const searchPath = '/search';
/** The log analyser's upload page, and a shared report's page. */
export const logsPath = '/logs';
export const sharedReportPath = (id: string): string => `/logs/r/${segment(id)}`;

/** A search page address with these parameters (empty ones left out). */
export const searchHref = (params: Readonly<Record<string, string | undefined>>): string => {
  const query = new URLSearchParams(
    Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ''),
  ).toString();
  return query === '' ? searchPath : `${searchPath}?${query}`;
};

export const articlePath = (product: string, code: string): string =>
  `/${segment(product)}/${segment(code)}`;
export const articleApiPath = (product: string, code: string): string =>
  `/api/v1/articles/${segment(product)}/${segment(code)}`;
export const codePath = (code: string): string => `/codes/${segment(code)}`;
/** Where the "request an article" form sends a person back: the code page, saying what happened. */
export const requestedPath = (code: string, recorded: boolean): string =>
  `${codePath(code)}?requested=${recorded ? 'yes' : 'again'}`;
/** A code page reached from a short bare number: the page says how the digits were read. */
export const typedCodePath = (code: string, typed: string): string =>
  `${codePath(code)}?typed=${encodeURIComponent(typed)}`;
export const familyPath = (id: string): string => `${familiesPath}/${segment(id)}`;
export const familyApiPath = (id: string): string => `/api/v1/families/${segment(id)}`;
/** Shared procedures: fixes written once and used by many articles. */
export const proceduresPath = '/procedures';
export const procedurePath = (id: string): string => `${proceduresPath}/${segment(id)}`;

/** The walk-through of an article: its start page (asks the platform) and its sessions. */
export const troubleshootPath = (product: string, code: string): string =>
  `${articlePath(product, code)}/troubleshoot`;
export const troubleshootSessionPath = (product: string, code: string, id: string): string =>
  `${troubleshootPath(product, code)}/${segment(id)}`;
/** The summary for a professional, as a text file. */
/** The SVG chart of how people fared with an article's fixes on one platform. */
export const outcomeChartPath = (product: string, code: string, platform: string): string =>
  `${articlePath(product, code)}/outcomes.svg?platform=${encodeURIComponent(platform)}`;

export const troubleshootSummaryPath = (product: string, code: string, id: string): string =>
  `${troubleshootSessionPath(product, code, id)}/summary.txt`;
/** Where an article page's "Did this fix it?" form posts (and its thank-you page). */
export const fixOutcomePath = (product: string, code: string, fixId: string): string =>
  `${articlePath(product, code)}/fixes/${segment(fixId)}/outcome`;

/** A fix script of an article for download (`.cmd` or `.ps1`), optionally for chosen fixes and a platform. */
export const fixScriptPath = (
  product: string,
  code: string,
  format: 'cmd' | 'ps1',
  options: { fixes?: readonly string[]; platform?: string } = {},
): string => {
  const query = new URLSearchParams();
  if (options.fixes && options.fixes.length > 0) query.set('fixes', options.fixes.join(','));
  if (options.platform) query.set('platform', options.platform);
  const tail = query.size > 0 ? `?${query.toString()}` : '';
  return `${articlePath(product, code)}/fix-script.${format}${tail}`;
};

/** The read-only diagnostic script, and the page that reads the report it writes. */
export const diagnosePath = '/diagnose';
export const diagnoseScriptPath = '/diagnose/erratlas-diagnose.ps1';
/** The walk-through's start page, set to begin with one fix (a diagnostic finding's). */
export const troubleshootFromFixPath = (product: string, code: string, fixId: string): string =>
  `${troubleshootPath(product, code)}?fix=${encodeURIComponent(fixId)}`;
