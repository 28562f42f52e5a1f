import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  hasChromium,
  seriousAxeViolations,
  startBrowserBench,
  type BrowserBench,
} from './real-browser.js';
import { ARTICLE_SECTION_HEADINGS } from '../src/test-support/article-headings.js';
import { composeForTest } from '../src/test-support/compose-for-test.js';
import { getArticleForReading } from '../src/app/get-article.js';
import { isCommandAction } from '../src/core/articles/schema.js';

/** The pages in a real browser: Debian's chromium driven by playwright-core. */
let bench: BrowserBench;
beforeAll(async () => {
  if (hasChromium) bench = await startBrowserBench('browser');
});
afterAll(async () => {
  await bench?.close();
});

describe.skipIf(!hasChromium)('the article in a real browser', () => {
  it('opens from /codes/80244001 and shows every section heading', async () => {
    const page = await bench.open();
    await page.goto(`${bench.origin}/codes/80244001`);
    expect(new URL(page.url()).pathname).toBe('/windows-update/0x80244001');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(
      '0x80244001',
    );
    for (const name of ARTICLE_SECTION_HEADINGS) {
      expect(await page.getByRole('heading', { name, exact: true }).count()).toBe(1);
    }
  });

  it('copies a command with its copy button', async () => {
    const page = await bench.open();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: bench.origin,
    });
    await page.goto(`${bench.origin}/windows-update/0x80244001`);
    const button = page.locator('button.copy').first();
    await expect(button.isVisible()).resolves.toBe(true);
    const command = await page.locator('figure.command code').first().textContent();
    await button.click();
    await page.waitForFunction(
      () => document.querySelector('button.copy')?.textContent === 'Copied',
    );
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(command);
  });

  it('reads at 360 px wide without sideways scrolling of the page', async () => {
    const page = await bench.open({ width: 360 });
    await page.goto(`${bench.origin}/windows-update/0x80244001`);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
  });

  it('works with JavaScript off: commands are there, copy buttons stay hidden', async () => {
    const page = await bench.open({ javaScriptEnabled: false });
    await page.goto(`${bench.origin}/windows-update/0x80244001`);
    expect(await page.locator('figure.command code').count()).toBeGreaterThan(5);
    expect(await page.locator('button.copy').first().isVisible()).toBe(false);
    await page.getByRole('searchbox').fill('-2145107967');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL('**/windows-update/0x80244001');
  });

  it('requests an article from a code page with JavaScript off, and shows the thanks', async () => {
    const page = await bench.open({ javaScriptEnabled: false });
    await page.goto(`${bench.origin}/codes/87`);
    expect(new URL(page.url()).pathname).toBe('/codes/0x80070057');
    await page.getByRole('button', { name: 'Request an article' }).click();
    await page.waitForURL('**/codes/0x80070057?requested=yes');
    expect(await page.getByRole('status').textContent()).toContain('your request is counted');
    expect(await page.locator('form .meta').textContent()).toBe('(1 request so far)');
  });
});

describe.skipIf(!hasChromium)('the code page in a real browser', () => {
  it('folds the decode by default and opens it on a click, still without sideways scroll at 360 px', async () => {
    const page = await bench.open({ width: 360, height: 800 });
    await page.goto(`${bench.origin}/codes/0x800F0821`);
    const details = page.locator('details.decode-details');
    expect(await details.evaluate((e) => (e as HTMLDetailsElement).open)).toBe(false);
    expect(await page.locator('aside.decode').isVisible()).toBe(false);
    await details.locator('summary').click();
    expect(await page.locator('aside.decode').isVisible()).toBe(true);
    const scroll = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
    }));
    expect(scroll.scrollWidth).toBeLessThanOrEqual(scroll.innerWidth);
  });

  it('puts the plain meaning and what generally helps within the first phone screen', async () => {
    const page = await bench.open({ width: 360, height: 800 });
    await page.goto(`${bench.origin}/codes/0x80070057`);
    const top = (selector: string): Promise<number> =>
      page
        .locator(selector)
        .first()
        .evaluate((e) => e.getBoundingClientRect().top + window.scrollY);
    expect(await top('p.plain-meaning')).toBeLessThan(800);
    expect(await top('#helps')).toBeLessThan(800);
  });

  it('has no serious axe violation with the decode opened, in light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await bench.open({ bypassCSP: true, colorScheme, width: 360 });
      await page.goto(`${bench.origin}/codes/0x800F0821`);
      await page.locator('details.decode-details summary').click();
      expect(await seriousAxeViolations(page)).toEqual([]);
    }
  });
});

/** Every kind of page, with the path that shows it. */
const EVERY_KIND_OF_PAGE = [
  ['home', '/'],
  ['article', '/windows-update/0x80244001'],
  ['code page', '/codes/0x80070057'],
  ['code page from a typed number', '/codes/0x80070005?typed=5'],
  ['readings page', '/codes/259'],
  ['family list', '/families'],
  ['family page', '/families/wu-pt'],
  ['procedure list', '/procedures'],
  ['procedure page', '/procedures/reset-windows-update-components'],
  ['search results', '/search?q=proxy'],
  ['troubleshooter start', '/windows-update/0x80244001/troubleshoot'],
  ['log analysis', '/logs'],
  ['diagnostic report', '/diagnose'],
  ['error page', '/codes/80244O01'],
  ['404 page', '/no/such/page'],
] as const;

/**
 * Opens a page with our CSP on and collects every violation, both as the browser reports it
 * to the page (`securitypolicyviolation`) and as it prints it in the console.
 */
