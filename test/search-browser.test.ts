import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  hasChromium,
  seriousAxeViolations,
  startBrowserBench,
  type BrowserBench,
  type BrowserOptions,
} from './real-browser.js';

/**
 * Search-as-you-type in a real browser (Debian's chromium, playwright-core), on the built
 * server: the header's box becomes an ARIA combobox, typing shows options, the arrows move
 * through them, Enter opens one.
 */
let bench: BrowserBench;
beforeAll(async () => {
  if (hasChromium) bench = await startBrowserBench('search-browser');
}, 60_000);
afterAll(async () => {
  await bench?.close();
});

async function openBrowser(
  options: BrowserOptions = {},
): Promise<{ page: Page; problems: string[] }> {
  const page = await bench.open(options);
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

const options = (page: Page, box = 'lookup-q') => page.locator(`#${box}-options [role="option"]`);

describe.skipIf(!hasChromium)('search-as-you-type in a real browser', () => {
  it('types, sees options, moves with the arrows, and Enter opens the active one', async () => {
    const { page, problems } = await openBrowser();
    await page.goto(`${bench.origin}/`);
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
    await page.goto(`${bench.origin}/`);
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
    await page.goto(`${bench.origin}/`);
    // The home page's large box is a combobox too, with its own list.
    await page.locator('#home-q').click();
    await page.keyboard.type('proxy', { delay: 30 });
    await options(page, 'home-q').first().waitFor({ state: 'visible', timeout: 15_000 });
    await page.keyboard.press('ArrowDown');
    expect(await seriousAxeViolations(page)).toEqual([]);
  }, 60_000);

  it('without JavaScript the box is a plain search box that still searches', async () => {
    const { page } = await openBrowser({ javaScriptEnabled: false });
    await page.goto(`${bench.origin}/`);
    const box = page.locator('#lookup-q');
    expect(await box.getAttribute('role')).toBeNull();
    expect(await box.getAttribute('aria-expanded')).toBeNull();
    await box.fill('wuauserv wont start');
    await Promise.all([page.waitForURL('**/search?q=*'), box.press('Enter')]);
    await expect(page.locator('main').textContent()).resolves.toContain('0x80070422');
  }, 60_000);
});
