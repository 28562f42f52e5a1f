import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { createHttpApp } from '../create-http-app.js';
import { composeForTest } from '../../test-support/compose-for-test.js';
import type { Composed } from '../../compose.js';
import { DEFAULT_SERVER_SETTINGS } from '../../config.js';
import { parseXml, type XmlElement } from '../../test-support/xml-tree.js';
import { SITEMAP_NS } from './sitemap-xml.js';

const BASE = 'https://atlas.example/kb';
let composed: Composed;
let app: Hono;
beforeAll(async () => {
  composed = await composeForTest();
  app = createHttpApp(composed.deps, {
    server: { ...DEFAULT_SERVER_SETTINGS, publicBaseUrl: BASE },
  });
});
afterAll(() => composed.close());

async function xmlAt(path: string): Promise<XmlElement> {
  const response = await app.request(path);
  expect(response.status, path).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/xml; charset=utf-8');
  return parseXml(await response.text());
}

const child = (e: XmlElement, name: string): XmlElement | undefined =>
  e.children.find((c) => c.name === name);

/** Every `<loc>` of an index or urlset, checked for the shape the protocol asks. */
function locs(root: XmlElement, entry: 'url' | 'sitemap', base = BASE): string[] {
  expect(root.attributes.xmlns).toBe(SITEMAP_NS);
  return root.children.map((e) => {
    expect(e.name).toBe(entry);
    const loc = child(e, 'loc')?.text ?? '';
    expect(new URL(loc).href.startsWith(`${base}/`), loc).toBe(true);
    const lastmod = child(e, 'lastmod')?.text;
    if (lastmod !== undefined) expect(lastmod).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    return loc;
  });
}

describe('/sitemap.xml', () => {
  it('is an index of parts, each well-formed, absolute and within 50,000 URLs', async () => {
    const index = await xmlAt('/sitemap.xml');
    expect(index.name).toBe('sitemapindex');
    const parts = locs(index, 'sitemap');
    expect(parts[0]).toBe(`${BASE}/sitemap-articles.xml`);
    expect(parts.length).toBeGreaterThanOrEqual(3);
    const all: string[] = [];
    for (const part of parts) {
      const urlset = await xmlAt(new URL(part).pathname.replace(/^\/kb/, ''));
      expect(urlset.name).toBe('urlset');
      const urls = locs(urlset, 'url');
      expect(urls.length).toBeGreaterThan(0);
      expect(urls.length).toBeLessThanOrEqual(50_000);
      all.push(...urls);
    }
    expect(new Set(all).size).toBe(all.length);
    // Every catalogued code is listed once: by its article when it has one, else its code page.
    const articles = await composed.deps.store.listArticles();
    const procedures = await composed.deps.store.listProcedures();
    expect(procedures.length).toBeGreaterThan(0);
    expect(all.length).toBe(
      composed.deps.catalog.values().length +
        2 +
        composed.deps.families.list().length +
        1 +
        procedures.length,
    );
    for (const s of articles) {
      expect(all).toContain(`${BASE}/${s.article.product}/${s.article.code}`);
      expect(all).not.toContain(`${BASE}/codes/${s.article.code}`);
    }
    expect(all).toContain(`${BASE}/codes/0x80070057`);
  });

  it('lists the shared procedures with the articles: the list and each procedure page', async () => {
    const urls = locs(await xmlAt('/sitemap-articles.xml'), 'url');
    expect(urls).toContain(`${BASE}/procedures`);
    for (const { procedure } of await composed.deps.store.listProcedures()) {
      const url = `${BASE}/procedures/${procedure.id}`;
      expect(urls).toContain(url);
      // Each answers 200 at the address listed (not a redirect).
      expect((await app.request(`/procedures/${procedure.id}`)).status, url).toBe(200);
    }
    expect((await app.request('/procedures')).status).toBe(200);
  });

  it('dates a procedure page by the newer of its own change and the articles that use it', async () => {
    const articles = await composed.deps.store.listArticles();
    const procedures = await composed.deps.store.listProcedures();
    const urlset = await xmlAt('/sitemap-articles.xml');
    const lastmodOf = (path: string): string | undefined => {
      const entry = urlset.children.find((e) => child(e, 'loc')?.text === `${BASE}${path}`);
      return entry && child(entry, 'lastmod')?.text;
    };
    const day = (iso: string | undefined): string => iso?.slice(0, 10) ?? '';
    const all: string[] = [];
    for (const { procedure, updatedAt } of procedures) {
      // The bundled content was imported just now, so every procedure has its date.
      expect(updatedAt, procedure.id).toBeDefined();
      const users = articles.filter(({ article }) =>
        article.fixes.some((fix) => 'use' in fix && fix.use === procedure.id),
      );
      const expected = [day(updatedAt), ...users.map((s) => day(s.updatedAt))].sort().at(-1);
      expect(lastmodOf(`/procedures/${procedure.id}`), procedure.id).toBe(expected);
      all.push(expected ?? '');
    }
    expect(lastmodOf('/procedures')).toBe(all.sort().at(-1));
  });

  it('dates each article by its revision, and the articles part by the newest', async () => {
    const articles = await composed.deps.store.listArticles();
    const urlset = await xmlAt('/sitemap-articles.xml');
    for (const s of articles) {
      const entry = urlset.children.find(
        (e) => child(e, 'loc')?.text === `${BASE}/${s.article.product}/${s.article.code}`,
      );
      expect(entry && child(entry, 'lastmod')?.text).toBe(s.updatedAt.slice(0, 10));
    }
    const newest = urlset.children
      .map((e) => child(e, 'lastmod')?.text ?? '')
      .sort()
      .at(-1);
    expect(newest).toBe(
      articles
        .map((s) => s.updatedAt.slice(0, 10))
        .sort()
        .at(-1),
    );
    const index = await xmlAt('/sitemap.xml');
    expect(child(index.children[0]!, 'lastmod')?.text).toBe(newest);
  });

  it('answers a part that does not exist with the 404 page', async () => {
    expect((await app.request('/sitemap-codes-99.xml')).status).toBe(404);
    expect((await app.request('/sitemap-codes-0.xml')).status).toBe(404);
  });

  it('uses the request’s own origin when PUBLIC_BASE_URL is not set', async () => {
    const plain = createHttpApp(composed.deps);
    const text = await (await plain.request('http://localhost:8123/sitemap.xml')).text();
    expect(locs(parseXml(text), 'sitemap', 'http://localhost:8123').length).toBeGreaterThan(0);
    expect(text).toContain('<loc>http://localhost:8123/sitemap-articles.xml</loc>');
  });
});

describe('/robots.txt', () => {
  it('allows the pages, keeps crawlers off the API and names the sitemap index', async () => {
    const response = await app.request('/robots.txt');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    const lines = (await response.text()).split('\n');
    expect(lines).toContain('User-agent: *');
    expect(lines).toContain('Disallow: /api/');
    expect(lines).toContain(`Sitemap: ${BASE}/sitemap.xml`);
  });
});
