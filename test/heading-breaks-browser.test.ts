import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, startBrowserBench, type BrowserBench } from './real-browser.js';
import { composeForTest } from '../src/test-support/compose-for-test.js';
import { articlePath, codePath, familyPath, procedurePath } from '../src/app/urls.js';
import { formatCode } from '../src/core/codes/code-value.js';

/**
 * At 360 px no heading (h1–h3) breaks a word across two lines: a line may end only at a space,
 * or after `_`, a dash or `/` (where the pages put a break opportunity, `<wbr>`, or the browser
 * may break anyway). Every article, family and procedure page is checked, since their
 * headings are content; of the ~10,500 code pages, the ones with the longest names.
 */
const PHONE = { width: 360, height: 800 };

/** Every kind of page, with the path that shows it. */
const KINDS_OF_PAGE = [
  '/',
  '/codes/0x80070057',
  '/codes/0x80070005?typed=5',
  '/codes/259',
  '/codes/80244O01',
  '/families',
  '/procedures',
  '/windows-update/0x80070057',
  '/windows-update/0x80244001/troubleshoot',
  '/logs',
  '/diagnose',
  '/search?q=access+denied',
  '/no/such/page',
];

/** The content's pages, and the code pages whose names are longest. */
async function contentPages(): Promise<string[]> {
  const composed = await composeForTest();
  try {
    const { store, families, catalog } = composed.deps;
    const articles = (await store.listArticles()).map((s) =>
      articlePath(s.article.product, s.article.code),
    );
    const procedures = (await store.listProcedures()).map((p) => procedurePath(p.procedure.id));
    const longestNames = catalog
      .values()
      .map((value) => ({
        value,
        length: Math.max(...catalog.namesOf(value).map((n) => n.name.length), 0),
      }))
      .sort((a, b) => b.length - a.length)
      .slice(0, 15)
      .map(({ value }) => codePath(formatCode(value)));
    return [
      ...articles,
      ...procedures,
      ...families.list().map((f) => familyPath(f.id)),
      ...longestNames,
    ];
  } finally {
    await composed.close();
  }
}

interface BrokenWord {
  heading: string;
  word: string;
  lines: number;
}

/**
 * Every piece of a heading's text that may not be broken (a run of characters up to a space or
 * just after `_`, `-`, `/`), with the number of lines its Range spans when more than one.
 * Folded `<details>` are opened first, so their headings are laid out and measured too.
 */
function brokenWords(page: Page): Promise<BrokenWord[]> {
  return page.evaluate(() => {
    for (const details of Array.from(document.querySelectorAll('details'))) details.open = true;
    const found: { heading: string; word: string; lines: number }[] = [];
    for (const heading of Array.from(document.querySelectorAll('h1, h2, h3'))) {
      if (heading.getClientRects().length === 0) continue;
      const walker = document.createTreeWalker(heading, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (const match of text.matchAll(/[^\s_/\-–—]+[_/\-–—]*|[_/\-–—]+/g)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const tops = new Set(
            Array.from(range.getClientRects())
              .filter((r) => r.width > 0)
              .map((r) => Math.round(r.top)),
          );
          if (tops.size > 1) {
            found.push({ heading: heading.textContent ?? '', word: match[0], lines: tops.size });
          }
        }
      }
    }
    return found;
  });
}

let bench: BrowserBench;
let page: Page;
beforeAll(async () => {
  if (!hasChromium) return;
  bench = await startBrowserBench('headings');
  page = await bench.open(PHONE);
});
afterAll(async () => {
  await bench?.close();
});

describe.skipIf(!hasChromium)('headings at 360 px', () => {
  it.each(KINDS_OF_PAGE)('no heading of %s breaks a word', async (path) => {
    await page.goto(`${bench.origin}${path}`);
    expect(await brokenWords(page)).toEqual([]);
  });

  it('no heading of any article, procedure or family page, or of the longest-named codes, breaks a word', async () => {
    const paths = await contentPages();
    expect(paths.length).toBeGreaterThan(100);
    const broken: string[] = [];
    for (const path of paths) {
      const response = await page.goto(`${bench.origin}${path}`);
      expect(response?.status(), path).toBe(200);
      broken.push(
        ...(await brokenWords(page)).map((b) => `${path}: "${b.word}" of "${b.heading}"`),
      );
    }
    expect(broken).toEqual([]);
  }, 240_000);

  it('would catch a word broken across lines, and allows a break at `_`', async () => {
    await page.goto(`${bench.origin}/`);
    await page.evaluate(() => {
      const broken = document.createElement('h2');
      broken.style.overflowWrap = 'anywhere';
      broken.textContent = 'X'.repeat(60);
      const wrapped = document.createElement('h2');
      // What BreakAtUnderscores renders: a break opportunity after each `_`.
      wrapped.innerHTML = 'WU_<wbr>E_<wbr>PT_<wbr>SOAPCLIENT_<wbr>INITIALIZE_<wbr>'.repeat(3);
      document.querySelector('main')?.append(broken, wrapped);
    });
    const found = await brokenWords(page);
    expect(found.map((b) => b.word)).toEqual(['X'.repeat(60)]);
    expect(found[0]?.lines).toBeGreaterThan(1);
  });
});
