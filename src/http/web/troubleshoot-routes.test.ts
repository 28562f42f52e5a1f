import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { createHttpApp } from '../create-http-app.js';
import { composeForTest } from '../../test-support/compose-for-test.js';
import type { Composed } from '../../compose.js';

let composed: Composed;
let app: Hono;
let now: Date;
beforeEach(async () => {
  composed = await composeForTest();
  now = new Date('2026-11-26T10:00:00.000Z');
  composed.deps.clock = { now: () => now };
  app = createHttpApp(composed.deps);
});
afterEach(() => composed.close());

const START = '/windows-update/0x80244001/troubleshoot';
const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: {
    'content-type': 'application/x-www-form-urlencoded',
    origin: 'http://localhost',
    'sec-fetch-site': 'same-origin',
  },
  body: new URLSearchParams(fields).toString(),
});

async function startSession(platform = 'windows-11'): Promise<string> {
  const response = await app.request(START, form({ platform }));
  expect(response.status).toBe(303);
  const location = response.headers.get('location') ?? '';
  expect(location).toMatch(/^\/windows-update\/0x80244001\/troubleshoot\/[A-Za-z0-9_-]{22}$/);
  return location;
}

const page = async (path: string) => {
  const response = await app.request(path);
  return { response, html: await response.text() };
};

/** The hidden step and fix of the form on the page, as a browser would send them back. */
const openStep = (html: string) => ({
  step: /name="step" value="(\d+)"/.exec(html)?.[1] ?? '',
  fix: /name="fix" value="([^"]+)"/.exec(html)?.[1] ?? '',
});

describe('the troubleshooter pages', () => {
  it("asks the platform first, with the product's platforms, and is never cached", async () => {
    const { response, html } = await page(START);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(html).toContain('Which Windows is this PC running?');
    expect(html).toContain('value="windows-11"');
    expect(html).toContain(`action="${START}"`);
  });

  it("marks a platform whose support has ended by the clock's day, and only then", async () => {
    const label = (html: string, id: string) =>
      new RegExp(`for="platform-${id}">([^<]*)<`).exec(html)?.[1];
    // Windows Server 2016's support ends on 2027-01-12 (content/products.yaml).
    now = new Date('2027-01-12T23:59:59.000Z');
    const before = (await page(START)).html;
    expect(label(before, 'windows-server-2016')).toBe('Windows Server 2016');
    expect(label(before, 'windows-10')).toBe('Windows 10 (support ended)');
    expect(label(before, 'windows-11')).toBe('Windows 11');
    now = new Date('2027-01-13T00:00:00.000Z');
    const after = (await page(START)).html;
    expect(label(after, 'windows-server-2016')).toBe('Windows Server 2016 (support ended)');
  });

  it('walks to "fixed" by forms and redirects, resumable from its address', async () => {
    const session = await startSession();
    const opened = await page(session);
    const response = opened.response;
    let html = opened.html;
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(html).toContain('Step 1 of 7');
    expect(html).toContain('Restart, then check the clock and the update services');
    const first = openStep(html);
    expect(first).toEqual({ step: '0', fix: 'restart-and-check' });

    const answered = await app.request(session, form({ ...first, answer: 'still-failing' }));
    expect(answered.status).toBe(303);
    expect(answered.headers.get('location')).toBe(session);
    // A reload re-posting the same answer: recorded once, same place.
    expect((await app.request(session, form({ ...first, answer: 'still-failing' }))).status).toBe(
      303,
    );

    ({ html } = await page(session));
    expect(html).toContain('Step 2 of 7');
    await app.request(session, form({ ...openStep(html), answer: 'fixed' }));
    ({ html } = await page(session));
    expect(html).toContain('Fixed');
    expect(html).toContain(
      'What fixed it: Repair the component store and the system files, MSXML included',
    );
    expect(html).toContain('Summary for a professional');

    const summary = await app.request(`${session}/summary.txt`);
    expect(summary.headers.get('content-type')).toContain('text/plain');
    expect(summary.headers.get('content-disposition')).toContain('attachment');
    const text = await summary.text();
    expect(text).toContain(
      '1. [0x80244001] Restart, then check the clock and the update services: still failing',
    );
    expect(text).toContain(
      '2. [0x80244001] Repair the component store and the system files, MSXML included: fixed it',
    );
    expect(text).not.toContain('3.');
  });

  it('ends "exhausted" with the escalation section', async () => {
    const session = await startSession('windows-7');
    for (let i = 0; i < 20; i++) {
      const { html } = await page(session);
      const step = openStep(html);
      if (step.fix === '') break;
      await app.request(session, form({ ...step, answer: 'still-failing' }));
    }
    const { html } = await page(session);
    expect(html).toContain('Every step has been tried');
    expect(html).toContain('Result: not fixed');
  });

  it('answers 404 for an unknown session and 410 for an expired one, each with a way to start again', async () => {
    const unknown = await page(`${START}/AAAAAAAAAAAAAAAAAAAAAA`);
    expect(unknown.response.status).toBe(404);
    expect(unknown.html).toContain(`href="${START}"`);
    const session = await startSession();
    now = new Date(now.getTime() + 31 * 24 * 3600 * 1000);
    const expired = await page(session);
    expect(expired.response.status).toBe(410);
    expect(expired.html).toContain('expired');
    expect(expired.html).toContain(`href="${START}"`);
  });

  it('refuses a malformed answer with 400 and keeps the session as it was', async () => {
    const session = await startSession();
    const response = await app.request(
      session,
      form({ step: 'x', fix: 'restart-and-check', answer: 'perhaps' }),
    );
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('one of: fixed, still-failing, could-not');
    expect(openStep((await page(session)).html).step).toBe('0');
  });
});

