import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { createHttpApp } from '../create-http-app.js';
import { composeForTest } from '../../test-support/compose-for-test.js';
import type { Composed } from '../../compose.js';
import { cmdRunLines, ps1RunLines } from '../../core/scripts/script-structure.js';

let composed: Composed;
let app: Hono;
beforeAll(async () => {
  composed = await composeForTest();
  app = createHttpApp(composed.deps);
});
afterAll(() => composed.close());

const BASE = '/windows-update/0x80244001';

describe('GET /:product/:code/fix-script.cmd|ps1', () => {
  it("downloads the chosen fix as a .cmd file with the procedure's commands, UsoSvc first", async () => {
    const response = await app.request(
      `${BASE}/fix-script.cmd?fixes=reset-components&platform=windows-11`,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="erratlas-fix-0x80244001.cmd"',
    );
    const lines = (await response.text()).split('\r\n');
    const run = cmdRunLines(lines).map((r) => r.command);
    expect(run.slice(0, 3)).toEqual(['net stop usosvc', 'net stop wuauserv', 'net stop cryptSvc']);
    expect(run).toContain('ren %SystemRoot%\\SoftwareDistribution SoftwareDistribution.old');
    expect(run.at(-1)).toBe('sc query wuauserv');
  });

  it('downloads the same fixes as .ps1, in the order asked', async () => {
    const response = await app.request(
      `${BASE}/fix-script.ps1?fixes=reset-winhttp-proxy,reset-components`,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="erratlas-fix-0x80244001.ps1"',
    );
    const run = ps1RunLines((await response.text()).split('\r\n')).map((r) => r.command);
    expect(run[0]).toBe('netsh winhttp show proxy');
    expect(run.indexOf('net stop usosvc')).toBeGreaterThan(
      run.indexOf('netsh winhttp import proxy source=ie'),
    );
  });

  it('without ?fixes, scripts every fix that applies on the platform', async () => {
    const text = await (await app.request(`${BASE}/fix-script.cmd?platform=windows-11`)).text();
    expect(text).toContain(
      'rem Fixes, in order: restart-and-check, repair-system-files, reregister-msxml3',
    );
    expect(text).not.toContain('sfc-scannow'); // Windows 7 only
  });

  it.each([
    [
      `${BASE}/fix-script.cmd?fixes=no-such-fix`,
      400,
      '"no-such-fix" is not a fix of the 0x80244001 article',
    ],
    [
      `${BASE}/fix-script.cmd?platform=windows-95`,
      400,
      '"windows-95" is not a platform of windows-update',
    ],
    [
      `${BASE}/fix-script.ps1?fixes=sfc-scannow&platform=windows-11`,
      400,
      'does not apply on windows-11',
    ],
    ['/windows-update/0x80249999/fix-script.cmd', 404, 'no article for 0x80249999'],
  ])('%s answers %i saying what was wrong', async (path, status, message) => {
    const response = await app.request(path);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).toContain(message.replace(/"/g, '&quot;'));
  });
});

describe('download links', () => {
  it('the article page links the whole set and each fix as .cmd and .ps1, and the diagnostic script', async () => {
    const html = await (await app.request(BASE)).text();
    expect(html).toContain(`href="${BASE}/fix-script.cmd"`);
    expect(html).toContain(`href="${BASE}/fix-script.ps1?fixes=reset-components"`);
    expect(html).toContain('href="/diagnose/erratlas-diagnose.ps1"');
  });
});

describe('the walk-through', () => {
  it('offers the current step as a script for the chosen platform', async () => {
    const started = await app.request(`${BASE}/troubleshoot`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'sec-fetch-site': 'same-origin',
      },
      body: 'platform=windows-10',
    });
    expect(started.status).toBe(303);
    const html = await (await app.request(started.headers.get('location')!)).text();
    expect(html).toContain(
      `href="${BASE}/fix-script.ps1?fixes=restart-and-check&amp;platform=windows-10"`,
    );
  });
});
