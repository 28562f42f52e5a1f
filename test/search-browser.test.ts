import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type StartedServer } from './start-server.js';

/**
 * Search-as-you-type in a real browser (Debian's chromium, playwright-core), on the built
 * server: the header's box becomes an ARIA combobox, typing shows options, the arrows move
 * through them, Enter opens one. Without the browser these tests are reported as not run,
 * except under CI, where a missing browser is a failure.
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

const folder = mkdtempSync(join(tmpdir(), 'atlas-search-browser-'));
let server: StartedServer;
const contexts: BrowserContext[] = [];

async function openBrowser(
  options: { javaScriptEnabled?: boolean; bypassCSP?: boolean } = {},
): Promise<{ page: Page; problems: string[] }> {
  const context = await chromium.launchPersistentContext(mkdtempSync(join(folder, 'profile-')), {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    viewport: { width: 1024, height: 800 },
    bypassCSP: options.bypassCSP ?? false,
  });
  contexts.push(context);
  const page = context.pages()[0] ?? (await context.newPage());
  // A CSP refusal or a script error shows on the console, a failed request as its response:
  // any is a failure of the page (the browser's own favicon.ico request aside).
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
      problems.push(message.text());
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && !response.url().endsWith('/favicon.ico'))
      problems.push(`${response.status()} ${response.url()}`);
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return { page, problems };
}

beforeAll(async () => {
  if (!hasChromium) return;
  server = await startServer({ DATABASE_URL: `sqlite:${join(folder, 'atlas.db')}` });
}, 60_000);

afterAll(async () => {
  for (const context of contexts) await context.close();
  if (server) await server.stop();
  rmSync(folder, { recursive: true, force: true });
});

const options = (page: Page, box = 'lookup-q') => page.locator(`#${box}-options [role="option"]`);

describe.skipIf(!hasChromium)('search-as-you-type in a real browser', () => {
  it('types, sees options, moves with the arrows, and Enter opens the active one', async () => {
    const { page, problems } = await openBrowser();
    await page.goto(`${server.origin}/`);
    const box = page.getByRole('combobox', { name: 'Search error codes and articles' });
    await expect(box.getAttribute('aria-expanded')).resolves.toBe('false');
    await box.click();
    await page.keyboard.type('soapcli', { delay: 40 });
    await options(page).first().waitFor({ state: 'visible', timeout: 15_000 });
    await expect(box.getAttribute('aria-expanded')).resolves.toBe('true');
    await expect(box.getAttribute('aria-controls')).resolves.toBe('lookup-q-options');
    expect(await options(page).count()).toBeGreaterThan(1);
    await expect(
      page.locator('#lookup-q-options + [role="status"]').textContent(),
    ).resolves.toMatch(/\d+ suggestions?/);
    // Nothing is active until an arrow is pressed; focus stays in the box throughout.
    expect(await box.getAttribute('aria-activedescendant')).toBeNull();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const second = options(page).nth(1);
    await expect(box.getAttribute('aria-activedescendant')).resolves.toBe(
      await second.getAttribute('id'),
    );
    await expect(second.getAttribute('aria-selected')).resolves.toBe('true');
    await page.keyboard.press('ArrowUp');
    const first = options(page).first();
    await expect(first.getAttribute('aria-selected')).resolves.toBe('true');
    await expect(second.getAttribute('aria-selected')).resolves.toBe('false');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('lookup-q');
    await expect(first.textContent()).resolves.toContain('0x80244001');
    await Promise.all([
      page.waitForURL('**/windows-update/0x80244001'),
      page.keyboard.press('Enter'),
    ]);
    expect(new URL(page.url()).pathname).toBe('/windows-update/0x80244001');
    expect(problems).toEqual([]);
  }, 60_000);

  it('Escape closes the list; Enter without an active option sends the form to /search', async () => {
    const { page, problems } = await openBrowser();
    await page.goto(`${server.origin}/`);
    const box = page.getByRole('combobox', { name: 'Search error codes and articles' });
    await box.click();
    await page.keyboard.type('servicing stack', { delay: 30 });
    await options(page).first().waitFor({ state: 'visible', timeout: 15_000 });
    await page.keyboard.press('Escape');
    await expect(page.locator('#lookup-q-options').isHidden()).resolves.toBe(true);
    await expect(box.getAttribute('aria-expanded')).resolves.toBe('false');
    await Promise.all([page.waitForURL('**/search?q=*'), page.keyboard.press('Enter')]);
    expect(new URL(page.url()).searchParams.get('q')).toBe('servicing stack');
    expect(problems).toEqual([]);
  }, 60_000);

  it('has no serious or critical accessibility violation with a list open (axe-core)', async () => {
    const { page } = await openBrowser({ bypassCSP: true });
    await page.goto(`${server.origin}/`);
    // The home page's large box is a combobox too, with its own list.
    await page.locator('#home-q').click();
    await page.keyboard.type('proxy', { delay: 30 });
    await options(page, 'home-q').first().waitFor({ state: 'visible', timeout: 15_000 });
    await page.keyboard.press('ArrowDown');
    await page.addScriptTag({ content: AXE_SOURCE });
    const violations = await page.evaluate(async () => {
      // axe is the global the injected script defines.
      const axe = (
        window as unknown as {
          axe: {
            run: () => Promise<{ violations: { id: string; impact: string | null }[] }>;
          };
        }
      ).axe;
      return (await axe.run()).violations.map((v) => ({ id: v.id, impact: v.impact }));
    });
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  }, 60_000);

  it('without JavaScript the box is a plain search box that still searches', async () => {
    const { page } = await openBrowser({ javaScriptEnabled: false });
    await page.goto(`${server.origin}/`);
    const box = page.locator('#lookup-q');
    expect(await box.getAttribute('role')).toBeNull();
    expect(await box.getAttribute('aria-expanded')).toBeNull();
    await box.fill('wuauserv wont start');
    await Promise.all([page.waitForURL('**/search?q=*'), box.press('Enter')]);
    await expect(page.locator('main').textContent()).resolves.toContain('0x80070422');
  }, 60_000);
});
