import type { Context, Hono } from 'hono';
import { getArticleForReading } from '../../app/get-article.js';
import type { AppDeps } from '../../app/deps.js';
import { lookupCode } from '../../app/lookup-code.js';
import { articlePath, codePath, requestedPath } from '../../app/urls.js';
import { isCanonical } from '../../core/codes/code-value.js';
import { DomainError } from '../../core/errors.js';
import { findProduct, platformName } from '../../core/products/registry.js';
import { toHttpError } from '../errors.js';
import { ArticlePage } from './article-page.js';
import { ASSETS } from './assets.js';
import { CodePage, ReadingsPage } from './code-page.js';
import { ErrorPage } from './error-page.js';
import { HomePage } from './home-page.js';
import { PageCache } from './page-cache.js';
import { renderPage } from './render-page.js';
import { sendHtml } from './send-html.js';
import { requestArticle } from '../../app/request-article.js';
import { describeCode } from '../../app/describe-code.js';
import { getFamily, listFamilies } from '../../app/get-families.js';
import { FamiliesPage, FamilyPage } from './family-page.js';
import { clientAddress } from '../client-address.js';

const TITLES: Record<number, string> = {
  400: 'That is not a code we can read',
  404: 'Not found',
  429: 'Too many requests today',
  500: 'Something went wrong',
};

/** An error as a page: the same message and suggestions the API gives. */
export function sendErrorPage(c: Context, error: unknown, input?: string): Response {
  const { status, body } = toHttpError(error);
  const page = renderPage(
    <ErrorPage
      status={status}
      title={TITLES[status] ?? 'Error'}
      message={body.error.message}
      input={input}
      suggestions={body.error.suggestions}
    />,
  );
  return sendHtml(c, page, status);
}

/** Server-rendered pages: everything works without JavaScript. */
export function registerWebRoutes(
  app: Hono,
  deps: AppDeps,
  observePageCache?: (result: 'hit' | 'miss') => void,
): void {
  const cache = new PageCache(undefined, observePageCache);

  for (const asset of ASSETS) {
    app.get(asset.path, (c) =>
      c.body(asset.body, 200, {
        'content-type': asset.contentType,
        'cache-control': 'public, max-age=31536000, immutable',
      }),
    );
  }

  app.get('/', async (c) => {
    const version = await deps.store.contentVersion();
    const page =
      cache.get('/', version) ??
      cache.set(
        '/',
        version,
        renderPage(
          <HomePage
            articles={(await deps.store.listArticles()).map((s) => ({
              product: s.article.product,
              code: s.article.code,
              title: s.article.title,
              revision: s.revision,
              contentHash: s.contentHash,
            }))}
          />,
        ),
      );
    return sendHtml(c, page);
  });

  // The look-up form (works without JavaScript): to the code's own address.
  app.get('/codes', (c) => {
    const q = c.req.query('q')?.trim() ?? '';
    if (q === '') {
      return sendErrorPage(
        c,
        new DomainError('invalid_notation', 'Type an error code to look it up.'),
      );
    }
    return c.redirect(codePath(q), 302);
  });

  app.get('/codes/:notation{.+}', async (c) => {
    const input = c.req.param('notation');
    let lookup;
    try {
      lookup = await lookupCode(deps, input);
    } catch (error) {
      return sendErrorPage(c, error, input);
    }
    const [best] = lookup.readings;
    if (!best) return sendErrorPage(c, new Error('no reading'), input);
    if (lookup.readings.length > 1) {
      deps.lookups.recordLookup(lookup);
      return sendHtml(c, renderPage(<ReadingsPage input={input} readings={lookup.readings} />));
    }
    // A setup pair keeps its extend code on the page, so it is not folded into the result code.
    if (!isCanonical(input) && !best.extend) return c.redirect(codePath(best.code), 301);
    const [only, ...more] = best.articles;
    // 302, not 301: the answer changes as soon as an article is written.
    if (only && more.length === 0 && !best.extend) return c.redirect(only.url, 302);
    const requested = c.req.query('requested');
    deps.lookups.recordLookup(lookup);
    const page = renderPage(
      <CodePage
        reading={best}
        input={input}
        details={await describeCode(deps, best)}
        requested={requested === 'yes' || requested === 'again' ? requested : undefined}
      />,
    );
    // The request count changes with every request: revalidate each time.
    return sendHtml(c, page, 200, 'no-cache');
  });

  app.get('/families', (c) =>
    sendHtml(c, renderPage(<FamiliesPage families={listFamilies(deps)} />)),
  );

  app.get('/families/:id', (c) => {
    try {
      return sendHtml(c, renderPage(<FamilyPage family={getFamily(deps, c.req.param('id'))} />));
    } catch (error) {
      return sendErrorPage(c, error);
    }
  });

  // "Request an article": a plain form posting to the code page, answered 303 back to it.
  app.post('/codes/:code', async (c) => {
    const code = c.req.param('code');
    try {
      const outcome = await requestArticle(deps, code, clientAddress(c));
      return c.redirect(requestedPath(code, outcome.recorded), 303);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'article_exists') {
        return c.redirect(codePath(code), 303);
      }
      return sendErrorPage(c, error, code);
    }
  });

  app.get('/:product/:code', async (c) => {
    const { product, code } = c.req.param();
    const found = findProduct(deps.registry, product);
    if (!found) {
      return sendErrorPage(c, new DomainError('not_found', `There is no product "${product}".`));
    }
    if (!isCanonical(code)) {
      // `/windows-update/80244001` → the canonical address, when the code reads one way only.
      try {
        const lookup = await lookupCode(deps, code);
        const [best] = lookup.readings;
        if (best && lookup.readings.length === 1)
          return c.redirect(articlePath(product, best.code), 301);
      } catch {
        // Falls through to "not found" below, with the reason.
      }
      return sendErrorPage(
        c,
        new DomainError(
          'not_found',
          `"${code}" is not a code written as 0x followed by 8 hex digits, e.g. 0x80244001.`,
        ),
      );
    }
    const key = `${product}/${code}`;
    const version = await deps.store.contentVersion();
    const cached = cache.get(key, version);
    if (cached) {
      deps.lookups.record(code);
      return sendHtml(c, cached);
    }
    try {
      const view = await getArticleForReading(deps, product, code);
      const reading = (await lookupCode(deps, code)).readings[0];
      const html = renderPage(
        <ArticlePage
          view={view}
          reading={reading}
          productName={found.name}
          platformName={(id) => platformName(deps.registry, id)}
          codeName={(related) =>
            deps.catalog.namesOf(Number.parseInt(related.slice(2), 16))[0]?.name
          }
        />,
      );
      deps.lookups.record(code);
      return sendHtml(c, cache.set(key, version, html));
    } catch (error) {
      if (error instanceof DomainError && error.code === 'not_found') {
        const message = `There is no ${found.name} article for ${code} yet.`;
        return sendErrorPage(c, new DomainError('not_found', message), code);
      }
      return sendErrorPage(c, error);
    }
  });
}
