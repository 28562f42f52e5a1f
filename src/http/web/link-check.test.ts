import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { createHttpApp } from '../create-http-app.js';
import { composeForTest } from '../../test-support/compose-for-test.js';
import type { Composed } from '../../compose.js';
import { SITE_NAV } from './layout.js';

let composed: Composed;
let app: Hono;
beforeAll(async () => {
  composed = await composeForTest();
  app = createHttpApp(composed.deps);
});
afterAll(() => composed.close());

/** One page of each kind, and the status it answers with. */
const PAGES: [kind: string, path: string, status: number][] = [
  ['home', '/', 200],
  ['article', '/windows-update/0x80244001', 200],
  ['code page', '/codes/0x80070057', 200],
  ['readings page', '/codes/259', 200],
  ['family list', '/families', 200],
  ['family page', '/families/wu-pt', 200],
  ['procedure list', '/procedures', 200],
  ['procedure page', '/procedures/reset-windows-update-components', 200],
  ['search results', '/search?q=proxy', 200],
  ['troubleshooter start', '/windows-update/0x80244001/troubleshoot', 200],
  ['log analysis', '/logs', 200],
  ['diagnostic report', '/diagnose', 200],
  ['error page', '/codes/80244O01', 400],
  ['no-article page', '/windows-update/0x80070057', 404],
  ['404 page', '/no/such/page', 404],
];

/** The documented redirects: a look-up of a code with one article, a non-canonical code. */
const REDIRECTS = new Set([301, 302]);

const decode = (href: string): string => href.replace(/&amp;/g, '&');

/** Every same-site link of the page (`<a href>`), without its fragment; in-page jumps left out. */
function linksOf(html: string): string[] {
  const hrefs = [...html.matchAll(/<a\b[^>]*\bhref="([^"]*)"/g)].map((m) => decode(m[1] ?? ''));
  return [
    ...new Set(
      hrefs
        .filter((h) => h.startsWith('/') && !h.startsWith('//'))
        .map((h) => h.split('#')[0] ?? h),
    ),
  ];
}

/** Where a link ends up: its final path after the redirects the site documents. */
async function follow(path: string): Promise<{ status: number; path: string }> {
  let at = path;
  for (let hop = 0; hop < 3; hop++) {
    const response = await app.request(at, { method: 'HEAD' });
    if (!REDIRECTS.has(response.status)) return { status: response.status, path: at };
    at = response.headers.get('location') ?? at;
  }
  return { status: 0, path: at };
}

describe('every link of every kind of page', () => {
  it.each(PAGES)(
    'the %s (%s) links only to pages that answer 200, none back to itself',
    async (_kind, path, status) => {
      const response = await app.request(path);
      expect(response.status).toBe(status);
      const links = linksOf(await response.text());
      expect(links.length).toBeGreaterThan(SITE_NAV.length - 1);
      const broken: string[] = [];
      const circular: string[] = [];
      for (const link of links) {
        const end = await follow(link);
        if (end.status !== 200) broken.push(`${link} → ${end.status}`);
        if (end.path.split('?')[0] === path) circular.push(link);
      }
      expect(broken).toEqual([]);
      // A page's own navigation entry (Home on the home page) is the only link allowed to itself.
      expect(circular.filter((l) => !SITE_NAV.some((n) => n.href === l))).toEqual([]);
    },
  );
});

describe('one navigation, a description and a canonical link on every page', () => {
  it.each(PAGES)('the %s (%s)', async (_kind, path) => {
    const html = await (await app.request(path)).text();
    const navs = [...html.matchAll(/<nav class="site-nav"[^>]*>([\s\S]*?)<\/nav>/g)];
    expect(navs).toHaveLength(1);
    const items = [...(navs[0]?.[1] ?? '').matchAll(/<a href="([^"]*)">([^<]*)<\/a>/g)].map(
      (m) => ({ href: m[1], text: m[2] }),
    );
    expect(items).toEqual(SITE_NAV.map((n) => ({ href: n.href, text: n.text })));
    expect(html).toMatch(/<meta name="description" content="[^"]{20,}"\/>/);
    expect(html).toMatch(/<link rel="canonical" href="\/[^"]*"\/>/);
  });
});
