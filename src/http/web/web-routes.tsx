import type { Hono } from 'hono';
import { getArticleForReading, platformsForReading } from '../../app/get-article.js';
import type { AppDeps } from '../../app/deps.js';
import {
  articlePath,
  codePath,
  familyPath,
  proceduresPath,
  requestedPath,
  typedCodePath,
} from '../../app/urls.js';
import { getProcedureForReading, listProcedures } from '../../app/get-procedures.js';
import { ProcedurePage, ProceduresPage } from './procedure-page.js';
import { isCanonical } from '../../core/codes/code-value.js';
import { readNotation } from '../../core/codes/read-notation.js';
import { DomainError } from '../../core/errors.js';
import { findProduct, platformName } from '../../core/products/registry.js';
import { dayOfClock } from '../../app/clock-day.js';
import { ArticlePage } from './article-page.js';
import { ASSETS } from './assets.js';
import { CodePage, ReadingsPage } from './code-page.js';
import { HomePage } from './home-page.js';
import { getHome } from '../../app/get-home.js';
import { PageCache } from '../page-cache.js';
import { offerToLane } from '../kept-lane.js';
import { renderPage } from './render-page.js';
import { pagePath } from './page-address.js';
import { sendHtml } from './send-html.js';
import { requestArticle } from '../../app/request-article.js';
import { describeCode } from '../../app/describe-code.js';
import { describeTypedNumber } from '../../app/describe-other-readings.js';
import { getFamily } from '../../app/get-families.js';
import { groupFamilies } from '../../app/group-families.js';
import { FamiliesPage, FamilyPage } from './family-page.js';
import { clientAddress } from '../client-address.js';
import { EncodedBody } from '../middleware/encoded-body.js';
import { etagOf } from '../middleware/http-cache.js';
import { LookupMemo } from '../lookup-memo.js';
import { notationInput } from '../notation-input.js';
import { sendCached } from '../send-cached.js';
import '../middleware/context-variables.js';

/** How many of the most looked-up codes the home page shows. */
const HOME_POPULAR_CODES = 8;

/**
 * Server-rendered pages: everything works without JavaScript. Routes throw DomainErrors;
 * the web app's error handler renders them (`web-app.tsx`).
 */
/** Assets never change while the process runs. */
const ALWAYS_CURRENT = { current: () => true };

