import type { Hono } from 'hono';
import type { AppDeps } from '../../app/deps.js';
import { getArticle, toArticleResponse } from '../../app/get-article.js';
import { clientAddress } from '../client-address.js';
import { requestArticle } from '../../app/request-article.js';
import { suggestCodes } from '../../app/suggest-codes.js';
import { getFamily, listFamilies } from '../../app/get-families.js';
import { listArticleRequests } from '../../app/list-article-requests.js';
import { buildOpenApiDocument } from './openapi.js';
import { LookupMemo } from '../lookup-memo.js';
import { notationInput } from '../notation-input.js';
import { PageCache } from '../page-cache.js';
import { sendCached } from '../send-cached.js';
import { offerToLane } from '../kept-lane.js';
import { registerSearchApiRoutes } from './search-routes.js';

/**
 * The JSON API under `/api/v1`, and its OpenAPI document. Routes throw DomainErrors; the API
 * app's error handler (`api-app.ts`) answers them.
 */
const JSON_UTF8 = 'application/json; charset=utf-8';

/** API answers may be kept a minute: the same as pages, and an ETag makes revalidation cheap. */
export const API_CACHE_CONTROL = 'public, max-age=60';

export function registerApiRoutes(
  app: Hono,
  deps: AppDeps,
  observePageCache?: (result: 'hit' | 'miss') => void,
): void {
  const openApi = JSON.stringify(buildOpenApiDocument());
  // Look-ups answer from memory while the articles are unchanged (the benchmark's hot path).
  const memo = new LookupMemo(deps);
  const answers = new PageCache(5_000, observePageCache);

  app.get('/api/openapi.json', (c) =>
    c.body(openApi, 200, {
      'content-type': JSON_UTF8,
      'cache-control': 'public, max-age=300',
    }),
  );

  app.post('/api/v1/codes/:code/requests', async (c) =>
    c.json(await requestArticle(deps, c.req.param('code'), clientAddress(c)), 201),
  );

  app.get('/api/v1/requests', async (c) => {
    const header = c.req.header('authorization');
    const token = header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : undefined;
    const requests = await listArticleRequests(deps, token);
    // Behind the operator token: for that client only, never kept by a shared cache.
    return c.json({ requests }, 200, { 'cache-control': 'private, no-store' });
  });

  // `[\s\S]`, not `.`: a notation with a line break in it must reach `notationInput`.
  app.get('/api/v1/codes/:notation{[\\s\\S]+}/suggestions', async (c) =>
    c.json(await suggestCodes(deps, notationInput(c.req.param('notation')))),
  );

  app.get('/api/v1/families', (c) => c.json({ families: listFamilies(deps) }));

  app.get('/api/v1/families/:id', (c) => c.json(getFamily(deps, c.req.param('id'))));

  app.get('/api/v1/codes/:notation{[\\s\\S]+}', async (c) => {
    const input = notationInput(c.req.param('notation'));
    const { lookup, version } = await memo.lookup(input);
    deps.lookups.recordLookup(lookup);
    const answer =
      answers.get(input, version) ?? answers.set(input, version, JSON.stringify(lookup));
    offerToLane(c, {
      current: async () => (await deps.store.contentVersion()) === version,
      served: () => {
        deps.lookups.recordLookup(lookup);
        observePageCache?.('hit');
      },
    });
    // The sub-app's default, in the kept head already: the ETag middleware need not copy it.
    return sendCached(c, answer, JSON_UTF8, { 'cache-control': API_CACHE_CONTROL });
  });

  app.get('/api/v1/articles/:product/:code', async (c) => {
    const { product, code } = c.req.param();
    return c.json(toArticleResponse(deps, await getArticle(deps, product, code)));
  });

  registerSearchApiRoutes(app, deps);
}