describe('"Did this fix it?" on the article page', () => {
  it('has a form under each fix posting to its outcome address', async () => {
    const { html } = await page('/windows-update/0x80244001');
    expect(html).toContain('action="/windows-update/0x80244001/fixes/reset-winhttp-proxy/outcome"');
    expect(html).toContain(`href="${START}"`);
  });

  it('counts an answer once per browser, by its cookie', async () => {
    const path = '/windows-update/0x80244001/fixes/reset-winhttp-proxy/outcome';
    const first = await app.request(path, form({ platform: 'windows-10', answer: 'fixed' }));
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe(`${path}?counted=yes`);
    const cookie = (first.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect(first.headers.get('set-cookie')).toContain('HttpOnly');
    const again = await app.request(path, {
      ...form({ platform: 'windows-10', answer: 'still-failing' }),
      headers: { ...form({}).headers, cookie },
    });
    expect(again.headers.get('location')).toBe(`${path}?counted=again`);
    const tallies = await composed.deps.outcomes.outcomeTallies(
      'windows-update',
      '0x80244001',
      'windows-10',
    );
    expect(tallies.get('reset-winhttp-proxy')).toEqual({
      fixed: 1,
      stillFailing: 0,
      couldNotDo: 0,
    });
    expect((await page(`${path}?counted=again`)).html).toContain('it counts once');
  });
});

describe('CSRF on the troubleshooter forms', () => {
  it.each([
    START,
    `${START}/AAAAAAAAAAAAAAAAAAAAAA`,
    '/windows-update/0x80244001/fixes/reset-winhttp-proxy/outcome',
  ])('refuses a post to %s from another site, storing nothing', async (path) => {
    const response = await app.request(path, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: 'https://evil.example',
        'sec-fetch-site': 'cross-site',
      },
      body: new URLSearchParams({ platform: 'windows-10', answer: 'fixed' }).toString(),
    });
    expect(response.status).toBe(403);
    expect(
      await composed.deps.outcomes.outcomeTallies('windows-update', '0x80244001', 'windows-10'),
    ).toEqual(new Map());
  });
});
