import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorResponseSchema } from '../../app/responses.js';
import { searchResponseSchema } from '../../app/search-response.js';
import type { Composed } from '../../compose.js';
import { composeForTest } from '../../test-support/compose-for-test.js';
import { createHttpApp } from '../create-http-app.js';

let composed: Composed;
let app: Hono;
beforeAll(async () => {
  composed = await composeForTest();
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
