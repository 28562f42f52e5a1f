import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { createHttpApp } from '../create-http-app.js';
import { composeForTest } from '../../test-support/compose-for-test.js';
import { decodeEntities } from '../../test-support/decode-entities.js';
import type { Composed } from '../../compose.js';
import { isCommandAction } from '../../core/articles/schema.js';
import { resolveFixes } from '../../core/articles/resolve-fixes.js';

/** The page without its line-break opportunities (`<wbr/>`), to compare text. */
const withoutBreaks = (html: string): string => html.replaceAll('<wbr/>', '');
import { ARTICLE_SECTION_HEADINGS } from '../../test-support/article-headings.js';

let composed: Composed;
let app: Hono;
beforeAll(async () => {
  composed = await composeForTest();
  app = createHttpApp(composed.deps);
});
afterAll(() => composed.close());

const ARTICLE = '/windows-update/0x80244001';

describe('the article page', () => {
  it('shows every section of the article under its own heading', async () => {
    const response = await app.request(ARTICLE);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await response.text();
    for (const heading of ARTICLE_SECTION_HEADINGS) {
      expect(html).toContain(`>${heading}</h`);
    }
  });

  it('shows every command of each fix as a line of a block with a copy button', async () => {
    const stored = await composed.deps.store.getArticle('windows-update', '0x80244001');
    const procedures = new Map(
      (await composed.deps.store.listProcedures()).map((p) => [p.procedure.id, p.procedure]),
    );
    const fixes = stored && resolveFixes(stored.article, procedures);
    if (!fixes?.ok) throw new Error('the shipped article does not resolve');
    const commands = fixes.value.flatMap((fix) =>
      fix.actions.filter(isCommandAction).map((a) => a.command),
    );
    expect(commands.length).toBeGreaterThan(5);
    const html = decodeEntities(await (await app.request(ARTICLE)).text());
    const blocks = [
      ...html.matchAll(
        /<button type="button" class="copy"[^>]*>Copy<\/button><\/figcaption><pre tabindex="0"><code>([^<]*)<\/code><\/pre>/g,
      ),
    ].map((m) => m[1] ?? '');
    const lines = blocks.flatMap((block) => block.split('\n'));
    for (const command of commands) expect(lines).toContain(command);
  });

  it('shows each fix’s attributes as words and its verify step', async () => {
    const html = await (await app.request(ARTICLE)).text();
    expect(html).toMatch(/Needs administrator rights/);
    expect(html).toMatch(/Risk: (safe|moderate|destructive)/);
    expect(html).toMatch(/Can be undone/);
    expect(html).toMatch(/For Windows 11, Windows 10/);
    expect((html.match(/Check that it worked: /g) ?? []).length).toBeGreaterThanOrEqual(4);
  });

  it('shows the decode panel: facility, names and both decimal forms', async () => {
    const html = await (await app.request(ARTICLE)).text();
    expect(html).toContain('36 (FACILITY_WINDOWSUPDATE)');
    expect(html).toContain('<code>WU_E_PT_SOAPCLIENT_INITIALIZE</code>');
    expect(html).toContain('2149859329 (unsigned), -2145107967 (signed)');
  });

  it('names the related codes', async () => {
    const html = await (await app.request(ARTICLE)).text();
    expect(html).toContain('<code>0x80244007</code></a> WU_E_PT_SOAPCLIENT_SOAPFAULT');
  });

  it('answers a repeated request with 304 when the ETag matches', async () => {
    const first = await app.request(ARTICLE);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers.get('cache-control')).toContain('max-age=');
    const second = await app.request(ARTICLE, { headers: { 'if-none-match': etag ?? '' } });
    expect(second.status).toBe(304);
    expect(await second.text()).toBe('');
  });

  it('renders again, with a new ETag, once the article gets a new revision', async () => {
    const before = await app.request(ARTICLE);
    const stored = await composed.deps.store.getArticle('windows-update', '0x80244001');
    if (!stored) throw new Error('no article');
    await composed.deps.store.saveArticle({
      article: { ...stored.article, title: 'A retitled article for the cache test' },
      contentHash: 'changed-for-test',
      baseRevision: stored.revision,
      at: '2026-11-26T00:00:00.000Z',
      author: 'test',
      reason: 'cache test',
    });
    const after = await app.request(ARTICLE);
    expect(await after.text()).toContain('A retitled article for the cache test');
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'));
    await composed.deps.store.saveArticle({
      ...stored,
      baseRevision: stored.revision + 1,
      at: stored.updatedAt,
      author: 't',
      reason: 'restore',
    });
  });

  it('redirects a non-canonical code in an article address', async () => {
    const response = await app.request('/windows-update/80244001');
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe(ARTICLE);
  });

  it('answers 404 with a page for an unknown product', async () => {
    const response = await app.request('/no-such-product/0x80244001');
    expect(response.status).toBe(404);
    expect(decodeEntities(await response.text())).toContain(
      'There is no product "no-such-product".',
    );
  });
});

