import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeLookupSchema } from '../../app/responses.js';
import type { Composed } from '../../compose.js';
import { composeForTest } from '../../test-support/compose-for-test.js';
import { createHttpApp } from '../create-http-app.js';

/** The retry advice scripts get from GET /api/v1/codes/{notation} (issue 8). */
let composed: Composed;
let app: Hono;
beforeAll(async () => {
  composed = await composeForTest();
  app = createHttpApp(composed.deps);
});
afterAll(() => composed.close());

const bestReading = async (notation: string) => {
  const response = await app.request(`/api/v1/codes/${notation}`);
  expect(response.status).toBe(200);
  return codeLookupSchema.parse(await response.json()).readings[0];
};

describe('retry advice in a look-up', () => {
  it("gives an article's own advice, with a link to its first fix", async () => {
    const stored = await composed.deps.store.getArticle('windows-update', '0x80070005');
    const own = stored?.article.retry;
    expect(own?.firstFix).toBeDefined();
    expect((await bestReading('0x80070005'))?.retry).toEqual({
      when: own?.when,
      reason: own?.reason,
      firstFix: own?.firstFix,
      firstFixUrl: `/windows-update/0x80070005#${own?.firstFix ?? ''}`,
      from: 'article',
      source: '/windows-update/0x80070005',
    });
  });

  it("falls back to the primary family's advice for a code without an article", async () => {
    const family = composed.deps.families.get('wu-pt');
    expect((await bestReading('0x80244008'))?.retry).toEqual({
      when: family?.retry.when,
      reason: family?.retry.reason,
      from: 'family',
      source: 'wu-pt',
    });
  });

  it('gives none for a success code', async () => {
    const reading = await bestReading('0x00240001');
    expect(reading?.names.map((n) => n.name)).toContain('WU_S_SERVICE_STOP');
    expect(reading?.retry).toBeUndefined();
  });
});
