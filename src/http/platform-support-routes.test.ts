import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleResponseSchema } from '../app/responses.js';
import type { Composed } from '../compose.js';
import { composeForTest } from '../test-support/compose-for-test.js';
import { decodeEntities } from '../test-support/decode-entities.js';
import { createHttpApp } from './create-http-app.js';

/** The real app on the bundled content, with a clock the test sets: support ends by the date. */
let composed: Composed;
let app: Hono;
let now = new Date('2026-12-07T02:00:00Z');
beforeAll(async () => {
  composed = await composeForTest();
  app = createHttpApp({ ...composed.deps, clock: { now: () => now } });
});
afterAll(() => composed.close());

const ARTICLE = '/windows-update/0x80244001';
const page = async (): Promise<string> =>
  decodeEntities(await (await app.request(ARTICLE)).text()).replaceAll('<wbr/>', '');

describe('platforms out of support, on the article page and in its JSON', () => {
  it('marks each ended platform in "Applies to" and in the fix badges, in words', async () => {
    now = new Date('2026-12-07T02:00:00Z');
    const html = await page();
    const appliesTo = (
      /<li class="badge">\s*Applies to ([^<]*)<\/li>/.exec(html)?.[1] ?? ''
    ).trim();
    // Short at the top (the first fix must stay high on a phone); the dates are in the fix badges.
    expect(appliesTo).toBe(
      'Windows 11, Windows 10 (support ended), Windows 8.1 (support ended), Windows 7 (support ended)',
    );
    expect(html).toMatch(/<li class="badge">For [^<]*Windows 7 - support ended January 14, 2020/);
  });

  it('does not mark a platform before its support ends (the page follows the clock)', async () => {
    now = new Date('2019-06-01T12:00:00Z');
    const html = await page();
    const appliesTo = (
      /<li class="badge">\s*Applies to ([^<]*)<\/li>/.exec(html)?.[1] ?? ''
    ).trim();
    expect(appliesTo).toBe('Windows 11, Windows 10, Windows 8.1, Windows 7');
    expect(appliesTo).not.toContain('support ended');
    now = new Date('2026-12-07T02:00:00Z');
    expect(await page()).toMatch(
      /<li class="badge">For [^<]*Windows 7 - support ended January 14, 2020/,
    );
  });

  it('gives each platform of the article with its support in the API', async () => {
    now = new Date('2026-12-07T02:00:00Z');
    const response = await app.request(`/api/v1/articles${ARTICLE}`);
    expect(response.status).toBe(200);
    const { platforms } = articleResponseSchema.parse(await response.json());
    const byId = new Map(platforms.map((p) => [p.id, p]));
    expect(byId.get('windows-7')).toEqual({
      id: 'windows-7',
      name: 'Windows 7',
      label: 'Windows 7 - support ended January 14, 2020',
      supportEnded: true,
      support: {
        ends: '2020-01-14',
        source: {
          title: 'Windows 7 (Microsoft Lifecycle)',
          url: 'https://learn.microsoft.com/en-us/lifecycle/products/windows-7',
        },
        esu: {
          ends: '2023-01-10',
          source: {
            title: 'Windows 7 (Microsoft Lifecycle): Extended Security Update Year 3',
            url: 'https://learn.microsoft.com/en-us/lifecycle/products/windows-7',
          },
        },
      },
    });
    expect(byId.get('windows-11')).toEqual({
      id: 'windows-11',
      name: 'Windows 11',
      label: 'Windows 11',
      supportEnded: false,
    });
  });
});
