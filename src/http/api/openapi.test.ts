import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Composed } from '../../compose.js';
import { DEFAULT_SERVER_SETTINGS } from '../../config.js';
import { composeForTest } from '../../test-support/compose-for-test.js';
import { createHttpApp } from '../create-http-app.js';
import { ERROR_USES, statusOf, type ErrorCode } from './openapi-errors.js';
import { buildOpenApiDocument } from './openapi.js';
import { refsIn } from './openapi-schemas.js';

interface Operation {
  operationId: string;
  responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
}
interface Document {
  servers: { url: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown> };
}

let composed: Composed;
let doc: Document;
beforeAll(async () => {
  composed = await composeForTest();
  // The document as served, not as built: what a client gets.
  const response = await createHttpApp(composed.deps).request('/api/openapi.json');
  doc = (await response.json()) as Document;
});
afterAll(() => composed.close());

/** Follows a local JSON pointer (`#/components/schemas/X`) through the document. */
function resolvePointer(root: unknown, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  return ref
    .slice(2)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>(
      (node, key) =>
        node !== null && typeof node === 'object' && Object.hasOwn(node, key)
          ? (node as Record<string, unknown>)[key]
          : undefined,
      root,
    );
}

const operations = (): Operation[] => Object.values(doc.paths).flatMap((p) => Object.values(p));

/** The `error.code` enum of an error response, as `errorResponses` writes it. */
const codesOf = (response: Operation['responses'][string]): string[] => {
  const schema = response.content?.['application/json']?.schema as {
    allOf?: { properties?: { error?: { properties?: { code?: { enum?: string[] } } } } }[];
  };
  return schema.allOf?.[1]?.properties?.error?.properties?.code?.enum ?? [];
};

describe('the OpenAPI document', () => {
  it('validates as OpenAPI 3.1 with a real validator', async () => {
    const validator = new Validator();
    const result = await validator.validate(
      structuredClone(doc) as unknown as Record<string, unknown>,
    );
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('has every $ref resolve inside the document (the validator does not check this)', () => {
    const refs = refsIn(doc);
    expect(refs.length).toBeGreaterThan(10);
    const broken = refs.filter((ref) => resolvePointer(doc, ref) === undefined);
    expect(broken).toEqual([]);
    expect(JSON.stringify(doc)).not.toContain('__shared');
  });

  it('has no component schema that nothing uses', () => {
    const used = new Set(refsIn(doc).map((ref) => ref.replace('#/components/schemas/', '')));
    expect(Object.keys(doc.components.schemas).filter((id) => !used.has(id))).toEqual([]);
  });

  it('describes the plain meaning of each reading', () => {
    const reading = doc.components.schemas['Reading'] as {
      properties?: Record<string, { type?: string; description?: string }>;
      required?: string[];
    };
    expect(reading.properties?.['plainMeaning']?.type).toBe('string');
    expect(reading.properties?.['plainMeaning']?.description).toContain('for a person');
    expect(reading.required ?? []).not.toContain('plainMeaning');
  });

  it('lists servers', () => {
    expect(doc.servers).toEqual([{ url: '/', description: expect.any(String) as string }]);
    const named = buildOpenApiDocument('https://errors.example.com') as unknown as Document;
    expect(named.servers[0]?.url).toBe('https://errors.example.com');
  });

  it('describes every API route the app serves, and nothing it does not', () => {
    const app = createHttpApp(composed.deps);
    const served = app.routes
      .filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL' && !r.path.includes('*'))
      .map((r) => `${r.method} ${r.path.replace(/:(\w+)(\{[^}]*\})?/g, '{$1}')}`);
    const documented = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect([...new Set(served)].sort()).toEqual(documented.sort());
    expect(documented).toEqual(
      expect.arrayContaining([
        'GET /api/v1/requests',
        'GET /api/v1/codes/{notation}/suggestions',
        'GET /api/v1/families',
        'GET /api/v1/families/{id}',
        'GET /api/v1/articles/{product}/{code}',
      ]),
    );
  });

  it('lists on each operation every error code the table gives it, under its status', () => {
    for (const op of operations()) {
      for (const [code, use] of Object.entries(ERROR_USES) as [
        ErrorCode,
        (typeof ERROR_USES)[ErrorCode],
      ][]) {
        const expected =
          use.on === 'every' || (use.on as readonly string[]).includes(op.operationId);
        const response = op.responses[String(statusOf(code))];
        expect(
          response !== undefined && codesOf(response).includes(code),
          `${op.operationId} ${code}`,
        ).toBe(expected);
      }
    }
  });

  it('answers, for real, the codes it documents: a sample through the app', async () => {
    const app = createHttpApp(composed.deps);
    const cases: [string, RequestInit, string][] = [
      ['/api/v1/codes/80244O01', {}, 'lookupCode'],
      ['/api/v1/families/nope', {}, 'getFamily'],
      ['/api/v1/articles/windows-update/0x00000001', {}, 'getArticle'],
      ['/api/v1/requests', {}, 'listArticleRequests'],
      ['/api/v1/codes/0x80244001/requests', { method: 'POST' }, 'requestArticle'],
      ['/api/v1/codes/nonsense/requests', { method: 'POST' }, 'requestArticle'],
      // The limits answer before any route: 414 on any operation, 413 where there is a body.
      [`/api/v1/codes/${'8'.repeat(DEFAULT_SERVER_SETTINGS.maxUrlBytes)}`, {}, 'lookupCode'],
      [
        '/api/v1/codes/0x80244001/requests',
        { method: 'POST', body: 'a'.repeat(DEFAULT_SERVER_SETTINGS.maxBodyBytes + 1) },
        'requestArticle',
      ],
    ];
    for (const [path, init, id] of cases) {
      const response = await app.request(path, init);
      const body = (await response.json()) as { error: { code: string } };
      const op = operations().find((o) => o.operationId === id);
      const documented = op?.responses[String(response.status)];
      expect(documented, `${path} answered ${response.status}`).toBeDefined();
      expect(codesOf(documented ?? {})).toContain(body.error.code);
    }
  });
});
