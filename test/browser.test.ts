import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type StartedServer } from './start-server.js';
import { ARTICLE_SECTION_HEADINGS } from '../src/test-support/article-headings.js';

/**
 * The article in a real browser: Debian's chromium driven by playwright-core. Without the
 * browser these tests are reported as not run, with the reason, except under CI, where a
 * missing browser is a failure (`.ci/run` installs it).
 */
const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium && process.env.CI) {
  throw new Error(`${CHROMIUM} is missing: CI must install Debian's chromium before the tests`);
}
if (!hasChromium) {
  console.warn(`browser tests not run: ${CHROMIUM} is not installed (apt-get install chromium)`);
}

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];
const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

const folder = mkdtempSync(join(tmpdir(), 'atlas-browser-'));
let server: StartedServer;
const contexts: BrowserContext[] = [];

async function openBrowser(
  options: { javaScriptEnabled?: boolean; width?: number; bypassCSP?: boolean } = {},
): Promise<Page> {
  const context = await chromium.launchPersistentContext(mkdtempSync(join(folder, 'profile-')), {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    viewport: { width: options.width ?? 1024, height: 800 },
    // axe-core is injected as an inline script, which our CSP rightly refuses.
    bypassCSP: options.bypassCSP ?? false,
  });
  contexts.push(context);
  return context.pages()[0] ?? (await context.newPage());
}

beforeAll(async () => {
  if (!hasChromium) return;
  server = await startServer({ DATABASE_URL: `sqlite:${join(folder, 'atlas.db')}` });
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  if (server) await server.stop();
  rmSync(folder, { recursive: true, force: true });
});

describe.skipIf(!hasChromium)('the article in a real browser', () => {
  it('opens from /codes/80244001 and shows every section heading', async () => {
    const page = await openBrowser();
    await page.goto(`${server.origin}/codes/80244001`);
    expect(new URL(page.url()).pathname).toBe('/windows-update/0x80244001');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(
      '0x80244001',
    );
    for (const name of ARTICLE_SECTION_HEADINGS) {
      expect(await page.getByRole('heading', { name, exact: true }).count()).toBe(1);
    }
  });

  it('copies a command with its copy button', async () => {
    const page = await openBrowser();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: server.origin,
    });
    await page.goto(`${server.origin}/windows-update/0x80244001`);
    const button = page.locator('button.copy').first();
    await expect(button.isVisible()).resolves.toBe(true);
    const command = await page.locator('figure.command code').first().textContent();
    await button.click();
    await page.waitForFunction(
      () => document.querySelector('button.copy')?.textContent === 'Copied',
    );
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(command);
  });

  it('has no serious or critical accessibility violation (axe-core)', async () => {
    const page = await openBrowser({ bypassCSP: true });
    await page.goto(`${server.origin}/windows-update/0x80244001`);
    await page.addScriptTag({ content: AXE_SOURCE });
    const violations = await page.evaluate(async () => {
      // axe is the global the injected script defines.
      const axe = (
        window as unknown as {
          axe: {
            run: () => Promise<{
              violations: { id: string; impact: string | null; help: string }[];
            }>;
          };
        }
      ).axe;
      const result = await axe.run();
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help }));
    });
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  });

  it('reads at 360 px wide without sideways scrolling of the page', async () => {
    const page = await openBrowser({ width: 360 });
    await page.goto(`${server.origin}/windows-update/0x80244001`);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
  });

  it('works with JavaScript off: commands are there, copy buttons stay hidden', async () => {
    const page = await openBrowser({ javaScriptEnabled: false });
    await page.goto(`${server.origin}/windows-update/0x80244001`);
    expect(await page.locator('figure.command code').count()).toBeGreaterThan(5);
    expect(await page.locator('button.copy').first().isVisible()).toBe(false);
    await page.getByRole('searchbox').fill('-2145107967');
    await page.getByRole('button', { name: 'Look up' }).click();
    await page.waitForURL('**/windows-update/0x80244001');
  });

  it('requests an article from a code page with JavaScript off, and shows the thanks', async () => {
    const page = await openBrowser({ javaScriptEnabled: false });
    await page.goto(`${server.origin}/codes/87`);
    expect(new URL(page.url()).pathname).toBe('/codes/0x80070057');
    await page.getByRole('button', { name: 'Request an article' }).click();
    await page.waitForURL('**/codes/0x80070057?requested=yes');
    expect(await page.getByRole('status').textContent()).toContain('your request is counted');
    expect(await page.locator('form .meta').textContent()).toBe('(1 request so far)');
  });

  it('has no serious or critical accessibility violation on a code page (axe-core)', async () => {
    const page = await openBrowser({ bypassCSP: true });
    await page.goto(`${server.origin}/codes/0x80070057`);
    await page.addScriptTag({ content: AXE_SOURCE });
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: { run: () => Promise<{ violations: { id: string; impact: string | null }[] }> };
        }
      ).axe;
      return (await axe.run()).violations.map((v) => ({ id: v.id, impact: v.impact }));
    });
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  });
});

/** Every kind of page, with the path that shows it. */
const EVERY_KIND_OF_PAGE = [
  ['home', '/'],
  ['article', '/windows-update/0x80244001'],
  ['code page', '/codes/0x80070057'],
  ['readings page', '/codes/259'],
  ['family list', '/families'],
  ['family page', '/families/wu-pt'],
  ['error page', '/codes/80244O01'],
  ['404 page', '/no/such/page'],
] as const;

/**
 * Opens a page with our CSP on and collects every violation, both as the browser reports it
 * to the page (`securitypolicyviolation`) and as it prints it in the console.
 */
async function cspViolations(path: string, act?: (page: Page) => Promise<void>): Promise<string[]> {
  const page = await openBrowser();
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
  const response = await page.goto(`${server.origin}${path}`, { waitUntil: 'load' });
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
    const page = await openBrowser();
    await page.goto(`${server.origin}/windows-update/0x80244001`);
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
