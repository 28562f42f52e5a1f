import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type StartedServer } from './start-server.js';

/** /logs in a real browser (Debian's chromium): with and without JavaScript, and axe-core. */
const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium && process.env.CI) throw new Error(`${CHROMIUM} is missing`);

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);
const folder = mkdtempSync(join(tmpdir(), 'atlas-logs-browser-'));
let server: StartedServer;
const contexts: BrowserContext[] = [];

async function openBrowser(
  options: { javaScriptEnabled?: boolean; bypassCSP?: boolean } = {},
): Promise<Page> {
  const context = await chromium.launchPersistentContext(mkdtempSync(join(folder, 'profile-')), {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
    javaScriptEnabled: options.javaScriptEnabled ?? true,
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

const files = [
  { name: 'dism.log', mimeType: 'text/plain', buffer: readFileSync('test/logs/dism.log') },
  { name: 'CBS.log', mimeType: 'text/plain', buffer: readFileSync('test/logs/CBS.log') },
];

async function violations(page: Page) {
  await page.addScriptTag({ content: AXE_SOURCE });
  const found = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: () => Promise<{ violations: { id: string; impact: string | null }[] }> };
      }
    ).axe;
    return (await axe.run()).violations.map((v) => ({ id: v.id, impact: v.impact }));
  });
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

describe.skipIf(!hasChromium)('/logs in a real browser', () => {
  it('without JavaScript: choose two files, submit, read the diagnosis', async () => {
    const page = await openBrowser({ javaScriptEnabled: false });
    await page.goto(`${server.origin}/`);
    await page.click('nav.site-nav a[href="/logs"]');
    expect(new URL(page.url()).pathname).toBe('/logs');
    await page.setInputFiles('#log-files', files);
    await Promise.all([
      page.waitForURL(`${server.origin}/logs`),
      page.click('form.log-upload button[type=submit]'),
    ]);
    await page.waitForSelector('h1');
    expect(await page.textContent('h1')).toBe('Log diagnosis');
    expect(await page.textContent('p.verdict')).toContain('The repair source is missing');
    expect(await page.locator('svg.log-timeline').count()).toBe(1);
  });

  it('with JavaScript: the progress bar shows while the upload is read, then the results replace the page', async () => {
    const page = await openBrowser();
    await page.goto(`${server.origin}/logs`);
    expect(await page.isHidden('.upload-progress')).toBe(true);
    // Big enough to take a few progress events; watched from before the submit.
    const big = Buffer.concat(Array.from({ length: 4000 }, () => files[1]!.buffer));
    await page.setInputFiles('#log-files', [files[0]!, { ...files[1]!, buffer: big }]);
    await page.evaluate(() => {
      const status = document.querySelector<HTMLElement>('.upload-progress')!;
      new MutationObserver(() => {
        if (!status.hidden) sessionStorage.setItem('progress-shown', status.textContent ?? '');
      }).observe(status, { attributes: true, subtree: true, childList: true, characterData: true });
    });
    await page.click('form.log-upload button[type=submit]');
    await page.waitForSelector('p.verdict', { timeout: 60_000 });
    expect(await page.textContent('p.verdict')).toContain('The repair source is missing');
    expect(await page.evaluate(() => sessionStorage.getItem('progress-shown'))).toMatch(
      /Reading the logs|Read: putting|Sending/,
    );
  });

  it('with JavaScript and "share": lands on the shared report address', async () => {
    const page = await openBrowser();
    await page.goto(`${server.origin}/logs`);
    await page.setInputFiles('#log-files', files);
    await page.check('#log-share');
    await page.click('form.log-upload button[type=submit]');
    await page.waitForURL(/\/logs\/r\/[A-Za-z0-9_-]{22}$/);
    expect(await page.textContent('p.shared-note')).toContain('it expires on');
  });

  it('the upload page and the results have no serious or critical axe violation', async () => {
    const page = await openBrowser({ bypassCSP: true, javaScriptEnabled: true });
    await page.goto(`${server.origin}/logs`);
    expect(await violations(page)).toEqual([]);
    const noJs = await openBrowser({ bypassCSP: true });
    await noJs.goto(`${server.origin}/logs`);
    await noJs.setInputFiles('#log-files', files);
    await noJs.click('form.log-upload button[type=submit]');
    await noJs.waitForSelector('p.verdict');
    expect(await violations(noJs)).toEqual([]);
  });
});
