import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSearchParams, search } from '../../app/search.js';
import { searchResponseSchema, searchSuggestionsSchema } from '../../app/search-response.js';
import type { Composed } from '../../compose.js';
import { composeForTest } from '../../test-support/compose-for-test.js';
import { createHttpApp } from '../create-http-app.js';

/**
 * Whatever a person types is a query (issue 9, "Bad input"): fuzzed with fast-check against
 * the real wiring on SQLite (the FTS5 index), through the use case (no exception) and over
 * HTTP (no 5xx; the search and suggest routes answer 200, a filter that is not accepted 400).
 */
const folder = mkdtempSync(join(tmpdir(), 'atlas-search-fuzz-'));
let composed: Composed;
let app: Hono;
beforeAll(async () => {
  composed = await composeForTest({ kind: 'sqlite', file: join(folder, 'atlas.db') });
  app = createHttpApp(composed.deps);
  await search(composed.deps, parseSearchParams(composed.deps, { q: 'warm the index' }));
}, 60_000);
afterAll(async () => {
  await composed.close();
  rmSync(folder, { recursive: true, force: true });
});

const FTS_SYNTAX = ['"', '*', '-', ':', '^', '(', ')', '+', '{', '}', 'NEAR', 'AND', 'OR', 'NOT'];
const WORDS = ['update', 'proxy', '0x8024', 'wu_e_pt', 'служба', 'échec', '12002', ' ', ' ', ' '];
const PUNCTUATION = [...'!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'];

const ftsQuery = fc
  .array(fc.constantFrom(...FTS_SYNTAX, ...WORDS), { maxLength: 30 })
  .map((parts) => parts.join(''));
const controlText = fc.string({
  unit: fc.integer({ min: 0, max: 0x1f }).map((n) => String.fromCharCode(n)),
  maxLength: 200,
});
const punctuationOnly = fc.string({ unit: fc.constantFrom(...PUNCTUATION), minLength: 1 });
const anyText = fc.string({ unit: 'binary', maxLength: 300 });
const QUERIES = fc.oneof(ftsQuery, controlText, punctuationOnly, anyText);

const RUNS = 60;

describe('search fuzzed against the real FTS5 index', () => {
  it('answers any query without an exception, in the response shape', async () => {
    await fc.assert(
      fc.asyncProperty(QUERIES, async (q) => {
        const result = await search(composed.deps, parseSearchParams(composed.deps, { q }));
        searchResponseSchema.parse(result);
      }),
      { numRuns: RUNS * 2 },
    );
  }, 120_000);

  it('answers a 10 KB query (FTS syntax, NUL and all) without an exception', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(QUERIES, { minLength: 1, maxLength: 8 }), async (parts) => {
        const q = `${parts.join('\u0000')} `.repeat(10_240).slice(0, 10_240);
        const result = await search(composed.deps, parseSearchParams(composed.deps, { q }));
        expect(result.query.length).toBeLessThanOrEqual(2048);
      }),
      { numRuns: 10 },
    );
  }, 120_000);

  it('never answers 5xx over HTTP: search and suggest 200, other statuses only for bad filters', async () => {
    await fc.assert(
      fc.asyncProperty(
        QUERIES,
        fc.option(fc.constantFrom('severity', 'limit', 'cursor', 'platform', 'family')),
        fc.string({ maxLength: 20 }),
        async (q, filter, value) => {
          const params = new URLSearchParams({ q });
          if (filter) params.set(filter, value);
          const searched = await app.request(`/api/v1/search?${params.toString()}`);
          expect(searched.status).toBeLessThan(500);
          if (!filter) {
            expect(searched.status).toBe(200);
            searchResponseSchema.parse(await searched.json());
          }
          const suggested = await app.request(
            `/api/v1/search/suggest?${new URLSearchParams({ q }).toString()}`,
          );
          expect(suggested.status).toBe(200);
          searchSuggestionsSchema.parse(await suggested.json());
          const page = await app.request(`/search?${params.toString()}`);
          expect(page.status).toBeLessThan(500);
        },
      ),
      { numRuns: RUNS },
    );
  }, 180_000);
});
