import type { Context, Hono } from 'hono';
import type { AppDeps } from '../../app/deps.js';
import { sitemapParts, type SitemapParts } from '../../app/sitemap-entries.js';
import { DomainError } from '../../core/errors.js';
import { sitemapIndexXml, urlsetXml } from './sitemap-xml.js';

export const SITEMAP_PATH = '/sitemap.xml';
export const ARTICLES_SITEMAP_PATH = '/sitemap-articles.xml';
export const codesSitemapPath = (n: number): string => `/sitemap-codes-${n}.xml`;

/**
 * The absolute origin every address is written with: `PUBLIC_BASE_URL` when set (behind a
 * proxy the request's own host is often internal), else the request's origin.
 */
export const publicBase =
  (configured: string | undefined) =>
  (c: Context): string =>
    configured ?? new URL(c.req.url).origin;

const XML = 'application/xml';

/** `/sitemap.xml` (an index), its parts, and `/robots.txt` naming it. */
export function registerSitemapRoutes(
  app: Hono,
  deps: Pick<AppDeps, 'store' | 'catalog' | 'families'>,
  configuredBase: string | undefined,
): void {
  const baseOf = publicBase(configuredBase);
  // The parts change only with the content: built once per content version.
  let memo: { version: string; parts: SitemapParts } | undefined;
  const parts = async (): Promise<SitemapParts> => {
    const version = String(await deps.store.contentVersion());
    if (memo?.version !== version) memo = { version, parts: await sitemapParts(deps) };
    return memo.parts;
  };

  app.get('/robots.txt', (c) =>
    c.text(`User-agent: *\nAllow: /\nDisallow: /api/\n\nSitemap: ${baseOf(c)}${SITEMAP_PATH}\n`),
  );

  app.get(SITEMAP_PATH, async (c) => {
    const { codeParts, articlesLastmod } = await parts();
    const index = [
      { path: ARTICLES_SITEMAP_PATH, ...(articlesLastmod ? { lastmod: articlesLastmod } : {}) },
      ...codeParts.map((_, i) => ({ path: codesSitemapPath(i + 1) })),
    ];
    return c.body(sitemapIndexXml(baseOf(c), index), 200, { 'content-type': XML });
  });

  app.get(ARTICLES_SITEMAP_PATH, async (c) =>
    c.body(urlsetXml(baseOf(c), (await parts()).articles), 200, { 'content-type': XML }),
  );

  app.get('/:part{sitemap-codes-[0-9]+\\.xml}', async (c) => {
    const n = Number(/[0-9]+/.exec(c.req.param('part'))?.[0]);
    const part = (await parts()).codeParts[n - 1];
    if (!part) throw new DomainError('not_found', `There is no sitemap part ${n}.`);
    return c.body(urlsetXml(baseOf(c), part), 200, { 'content-type': XML });
  });
}
