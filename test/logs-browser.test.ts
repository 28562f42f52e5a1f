import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  hasChromium,
  seriousAxeViolations,
  startBrowserBench,
  type BrowserBench,
} from './real-browser.js';

/** /logs in a real browser (Debian's chromium): with and without JavaScript, and axe-core. */
let bench: BrowserBench;
beforeAll(async () => {
  if (hasChromium) bench = await startBrowserBench('logs-browser');
});
afterAll(async () => {
  await bench?.close();
});

const files = [
  { name: 'dism.log', mimeType: 'text/plain', buffer: readFileSync('test/logs/dism.log') },
  { name: 'CBS.log', mimeType: 'text/plain', buffer: readFileSync('test/logs/CBS.log') },
];

describe.skipIf(!hasChromium)('/logs in a real browser', () => {
  it('without JavaScript: choose two files, submit, read the diagnosis', async () => {
    const page = await bench.open({ javaScriptEnabled: false });
    await page.goto(`${bench.origin}/`);
    await page.click('nav.site-nav a[href="/logs"]');
    expect(new URL(page.url()).pathname).toBe('/logs');
    await page.setInputFiles('#log-files', files);
    await Promise.all([
      page.waitForURL(`${bench.origin}/logs`),
      page.click('form.log-upload button[type=submit]'),
    ]);
    await page.waitForSelector('h1');
    expect(await page.textContent('h1')).toBe('Log diagnosis');
    expect(await page.textContent('p.verdict')).toContain('The repair source is missing');
    expect(await page.locator('svg.log-timeline').count()).toBe(1);
  });

  it('with JavaScript: the progress bar shows while the upload is read, then the results replace the page', async () => {
    const page = await bench.open();
    await page.goto(`${bench.origin}/logs`);
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
    const page = await bench.open();
    await page.goto(`${bench.origin}/logs`);
    await page.setInputFiles('#log-files', files);
    await page.check('#log-share');
    await page.click('form.log-upload button[type=submit]');
    await page.waitForURL(/\/logs\/r\/[A-Za-z0-9_-]{22}$/);
    expect(await page.textContent('p.shared-note')).toContain('it expires on');
  });

  it('the upload page and the results have no serious or critical axe violation', async () => {
    const page = await bench.open({ bypassCSP: true, javaScriptEnabled: true });
    await page.goto(`${bench.origin}/logs`);
    expect(await seriousAxeViolations(page)).toEqual([]);
    const noJs = await bench.open({ bypassCSP: true });
    await noJs.goto(`${bench.origin}/logs`);
    await noJs.setInputFiles('#log-files', files);
    await noJs.click('form.log-upload button[type=submit]');
    await noJs.waitForSelector('p.verdict');
    expect(await seriousAxeViolations(noJs)).toEqual([]);
  });
});
