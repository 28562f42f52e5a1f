import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { createHttpApp } from '../create-http-app.js';
import { composeForTest } from '../../test-support/compose-for-test.js';
import { parseXml, type XmlElement } from '../../test-support/xml-tree.js';
import type { Composed } from '../../compose.js';

let composed: Composed;
let app: Hono;
beforeEach(async () => {
  composed = await composeForTest();
  app = createHttpApp(composed.deps);
});
afterEach(() => composed.close());

const ARTICLE = '/windows-update/0x80244001';
const CHART = `${ARTICLE}/outcomes.svg`;
const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: {
    'content-type': 'application/x-www-form-urlencoded',
    origin: 'http://localhost',
    'sec-fetch-site': 'same-origin',
  },
  body: new URLSearchParams(fields).toString(),
});
const texts = (e: XmlElement): string[] => [
  ...(e.name === 'text' ? [e.text] : []),
  ...e.children.flatMap(texts),
];

/** Walks one session on Windows 11: the first fix still failing, the second fixed it. */
async function walkToFixed(): Promise<string> {
  const start = await app.request(`${ARTICLE}/troubleshoot`, form({ platform: 'windows-11' }));
  const session = start.headers.get('location') ?? '';
  for (const answer of ['still-failing', 'fixed']) {
    const html = await (await app.request(session)).text();
    const step = /name="step" value="(\d+)"/.exec(html)?.[1] ?? '';
    const fix = /name="fix" value="([^"]+)"/.exec(html)?.[1] ?? '';
    await app.request(session, form({ step, fix, answer }));
  }
  return session;
}

describe('the outcome chart', () => {
  it('draws the recorded answers of each fix on the platform, as an SVG image', async () => {
    await walkToFixed();
    await walkToFixed();
    const response = await app.request(`${CHART}?platform=windows-11`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    const svg = parseXml(await response.text());
    const words = texts(svg);
    expect(words.some((t) => t.startsWith('1. Restart'))).toBe(true);
    expect(words).toContain('0 fixed it, 2 still failing, 0 could not do it');
    expect(words).toContain('2 fixed it, 0 still failing, 0 could not do it');
    expect(words).toContain('4 answers in all.');
  });

  it('keeps platforms apart', async () => {
    await walkToFixed();
    const svg = parseXml(await (await app.request(`${CHART}?platform=windows-10`)).text());
    expect(texts(svg)).toContain('Nobody has answered yet.');
  });

  it('is shown at the end of a walk-through, linked to the session’s platform', async () => {
    const session = await walkToFixed();
    const html = await (await app.request(session)).text();
    expect(html).toContain(`src="${CHART}?platform=windows-11"`);
    expect(html).toMatch(/<img class="chart"[^>]* alt="For each fix of 0x80244001 on Windows 11/);
  });

  it('answers 400 without a platform or with an unknown one, and 404 without an article', async () => {
    const none = await app.request(CHART);
    expect(none.status).toBe(400);
    expect(await none.text()).toContain('?platform=');
    expect((await app.request(`${CHART}?platform=windows-95`)).status).toBe(400);
    expect(
      (await app.request('/windows-update/0x80240023/outcomes.svg?platform=windows-11')).status,
    ).toBe(404);
  });
});