export function registerWebRoutes(
  app: Hono,
  deps: AppDeps,
  observePageCache?: (result: 'hit' | 'miss') => void,
): void {
  const cache = new PageCache(undefined, observePageCache);
  const memo = new LookupMemo(deps);

  for (const asset of ASSETS) {
    const body = new TextEncoder().encode(asset.body);
    const kept = { etag: etagOf(body), encoded: new EncodedBody(body) };
    app.get(asset.path, (c) => {
      offerToLane(c, ALWAYS_CURRENT);
      return sendCached(c, kept, asset.contentType, {
        'cache-control': 'public, max-age=31536000, immutable',
      });
    });
  }

  // The most looked-up codes change the page as well as the content does.
  const homeState = async () => {
    const popular = await deps.demand.mostLookedUp(HOME_POPULAR_CODES);
    const version = `${await deps.store.contentVersion()}|${popular.map((p) => p.code).join(',')}`;
    return { popular, version };
  };

  app.get('/', async (c) => {
    const { popular, version } = await homeState();
    offerToLane(c, {
      current: async () => (await homeState()).version === version,
      served: () => observePageCache?.('hit'),
    });
    const page =
      cache.get('/', version) ??
      cache.set(
        '/',
        version,
        renderPage(<HomePage view={await getHome(deps, popular)} />, pagePath(c)),
      );
    return sendHtml(c, page);
  });

  // The look-up form (works without JavaScript): to the code's own address.
  app.get('/codes', (c) => {
    const q = c.req.query('q')?.trim() ?? '';
    if (q === '') throw new DomainError('invalid_notation', 'Type an error code to look it up.');
    return c.redirect(codePath(notationInput(q).trim()), 302);
  });

  // `[\s\S]`, not `.`: a notation with a line break in it must reach `notationInput`.
  app.get('/codes/:notation{[\\s\\S]+}', async (c) => {
    const input = notationInput(c.req.param('notation'));
    c.set('lookupInput', input);
    const { lookup, version } = await memo.lookup(input);
    const [best] = lookup.readings;
    if (!best) throw new Error(`lookupCode gave no reading for "${input}"`);
    if (lookup.readings.length > 1) {
      deps.lookups.recordLookup(lookup);
      return sendHtml(
        c,
        renderPage(<ReadingsPage input={input} readings={lookup.readings} />, pagePath(c)),
      );
    }
    // A setup pair keeps its extend code on the page, so it is not folded into the result code.
    if (!isCanonical(input) && !best.extend) {
      // A short bare number read one way among several (`5` → Win32 error 5) takes what was
      // typed along, so the page can say how it read the digits and link the other readings.
      const typed = describeTypedNumber(deps, input, best.value);
      return c.redirect(typed ? typedCodePath(best.code, input) : codePath(best.code), 301);
    }
    const typed = isCanonical(input)
      ? describeTypedNumber(deps, c.req.query('typed'), best.value)
      : undefined;
    const [only, ...more] = best.articles;
    // 302, not 301: the answer changes as soon as an article is written. With a typed number
    // the page stays: the article's link is on it, under the note on how the number was read.
    if (only && more.length === 0 && !best.extend && !typed) return c.redirect(only.url, 302);
    const query = c.req.query('requested');
    const requested = query === 'yes' || query === 'again' ? query : undefined;
    deps.lookups.recordLookup(lookup);
    // The page shows how many asked for an article: that count is part of its version.
    const versionAt = async (content: string): Promise<string> =>
      `${content}|${await deps.demand.articleRequestCount(best.code)}`;
    const pageVersion = await versionAt(version);
    const key = `codes/${input}?${requested ?? ''}&${typed?.input ?? ''}`;
    offerToLane(c, {
      current: async () => (await versionAt(await deps.store.contentVersion())) === pageVersion,
      served: () => {
        deps.lookups.recordLookup(lookup);
        observePageCache?.('hit');
      },
    });
    const page =
      cache.get(key, pageVersion) ??
      cache.set(
        key,
        pageVersion,
        renderPage(
          <CodePage
            reading={best}
            input={input}
            details={await describeCode(deps, best)}
            requested={requested}
            typed={typed}
          />,
          pagePath(c),
        ),
      );
    // The request count changes with every request: revalidate each time.
    return sendHtml(c, page, 200, 'no-cache');
  });

  app.get('/families', (c) =>
    sendHtml(c, renderPage(<FamiliesPage groups={groupFamilies(deps)} />, pagePath(c))),
  );

  app.get(proceduresPath, async (c) =>
    sendHtml(
      c,
      renderPage(<ProceduresPage procedures={await listProcedures(deps)} />, pagePath(c)),
    ),
  );

  app.get('/procedures/:id', async (c) =>
    sendHtml(
      c,
      renderPage(
        <ProcedurePage
          view={await getProcedureForReading(deps, c.req.param('id'))}
          platformName={(id) => platformName(deps.registry, id)}
        />,
        pagePath(c),
      ),
    ),
  );

  app.get('/families/:id', (c) =>
    sendHtml(
      c,
      renderPage(<FamilyPage family={getFamily(deps, c.req.param('id'))} />, pagePath(c)),
    ),
  );

  // "Request an article": a plain form posting to the code page, answered 303 back to it.
  app.post('/codes/:code', async (c) => {
    const code = c.req.param('code');
    c.set('lookupInput', code);
    const outcome = await requestArticle(deps, code, clientAddress(c)).catch(
      whenArticleExists(() => undefined),
    );
    // An article written meanwhile is not an error for the person asking: the code page leads to it.
    if (!outcome) return c.redirect(codePath(code), 303);
    return c.redirect(requestedPath(code, outcome.recorded), 303);
  });

  app.get('/:product/:code', async (c) => {
    const { product, code } = c.req.param();
    const found = findProduct(deps.registry, product);
    if (!found) throw new DomainError('not_found', `There is no product "${product}".`);
    if (!isCanonical(code)) {
      // `/windows-update/80244001` → the canonical address, when the code reads one way only.
      const read = readNotation(code, deps.catalog);
      const [only, ...more] = read.ok ? read.value : [];
      if (only && more.length === 0) return c.redirect(articlePath(product, only.code), 301);
      throw new DomainError(
        'not_found',
        `"${code}" is not a code written as 0x followed by 8 hex digits, e.g. 0x80244001.`,
      );
    }
    // The day is part of the key: a platform's support may end between two requests.
    const day = dayOfClock(deps.clock);
    const key = `${product}/${code}/${day}`;
    const version = await deps.store.contentVersion();
    offerToLane(c, {
      current: async () =>
        dayOfClock(deps.clock) === day && (await deps.store.contentVersion()) === version,
      served: () => {
        deps.lookups.record(code);
        observePageCache?.('hit');
      },
    });
    const cached = cache.get(key, version);
    if (cached) {
      deps.lookups.record(code);
      return sendHtml(c, cached);
    }
    c.set('lookupInput', code);
    const view = await getArticleForReading(deps, product, code).catch(
      whenNotFound(`There is no ${found.name} article for ${code} yet.`),
    );
    const platforms = platformsForReading(deps, view);
    const reading = (await memo.lookup(code)).lookup.readings[0];
    const html = renderPage(
      <ArticlePage
        view={view}
        reading={reading}
        productName={found.name}
        platformName={(id) => platforms.get(id)?.label ?? platformName(deps.registry, id)}
        appliesToName={(id) =>
          `${platformName(deps.registry, id)}${platforms.get(id)?.supportEnded ? ' (support ended)' : ''}`
        }
        codeName={(related) => deps.catalog.namesOf(Number.parseInt(related.slice(2), 16))[0]?.name}
        family={primaryFamilyLink(deps, reading?.families[0])}
      />,
      pagePath(c),
    );
    deps.lookups.record(code);
    return sendHtml(c, cache.set(key, version, html));
  });
}

/** The title and page of a family, by id (a reading's primary family). */
function primaryFamilyLink(
  deps: Pick<AppDeps, 'families'>,
  id: string | undefined,
): { title: string; url: string } | undefined {
  const family = id === undefined ? undefined : deps.families.get(id);
  return family ? { title: family.title, url: familyPath(family.id) } : undefined;
}

/** Lets one expected outcome through as a value; every other error goes on to the error handler. */
const whenArticleExists =
  <T,>(value: () => T) =>
  (error: unknown): T => {
    if (error instanceof DomainError && error.code === 'article_exists') return value();
    throw error;
  };

/** A `not_found` with the words a page uses ("no Windows Update article …"); others unchanged. */
const whenNotFound =
  (message: string) =>
  (error: unknown): never => {
    if (error instanceof DomainError && error.code === 'not_found') {
      throw new DomainError('not_found', message);
    }
    throw error;
  };