describe('/families', () => {
  it('shows a family with its codes and their notes', async () => {
    const response = await app.request('/families/wu-pt');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('href="/codes/0x80244001"');
    expect(html).toContain('>What generally helps</h2>');
  });

  it('lists the families', async () => {
    const html = await (await app.request('/families')).text();
    expect(html).toContain('href="/families/win32-wrapped"');
  });

  it('answers 404 for an unknown family', async () => {
    expect((await app.request('/families/nope')).status).toBe(404);
  });
});

describe('/codes/<notation>', () => {
  it.each([
    ['80244001', '/codes/0x80244001'],
    ['0X80244001', '/codes/0x80244001'],
    ['-2145107967', '/codes/0x80244001'],
    ['2149859329', '/codes/0x80244001'],
    ['WU_E_PT_SOAPCLIENT_INITIALIZE', '/codes/0x80244001'],
  ])('301s %s to the canonical form', async (notation, location) => {
    const response = await app.request(`/codes/${notation}`);
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe(location);
  });

  it('302s the canonical form to its one article', async () => {
    const response = await app.request('/codes/0x80244001');
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(ARTICLE);
  });

  it('shows the code page for a decodable code without an article', async () => {
    const response = await app.request('/codes/0x80070057');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('ERROR_INVALID_PARAMETER');
    expect(html).toContain('7 (FACILITY_WIN32)');
    expect(html).toContain('No article yet');
    expect(html).toContain('<form method="post" action="/codes/0x80070057">');
    expect(html).toContain('A Windows (Win32) error inside an HRESULT');
    expect(html).toContain('>What generally helps</h2>');
    expect(html).toContain('>Related codes</h2>');
  });

  it('answers first: plain meaning, what helps, the request; then the family; the decode last, folded', async () => {
    const html = await (await app.request('/codes/0x80070057')).text();
    const at = (text: string): number => {
      const index = html.indexOf(text);
      expect(index, text).toBeGreaterThan(0);
      return index;
    };
    const order = [
      at('<h1>'),
      at('<p class="lead plain-meaning">Invalid argument: a program or update passed a value'),
      at('>What generally helps</h2>'),
      at('<h2 id="request-title">'),
      at('<form method="post"'),
      at('<h2 id="family-title">'),
      at('>Related codes</h2>'),
      at('<details class="decode-details"><summary>'),
      at('About the code 0x80070057</h2>'),
    ];
    expect(order).toEqual([...order].sort((a, b) => a - b));
    // Folded: no `open` on the details element.
    expect(html).not.toMatch(/<details[^>]*\bopen\b/);
  });

  it('gives the plain meaning in the meta description and the DefinedTerm', async () => {
    const html = decodeEntities(await (await app.request('/codes/0x80070070')).text());
    const meaning = 'Disk full: there is not enough free space on the drive to finish.';
    expect(html).toContain(`<meta name="description" content="${meaning}"`);
    expect(html).toContain(`"description":"${meaning}"`);
  });

  it('groups related codes by why, each with its name and a mark when it has an article', async () => {
    // CBS_E_ABORT has no article but articles name it beside codes that have one.
    const html = await (await app.request('/codes/0x800F0821')).text();
    const named = html.indexOf('>Named with it in articles</h3>');
    const family = html.indexOf('>In the same family</h3>');
    expect(named).toBeGreaterThan(0);
    expect(family).toBeGreaterThan(named);
    const namedGroup = html.slice(named, family);
    expect(namedGroup).toContain('has a step-by-step guide');
    expect(namedGroup).toMatch(/<code>0x[0-9A-F]{8}<\/code><\/a> <span class="symbol">[A-Z]/);
    // The family group is in ascending order and none of its codes here has an article.
    const familyGroup = html.slice(family, html.indexOf('</ul>', family));
    const codes = [...familyGroup.matchAll(/<code>(0x[0-9A-F]{8})<\/code>/g)].map((m) => m[1]);
    expect(codes.length).toBeGreaterThan(1);
    expect(codes).toEqual([...codes].sort());
  });

  it('lists the numeric neighbours of a code no family holds', async () => {
    const html = await (await app.request('/codes/0x887A0001')).text();
    expect(html).toContain('>Next to it in number</h3>');
    expect(html).toContain('href="/codes/0x887A0002"');
  });

  it('sends a short bare number to its code with what was typed, and the page says how it read it', async () => {
    const response = await app.request('/codes/5');
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/codes/0x80070005?typed=5');
    const page = await app.request('/codes/0x80070005?typed=5');
    // 0x80070005 has an article: with the note to show, the page stays and leads to it.
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<link rel="canonical" href="/codes/0x80070005"/>');
    expect(html).toContain(
      'You typed <code>5</code>; this page reads it as <code>0x80070005</code>.',
    );
    expect(html).toContain('read as a Win32 error code first');
    expect(html).toContain('<a href="/codes/0x00000005"><code>0x00000005</code></a>');
    expect(html).toContain('(in none of the tables)');
    expect(html).toContain('<a href="/windows-update/0x80070005">');
    expect(html).toContain('Access denied: Windows or an update could not open a file');
  });

  it('links both other readings when the digits differ as hex and as decimal', async () => {
    // 16 as Win32 is 0x80070010; its digits as hex are 0x00000016, as decimal 0x00000010.
    const response = await app.request('/codes/16');
    expect(response.headers.get('location')).toBe('/codes/0x80070010?typed=16');
    const html = await (await app.request('/codes/0x80070010?typed=16')).text();
    expect(html).toContain('You typed <code>16</code>');
    expect(html).toContain('href="/codes/0x00000016"');
    expect(html).toContain('href="/codes/0x00000010"');
  });

  it.each([
    ['a number that reads as another code', '6'],
    ['a number that reads one way only', '2147942405'],
    ['not a number', 'hello'],
  ])('ignores a typed value that does not lead here: %s', async (_what, typed) => {
    const response = await app.request(`/codes/0x80070005?typed=${typed}`);
    // Without a note to show, the code's one article is where the page sends people.
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/windows-update/0x80070005');
  });

  it('redirects a number that reads one way only to the plain code address', async () => {
    const response = await app.request('/codes/2147942405');
    expect(response.headers.get('location')).toBe('/codes/0x80070005');
  });

  // One code of each table; `family` is the family whose help the page shows (none for DXGI).
  it.each([
    ['0x80244008', 'WU_E_PT_SOAPCLIENT_PARSEFAULT', 'wu', 'wu-pt'],
    ['0x887A0001', 'DXGI_ERROR_INVALID_CALL', 'hresults', undefined],
    ['0x80070070', 'ERROR_DISK_FULL', 'win32', 'win32-wrapped'],
    ['0xC0000005', 'STATUS_ACCESS_VIOLATION', 'ntstatus', 'ntstatus'],
    ['0x80072EE4', 'WININET_E_INTERNAL_ERROR', 'winhttp', 'network-winhttp'],
    ['0x80200010', 'BG_E_NETWORK_DISCONNECTED', 'bits', 'bits'],
    ['0x80D02003', 'DO_E_JOB_NOT_FOUND', 'do', 'delivery-optimization'],
    ['0x800F0821', 'CBS_E_ABORT', 'cbs', 'cbs-servicing'],
    ['0xC1900101', 'MOSETUP_E_SETUP_PLATFORM', 'setup', 'windows-setup'],
  ])('gives %s (%s, from the %s table) its code page', async (code, name, _table, family) => {
    const response = await app.request(`/codes/${code}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    // The name may break after each `_` (and between run-together words) on a narrow screen.
    expect(withoutBreaks(html)).toContain(`<h1>${code}: ${name}</h1>`);
    expect(html).toContain(`About the code ${code}`);
    if (family)
      expect(html).toContain(`<a href="/families/${family}">Every code of this family</a>`);
    else expect(html).not.toContain('>What generally helps</h2>');
  });

  it('titles a code known only through what it carries by that', async () => {
    const html = await (await app.request('/codes/0xD0000022')).text();
    expect(withoutBreaks(html)).toContain(
      '<h1>0xD0000022: HRESULT_FROM_NT of STATUS_ACCESS_DENIED</h1>',
    );
  });

  it('counts a request from the plain form and answers 303 back to the page', async () => {
    const response = await app.request('/codes/0x80070006', { method: 'POST' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/codes/0x80070006?requested=yes');
    const page = await (await app.request('/codes/0x80070006?requested=yes')).text();
    expect(page).toContain('Thank you: your request is counted.');
    expect(page).toContain('(1 request so far)');
    const again = await app.request('/codes/0x80070006', { method: 'POST' });
    expect(again.headers.get('location')).toBe('/codes/0x80070006?requested=again');
  });

  it('shows a setup result with its extend code on one page', async () => {
    const response = await app.request(`/codes/${encodeURIComponent('0xC1900101 - 0x4000D')}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('phase 4 (SP_EXECUTION_OOBE_BOOT)');
  });

  it('lists several readings, best first, with the reason for each', async () => {
    const response = await app.request('/codes/259');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('can mean 2 codes');
    const win32 = html.indexOf('href="/codes/0x80070103"');
    const plain = html.indexOf('href="/codes/0x00000103"');
    expect(win32).toBeGreaterThan(0);
    expect(plain).toBeGreaterThan(win32);
    expect(html).toContain('read as a Win32 error code first');
  });
  it('answers rubbish with a 400 page that says what was wrong and what is accepted', async () => {
    const response = await app.request('/codes/80244O01');
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('That is not a code we can read');
    expect(html).toContain('What you can look up');
    expect(html).toContain('href="/codes/0x80244001"');
  });

  it('sends the look-up form to the code’s address', async () => {
    const response = await app.request('/codes?q=0x80244001');
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/codes/0x80244001');
  });
});
