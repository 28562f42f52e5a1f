import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Composed } from '../../compose.js';
import { composeForTest } from '../../test-support/compose-for-test.js';
import { createHttpApp } from '../create-http-app.js';

let composed: Composed;
let app: Hono;
beforeAll(async () => {
  composed = await composeForTest();
  app = createHttpApp(composed.deps);
});
afterAll(() => composed.close());

const page = async (path: string) => {
  const response = await app.request(path);
  return {
    status: response.status,
    location: response.headers.get('location'),
    html: await response.text(),
  };
};

describe('GET /search', () => {
  it('shows the form on an empty query', async () => {
    const { status, html } = await page('/search');
    expect(status).toBe(200);
    expect(html).toContain('<form action="/search" method="get" role="search"');
  });

  it.each([
    ['0x80244001', '/codes/0x80244001'],
    ['-2145107967', '/codes/-2145107967'],
    ['WU_E_PT_SOAPCLIENT_INITIALIZE', '/codes/WU_E_PT_SOAPCLIENT_INITIALIZE'],
  ])('sends a pure code (%s) to its code page', async (q, location) => {
    const { status, location: to } = await page(`/search?q=${encodeURIComponent(q)}`);
    expect(status).toBe(302);
    expect(to).toBe(location);
  });

  it('groups the results: the code read, then articles, then codes by meaning', async () => {
    const { status, html } = await page('/search?q=0x80070005+when+installing');
    expect(status).toBe(200);
    const codes = html.indexOf('id="codes-heading"');
    const articles = html.indexOf('id="articles-heading"');
    const meaning = html.indexOf('id="meaning-heading"');
    expect(codes).toBeGreaterThan(0);
    expect(articles).toBeGreaterThan(codes);
    expect(meaning).toBeGreaterThan(articles);
    expect(html).toContain('href="/windows-update/0x80070005"');
  });

  it('offers did-you-mean for a near code, and marks matched words', async () => {
    const { html } = await page(
      '/search?q=' + encodeURIComponent('WinHttpReceiveResponse failed: 12002'),
    );
    expect(html).toContain('id="dym-heading"');
    expect(html).toContain('href="/codes/0x80072EE2"');
    const words = await page('/search?q=soap+client');
    expect(words.html).toMatch(/<mark>[^<]*(?:SOAPCLIENT|soap|client)[^<]*<\/mark>/i);
  });

  it('escapes the query and the snippets', async () => {
    const { status, html } = await page(
      '/search?q=' + encodeURIComponent('<script>alert(1)</script> proxy'),
    );
    expect(status).toBe(200);
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script>alert(1)&lt;/script>');
  });

  it('links facets that keep the query, and answers a bad filter with a 400 naming it', async () => {
    const { html } = await page('/search?q=update');
    expect(html).toMatch(/href="\/search\?q=update&amp;severity=[a-z]+"/);
    const bad = await page('/search?q=update&severity=urgent');
    expect(bad.status).toBe(400);
    expect(bad.html).toContain('severity');
  });

  it('the header box on every page searches, and the home page has a large one', async () => {
    const { html } = await page('/');
    expect(html).toContain('<form class="lookup" action="/search"');
    expect(html).toContain(
      '<form action="/search" method="get" role="search" class="search-large">',
    );
  });

  it('the bad-notation page offers the search', async () => {
    const { status, html } = await page('/codes/not-a-code-at-all');
    expect(status).toBe(400);
    expect(html).toContain('href="/search?q=not-a-code-at-all"');
  });
});
