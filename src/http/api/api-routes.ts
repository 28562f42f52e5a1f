import type { Hono } from 'hono';
import type { AppDeps } from '../../app/deps.js';
import { getArticle, toArticleResponse } from '../../app/get-article.js';
import { lookupCode } from '../../app/lookup-code.js';
import { notFound, toHttpError } from '../errors.js';
import { buildOpenApiDocument } from './openapi.js';

/** The JSON API under `/api/v1`, and its OpenAPI document. */
export function registerApiRoutes(app: Hono, deps: AppDeps): void {
  const openApi = JSON.stringify(buildOpenApiDocument());

  app.get('/api/openapi.json', (c) =>
    c.body(openApi, 200, {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'public, max-age=300',
    }),
  );

  app.get('/api/v1/codes/:notation{.+}', async (c) =>
    c.json(await lookupCode(deps, c.req.param('notation'))),
  );

  app.get('/api/v1/articles/:product/:code', async (c) => {
    const { product, code } = c.req.param();
    return c.json(toArticleResponse(await getArticle(deps, product, code)));
  });

  app.all('/api/*', (c) => {
    const { status, body } = notFound(
      `no API resource at ${c.req.method} ${c.req.path}; see /api/openapi.json`,
    );
    return c.json(body, status);
  });

  app.onError((error, c) => {
    const { status, body } = toHttpError(error);
    if (status === 500) console.error(error);
    return c.json(body, status);
  });
}