async function cspViolations(path: string, act?: (page: Page) => Promise<void>): Promise<string[]> {
  const page = await bench.open();
  const found: string[] = [];
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) found.push(`console: ${message.text()}`);
  });
  await page.exposeFunction('reportCspViolation', (text: string) => found.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { reportCspViolation: (text: string) => void })
        .reportCspViolation;
      report(`${event.violatedDirective}: ${event.blockedURI || 'inline'}`);
    });
  });
  const response = await page.goto(`${bench.origin}${path}`, { waitUntil: 'load' });
  expect(response?.headers()['content-security-policy']).toContain("default-src 'self'");
  await act?.(page);
  // Violations are reported asynchronously; give them a moment to arrive.
  await page.waitForTimeout(300);
  return found;
}

describe.skipIf(!hasChromium)('every kind of page under the Content-Security-Policy', () => {
  it.each(EVERY_KIND_OF_PAGE)('the %s (%s) loads with no CSP violation', async (_kind, path) => {
    expect(await cspViolations(path)).toEqual([]);
  });

  it('still shows and runs its own script and stylesheet under the policy', async () => {
    const page = await bench.open();
    await page.goto(`${bench.origin}/windows-update/0x80244001`);
    // The copy script un-hides the buttons; the stylesheet hides the skip link off-screen.
    await expect(page.locator('button.copy').first().isVisible()).resolves.toBe(true);
    const left = await page
      .locator('a.skip')
      .first()
      .evaluate((element) => getComputedStyle(element).left);
    expect(left).toBe('-999px');
  });

  it('would catch a violation: an inline script added to a page is reported', async () => {
    const found = await cspViolations('/', async (page) => {
      await page.evaluate(() => {
        const script = document.createElement('script');
        script.textContent = 'document.title = "inline ran"';
        document.body.append(script);
      });
      expect(await page.title()).not.toBe('inline ran');
    });
    expect(found.some((text) => text.startsWith('script-src'))).toBe(true);
  });
});

/** Every command of the shipped article, procedures resolved, as the data has it. */
async function articleCommands(product: string, code: string): Promise<string[]> {
  const composed = await composeForTest();
  try {
    const view = await getArticleForReading(composed.deps, product, code);
    return view.fixes.flatMap((fix) => fix.actions.filter(isCommandAction).map((a) => a.command));
  } finally {
    await composed.close();
  }
}

describe.skipIf(!hasChromium)('pages on paper, on a phone and on a wide screen', () => {
  it('prints the article with every command in full and no copy button', async () => {
    const commands = await articleCommands('windows-update', '0x80244001');
    expect(commands.length).toBeGreaterThan(5);
    const page = await bench.open({ width: 800 });
    await page.emulateMedia({ media: 'print' });
    await page.goto(`${bench.origin}/windows-update/0x80244001`);
    const blocks = await page.locator('figure.command pre').evaluateAll((elements) =>
      elements.map((e) => ({
        text: e.textContent ?? '',
        visible: e.getClientRects().length > 0,
        cut: e.scrollWidth > e.clientWidth,
      })),
    );
    // A run of commands is one block, one command a line.
    const shown = blocks.filter((b) => b.visible).flatMap((b) => b.text.split('\n'));
    for (const command of commands) expect(shown).toContain(command);
    expect(blocks.filter((b) => b.cut)).toEqual([]);
    expect(
      await page
        .locator('button.copy')
        .evaluateAll((b) => b.filter((e) => e.getClientRects().length > 0).length),
    ).toBe(0);
  });

  for (const width of [360, 1280]) {
    it.each(EVERY_KIND_OF_PAGE)(
      `the %s (%s) has no sideways scroll at ${width} px`,
      async (_kind, path) => {
        const page = await bench.open({ width });
        await page.goto(`${bench.origin}${path}`);
        const scroll = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          innerWidth: window.innerWidth,
        }));
        expect(scroll.scrollWidth).toBeLessThanOrEqual(scroll.innerWidth);
      },
    );
  }

  for (const width of [360, 1280]) {
    it(`shows every look-up box's placeholder whole at ${width} px`, async () => {
      const page = await bench.open({ width });
      await page.goto(`${bench.origin}/`);
      // The placeholder's width in the box's own font, against the room inside the box.
      const boxes = await page.locator('input[placeholder]').evaluateAll((inputs) =>
        inputs.map((input) => {
          const box = input as HTMLInputElement;
          const style = getComputedStyle(box);
          const context = document.createElement('canvas').getContext('2d')!;
          context.font = style.font;
          const room =
            box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
          return {
            text: box.placeholder,
            fits: context.measureText(box.placeholder).width <= room,
          };
        }),
      );
      expect(boxes.length).toBeGreaterThanOrEqual(3);
      expect(boxes.filter((b) => !b.fits).map((b) => b.text)).toEqual([]);
    });
  }

  // 360 × 800 is the CSS viewport of today's common Android phones (e.g. the Galaxy S line).
  it('shows the article’s first fix within 1.5 screen heights of a 360 × 800 phone', async () => {
    const page = await bench.open({ width: 360, height: 800 });
    await page.goto(`${bench.origin}/windows-update/0x80244001`);
    const top = await page
      .locator('section.fix')
      .first()
      .evaluate((e) => e.getBoundingClientRect().top + window.scrollY);
    expect(top).toBeLessThanOrEqual(1.5 * 800);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it.each(EVERY_KIND_OF_PAGE)(
      `the %s (%s) has no serious axe violation in ${colorScheme}`,
      async (_kind, path) => {
        const page = await bench.open({ bypassCSP: true, colorScheme });
        await page.goto(`${bench.origin}${path}`);
        expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(
          colorScheme === 'dark',
        );
        expect(await seriousAxeViolations(page)).toEqual([]);
      },
    );
  }
});
