import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorResponseSchema } from '../../app/responses.js';
import {
  searchMissListSchema,
  searchResponseSchema,
  searchSuggestionsSchema,
} from '../../app/search-response.js';
import type { Composed } from '../../compose.js';
import { composeForTest } from '../../test-support/compose-for-test.js';
import { createHttpApp } from '../create-http-app.js';

const TOKEN = 'operator-token-for-search-tests';
let composed: Composed;
let app: Hono;
beforeAll(async () => {
  composed = await composeForTest({ kind: 'memory' }, TOKEN);
  app = createHttpApp(composed.deps);
});
afterAll(() => composed.close());

const get = async (path: string) => {
  const response = await app.request(path);
  return { status: response.status, body: (await response.json()) as unknown };
};

describe('GET /api/v1/search', () => {
  it('answers the SearchResponse shape, codes first', async () => {
    const { status, body } = await get('/api/v1/search?q=0x8024402f+windows+10');
    expect(status).toBe(200);
    const result = searchResponseSchema.parse(body);
    expect(result.codes[0]?.code).toBe('0x8024402F');
    expect(result.codes[0]?.url).toBe('/codes/0x8024402F');
  });

  it('finds the article for words without a code', async () => {
    const { body } = await get('/api/v1/search?q=wuauserv+wont+start');
    expect(searchResponseSchema.parse(body).articles[0]?.code).toBe('0x80070422');
  });

  it('keeps to the limit and filters', async () => {
    const { body } = await get('/api/v1/search?q=update&limit=2&severity=high');
    const result = searchResponseSchema.parse(body);
    expect(result.articles.length).toBeLessThanOrEqual(2);
    expect(result.articles.every((a) => a.severity === 'high')).toBe(true);
    expect(result.filters).toEqual({ severity: 'high' });
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=abc', 'limit'],
    ['severity=urgent', 'severity'],
    ['product=office', 'product'],
    ['platform=dos', 'platform'],
    ['family=nope', 'family'],
    ['cursor=xyz', 'cursor'],
  ])('%s → 400 invalid_search_parameter naming %s', async (query, parameter) => {
    const { status, body } = await get(`/api/v1/search?q=update&${query}`);
    expect(status).toBe(400);
    const error = errorResponseSchema.parse(body).error;
    expect(error.code).toBe('invalid_search_parameter');
    expect(error.message).toContain(parameter);
  });

  it.each(['', '%22', '*', 'NEAR(a%20b)', '%00%01', '-'])(
    'q=%s is a query, not an error',
    async (q) => {
      const { status } = await get(`/api/v1/search?q=${q}`);
      expect(status).toBe(200);
    },
  );

  it('is in the OpenAPI document with its parameters and response', async () => {
    const { body } = await get('/api/openapi.json');
    const doc = body as {
      paths: Record<string, { get?: { parameters?: { name: string }[] } }>;
      components: { schemas: Record<string, unknown> };
    };
    const names = doc.paths['/api/v1/search']?.get?.parameters?.map((p) => p.name);
    expect(names).toEqual(['q', 'product', 'severity', 'family', 'platform', 'limit', 'cursor']);
    expect(doc.components.schemas.SearchResponse).toBeDefined();
  });
});

describe('GET /api/v1/search/suggest', () => {
  it('offers the code read exactly first, then its article, cacheable', async () => {
    const response = await app.request('/api/v1/search/suggest?q=0x80244001');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=60');
    const { suggestions } = searchSuggestionsSchema.parse(await response.json());
    expect(suggestions[0]).toMatchObject({ kind: 'code', label: '0x80244001' });
    expect(suggestions.some((s) => s.url === '/windows-update/0x80244001')).toBe(true);
    expect(suggestions.length).toBeLessThanOrEqual(8);
  });

  it('completes the last word as it is typed', async () => {
    const { body } = await get('/api/v1/search/suggest?q=soapcli');
    const { suggestions } = searchSuggestionsSchema.parse(body);
    expect(suggestions[0]?.url).toBe('/windows-update/0x80244001');
  });

  it.each(['', '%20%20', '%22*(', '%00'])('q=%s gives no error', async (q) => {
    const { status, body } = await get(`/api/v1/search/suggest?q=${q}`);
    expect(status).toBe(200);
    searchSuggestionsSchema.parse(body);
  });

  it('is not recorded as a search miss', async () => {
    await get('/api/v1/search/suggest?q=qqqzzzxxx');
    await composed.deps.searchMisses.flush();
    const misses = await composed.deps.demand.listSearchMisses(100);
    expect(misses.map((m) => m.query)).not.toContain('qqqzzzxxx');
  });
});

describe('GET /api/v1/search/misses', () => {
  const misses = (headers: Record<string, string> = {}) =>
    app.request('/api/v1/search/misses', { headers });

  it('needs the operator token: 401 unauthorized without it or with a wrong one', async () => {
    for (const headers of [{}, { authorization: 'Bearer wrong-token-wrong-token' }]) {
      const response = await misses(headers);
      expect(response.status).toBe(401);
      expect(errorResponseSchema.parse(await response.json()).error.code).toBe('unauthorized');
    }
  });

  it('lists a search that found nothing and one that found little, normalised, counted', async () => {
    await get('/api/v1/search?q=Zanzibarquux+Frobnication!');
    await get('/api/v1/search?q=zanzibarquux%20%20frobnication');
    await get('/api/v1/search?q=zanzibarquux+flibbert+proxy');
    // A good answer is not a miss; nor is the second page of one.
    await get('/api/v1/search?q=wuauserv+wont+start');
    await composed.deps.searchMisses.flush();
    const response = await misses({ authorization: `Bearer ${TOKEN}` });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    const list = searchMissListSchema.parse(await response.json()).misses;
    expect(list.find((m) => m.query === 'zanzibarquux frobnication')).toMatchObject({
      kind: 'zero',
      count: 2,
      lastResults: 0,
    });
    const weak = list.find((m) => m.query === 'zanzibarquux flibbert proxy');
    expect(weak?.kind).toBe('weak');
    expect(weak?.lastResults).toBeGreaterThan(0);
    expect(list.map((m) => m.query)).not.toContain('wuauserv wont start');
  });
});

describe('the search routes in the OpenAPI document', () => {
  it('has suggest and misses (the latter behind the bearer token)', async () => {
    const { body } = await get('/api/openapi.json');
    const doc = body as {
      paths: Record<string, { get?: { operationId?: string; security?: unknown } }>;
      components: { schemas: Record<string, unknown> };
    };
    expect(doc.paths['/api/v1/search/suggest']?.get?.operationId).toBe('suggestSearch');
    expect(doc.paths['/api/v1/search/misses']?.get?.security).toEqual([{ bearer: [] }]);
    expect(doc.components.schemas.SearchSuggestions).toBeDefined();
    expect(doc.components.schemas.SearchMissList).toBeDefined();
  });
});
