import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Composed } from '../compose.js';
import { composeForTest } from '../test-support/compose-for-test.js';
import { sampleArticle } from '../test-support/sample-article.js';
import { parseSearchParams, search } from './search.js';

/**
 * Popularity (look-ups, and fixes that worked) breaks ties between equally relevant articles
 * and never lifts a less relevant one above a more relevant one.
 */
let composed: Composed;
const TWIN_A = '0x8024FFF1';
const TWIN_B = '0x8024FFF2';
const WEAKER = '0x8024FFF3';

beforeAll(async () => {
  composed = await composeForTest();
  const save = async (code: string, title: string) =>
    composed.deps.store.saveArticle({
      article: sampleArticle({ code, title, meaning: { summary: 'The widget stops.' } }),
      contentHash: `popularity-${code}`,
      baseRevision: 0,
      at: '2026-12-06T20:00:00Z',
      author: 'test',
      reason: 'popularity test',
    });
  // The twins say the same; the third matches one word of the query only.
  await save(TWIN_A, 'Zorblax widget stalls');
  await save(TWIN_B, 'Zorblax widget stalls');
  await save(WEAKER, 'Zorblax');
}, 60_000);
afterAll(() => composed.close());

const ranked = async (): Promise<string[]> =>
  (
    await search(composed.deps, parseSearchParams(composed.deps, { q: 'zorblax widget stalls' }))
  ).articles
    .map((a) => a.code)
    // The bundled articles that share a word ("stalls") are not what this is about.
    .filter((code) => [TWIN_A, TWIN_B, WEAKER].includes(code));

describe('search: popularity as a tie-breaker', () => {
  it('orders equally relevant articles by the fixes that worked, never above relevance', async () => {
    // No popularity yet: the twins tie and fall back to their ids.
    expect(await ranked()).toEqual([TWIN_A, TWIN_B, WEAKER]);
    for (const sourceId of ['s1', 's2']) {
      await composed.deps.outcomes.recordOutcome({
        sourceId,
        product: 'windows-update',
        code: TWIN_B,
        fixId: 'reset-proxy',
        platform: 'windows-11',
        answer: 'fixed',
        at: '2026-12-06T20:10:00Z',
      });
    }
    // An answer that says the fix did not work adds nothing.
    await composed.deps.outcomes.recordOutcome({
      sourceId: 's3',
      product: 'windows-update',
      code: TWIN_A,
      fixId: 'reset-proxy',
      platform: 'windows-11',
      answer: 'still-failing',
      at: '2026-12-06T20:10:00Z',
    });
    expect(await ranked()).toEqual([TWIN_B, TWIN_A, WEAKER]);
  });

  it('orders them by look-ups too, and a much looked-up but less relevant article stays below', async () => {
    await composed.deps.demand.recordLookups(
      new Map([
        [TWIN_A, 5],
        [WEAKER, 1_000_000],
      ]),
    );
    // TWIN_A: 5 look-ups; TWIN_B: 2 fixes that worked.
    expect(await ranked()).toEqual([TWIN_A, TWIN_B, WEAKER]);
  });
});
