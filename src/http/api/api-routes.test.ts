import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { createHttpApp } from '../create-http-app.js';
import { composeForTest } from '../../test-support/compose-for-test.js';
import type { Composed } from '../../compose.js';
import {
  codeLookupSchema,
  articleResponseSchema,
  errorResponseSchema,
} from '../../app/responses.js';

let composed: Composed;
let app: Hono;
beforeAll(async () => {
  composed = await composeForTest();
  app = createHttpApp(composed.deps);
});
afterAll(() => composed.close());

const getJson = async (path: string): Promise<{ status: number; body: unknown; type: string }> => {
  const response = await app.request(path);
  return {
    status: response.status,
    body: await response.json(),
    type: response.headers.get('content-type') ?? '',
  };
};

describe('GET /api/v1/codes/{notation}', () => {
  it.each([
    '0x80244001',
    '80244001',
    '-2145107967',
    '2149859329',
    'WU_E_PT_SOAPCLIENT_INITIALIZE',
    encodeURIComponent('error 0x80244001 on Windows 11'),
  ])('reads %s as 0x80244001 with its name, decode and article', async (notation) => {
    const { status, body, type } = await getJson(`/api/v1/codes/${notation}`);
    expect(status).toBe(200);
    expect(type).toContain('application/json');
    const lookup = codeLookupSchema.parse(body);
    expect(lookup.known).toBe(true);
    const [best] = lookup.readings;
    expect(best?.code).toBe('0x80244001');
    expect(best?.names[0]?.name).toBe('WU_E_PT_SOAPCLIENT_INITIALIZE');
    expect(best?.decode.facility).toEqual({ number: 36, name: 'FACILITY_WINDOWSUPDATE' });
    expect(best?.articles).toEqual([
      expect.objectContaining({
        product: 'windows-update',
        url: '/windows-update/0x80244001',
        apiUrl: '/api/v1/articles/windows-update/0x80244001',
      }),
    ]);
  });

  it('decodes 0x80070057 as a wrapped Win32 ERROR_INVALID_PARAMETER', async () => {
    const lookup = codeLookupSchema.parse((await getJson('/api/v1/codes/0x80070057')).body);
    const best = lookup.readings[0];
    expect(best?.decode.facility).toEqual({ number: 7, name: 'FACILITY_WIN32' });
    expect(best?.decode.wrapped).toEqual({
      scheme: 'win32',
      code: 87,
      via: 'hresult',
      names: ['ERROR_INVALID_PARAMETER'],
    });
    expect(best?.families[0]).toBe('win32-wrapped');
    expect(best?.names.map((n) => n.name)).toEqual(
      expect.arrayContaining(['E_INVALIDARG', 'ERROR_INVALID_PARAMETER']),
    );
    expect(best?.articles).toEqual([]);
  });

  it.each([
    [
      '0x80070005',
      'Access denied: Windows or an update could not open a file, folder or setting because permission was refused.',
    ],
    ['5', 'Access denied: Windows or an update could not open a file, folder or setting'],
    ['0x80244001', 'SOAP'],
    ['0xD0000022', 'passed this kernel status on as an HRESULT'],
  ])('gives %s its plain meaning', async (notation, words) => {
    const lookup = codeLookupSchema.parse((await getJson(`/api/v1/codes/${notation}`)).body);
    expect(lookup.readings[0]?.plainMeaning).toContain(words);
  });

  it('has no plain meaning for a value nothing names', async () => {
    const lookup = codeLookupSchema.parse((await getJson('/api/v1/codes/0x8024FFFE')).body);
    expect(lookup.readings[0]).not.toHaveProperty('plainMeaning');
  });

  it('answers 200 with known: false for a code that parses but no table has', async () => {
    const { status, body } = await getJson('/api/v1/codes/0x8024FFFE');
    expect(status).toBe(200);
    const lookup = codeLookupSchema.parse(body);
    expect(lookup.known).toBe(false);
    expect(lookup.readings[0]?.decode.facility.number).toBe(36);
  });

  it('answers 400 invalid_notation with suggestions for input that does not parse', async () => {
    const { status, body } = await getJson('/api/v1/codes/80244O01');
    expect(status).toBe(400);
    const error = errorResponseSchema.parse(body).error;
    expect(error.code).toBe('invalid_notation');
    expect(error.message.length).toBeGreaterThan(20);
    expect(error.suggestions).toContain('0x80244001');
  });
});

describe('GET /api/v1/articles/{product}/{code}', () => {
  it('returns the article as the schema has it, with its revision', async () => {
    const { status, body } = await getJson('/api/v1/articles/windows-update/0x80244001');
    expect(status).toBe(200);
    const response = articleResponseSchema.parse(body);
    expect(response.article.code).toBe('0x80244001');
    expect(response.article.fixes.length).toBeGreaterThanOrEqual(4);
    expect(response.revision).toBe(1);
  });

  it('answers 404 not_found in the error shape for an article that does not exist', async () => {
    const { status, body } = await getJson('/api/v1/articles/windows-update/0x80070057');
    expect(status).toBe(404);
    expect(errorResponseSchema.parse(body).error.code).toBe('not_found');
  });

  it('answers 404 for an unknown API path, pointing at the OpenAPI document', async () => {
    const { status, body } = await getJson('/api/v1/nope');
    expect(status).toBe(404);
    expect(errorResponseSchema.parse(body).error.message).toContain('/api/openapi.json');
  });
});

describe('GET /api/openapi.json', () => {
  it('describes every operation with schemas generated from the zod schemas', async () => {
    const { status, body } = await getJson('/api/openapi.json');
    expect(status).toBe(200);
    const doc = body as {
      openapi: string;
      paths: Record<string, unknown>;
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/api/openapi.json',
      '/api/v1/articles/{product}/{code}',
      '/api/v1/articles/{product}/{code}/stats',
      '/api/v1/codes/{code}/requests',
      '/api/v1/codes/{notation}',
      '/api/v1/codes/{notation}/suggestions',
      '/api/v1/diagnoses',
      '/api/v1/families',
      '/api/v1/families/{id}',
      '/api/v1/logs/analyze',
      '/api/v1/logs/reports/{id}',
      '/api/v1/requests',
      '/api/v1/search',
      '/api/v1/search/misses',
      '/api/v1/search/suggest',
      '/api/v1/sessions',
      '/api/v1/sessions/{id}',
      '/api/v1/sessions/{id}/outcomes',
    ]);
    const schemas = doc.components.schemas;
    expect(Object.keys(schemas.CodeLookup?.properties ?? {})).toEqual(
      Object.keys(codeLookupSchema.shape),
    );
    const article = schemas.ArticleResponse?.properties?.article as {
      properties: Record<string, unknown>;
    };
    expect(Object.keys(article.properties)).toEqual(
      expect.arrayContaining(['code', 'product', 'title', 'severity', 'meaning', 'fixes', 'faq']),
    );
  });
});
