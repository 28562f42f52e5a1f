import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, startBrowserBench, type BrowserBench } from './real-browser.js';

/** The 0x80244001 walk-through in a real browser with JavaScript off: forms and redirects only. */
let bench: BrowserBench;
let open: () => Promise<Page>;
beforeAll(async () => {
  if (!hasChromium) return;
  bench = await startBrowserBench('walk-browser');
  open = () => bench.open({ javaScriptEnabled: false });
});
afterAll(async () => {
  await bench?.close();
});

async function startWalk(platform: string): Promise<Page> {
  const page = await open();
  await page.goto(`${bench.origin}/windows-update/0x80244001`);
  await page.getByRole('link', { name: 'Walk me through the fixes one at a time' }).click();
  await page.getByLabel(platform).check();
  await page.getByRole('button', { name: 'Start' }).click();
  return page;
}

describe.runIf(hasChromium)('the troubleshooter in a browser without JavaScript', () => {
  it('walks 0x80244001 to "fixed", and the address resumes it', async () => {
    const page = await startWalk('Windows 11');
    await expect.poll(() => page.locator('.progress').textContent()).toContain('Step 1 of 7');
    await page.getByRole('button', { name: 'Still failing' }).click();
    expect(await page.locator('.progress').textContent()).toContain('Step 2 of 7');
    await page.getByRole('button', { name: 'Fixed it' }).click();
    expect(await page.getByRole('heading', { name: 'Fixed' }).count()).toBe(1);
    expect(await page.locator('pre.summary').textContent()).toContain(
      'Repair the component store and the system files, MSXML included: fixed it',
    );
    const again = await open();
    await again.goto(page.url());
    expect(await again.getByRole('heading', { name: 'Fixed' }).count()).toBe(1);
  });

  it('walks 0x80244001 to "exhausted" with the escalation and the summary', async () => {
    const page = await startWalk('Windows 7');
    for (let step = 1; step <= 7; step++) {
      expect(await page.locator('.progress').textContent()).toContain(`Step ${step} of 7`);
      if (step === 3) {
        await page.locator('details summary').click();
        await page.getByLabel('Why not? (optional)').selectOption('no-admin');
        await page.getByRole('button', { name: "I couldn't do this step" }).click();
      } else {
        await page.getByRole('button', { name: 'Still failing' }).click();
      }
    }
    expect(await page.getByRole('heading', { name: 'Every step has been tried' }).count()).toBe(1);
    expect(await page.locator('main').textContent()).toContain(
      'Stop and get help if any of these happens',
    );
    const summary = (await page.locator('pre.summary').textContent()) ?? '';
    expect(summary).toContain('Platform: Windows 7');
    expect(summary).toContain('could not do this step (no administrator rights)');
    expect(summary).toContain('7. [0x80244001]');
  });
});
