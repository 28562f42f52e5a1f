import type { Hono } from 'hono';
import type { AppDeps } from '../../app/deps.js';
import { parseSearchParams, search } from '../../app/search.js';
import { codePath } from '../../app/urls.js';
import { readNotation } from '../../core/codes/read-notation.js';
import '../middleware/context-variables.js';
import { renderPage } from './render-page.js';
import { pagePath } from './page-address.js';
import { SearchPage } from './search-page.js';
import { sendHtml } from './send-html.js';

/**
 * `GET /search?q=…`: the search page, server-rendered (works without JavaScript). A query that
 * is one code notation and nothing else goes straight to that code's page, as the look-up box
 * always did; anything else is searched. A bad filter throws its DomainError, which the web
 * sub-app renders as the error page (400, naming the parameter).
 */
export function registerSearchWebRoutes(app: Hono, deps: AppDeps): void {
  app.get('/search', async (c) => {
    const raw = c.req.query();
    const q = (raw.q ?? '').trim();
    // A lone word is a code only with a digit or `_` in it: "proxy" is a search, not a name tail.
    if (q !== '' && !/\s/.test(q) && /[\d_]/.test(q) && raw.cursor === undefined) {
      const read = readNotation(q, deps.catalog);
      if (read.ok) return c.redirect(codePath(q), 302);
    }
    c.set('lookupInput', q);
    const input = parseSearchParams(deps, raw);
    const result = q === '' ? undefined : await search(deps, input);
    if (result && input.offset === 0)
      deps.searchMisses.record(result, deps.clock.now().toISOString());
    // The answer changes as articles are saved and look-ups counted: revalidate each time.
    return sendHtml(c, renderPage(<SearchPage result={result} />, pagePath(c)), 200, 'no-cache');
  });
}
