import { CANONICAL_CODE } from '../../core/codes/code-value.js';
import { componentSchemas, reachableComponents } from './openapi-schemas.js';
import { SEARCH_PATHS } from './search-openapi.js';
import { ERROR_USES, errorsOf, type OperationId } from './openapi-errors.js';
import { troubleshootPaths } from './troubleshoot-openapi.js';
import { diagnosePaths } from './diagnose-openapi.js';
import { logsPaths } from './logs-openapi.js';

const json = (ref: string) => ({
  'application/json': { schema: { $ref: `#/components/schemas/${ref}` } },
});

/**
 * The error responses of one operation, one per status, from the one table of codes: each
 * says which stable codes it carries (as an enum on `error.code`) and when.
 */
function errorResponses(operation: OperationId): Record<string, unknown> {
  return Object.fromEntries(
    [...errorsOf(operation)].map(([status, codes]) => [
      String(status),
      {
        description: codes.map((code) => `\`${code}\`: ${ERROR_USES[code].when}`).join('; '),
        content: {
          'application/json': {
            schema: {
              allOf: [
                { $ref: '#/components/schemas/Error' },
                {
                  type: 'object',
                  properties: { error: { type: 'object', properties: { code: { enum: codes } } } },
                },
              ],
            },
          },
        },
      },
    ]),
  );
}

const operation = (
  id: OperationId,
  spec: { summary: string; responses: Record<string, unknown> } & Record<string, unknown>,
) => ({ operationId: id, ...spec, responses: { ...spec.responses, ...errorResponses(id) } });

const notationParameter = {
  name: 'notation',
  in: 'path',
  required: true,
  description:
    '0x80244001, 80244001, -2145107967, 2149859329, WU_E_PT_SOAPCLIENT_INITIALIZE, or a line of text with a code in it',
  schema: { type: 'string' },
};

const canonicalCode = (name: string) => ({
  name,
  in: 'path',
  required: true,
  schema: { type: 'string', pattern: CANONICAL_CODE.source },
});

function paths(): Record<string, unknown> {
  return {
    '/api/v1/search': {
      get: operation('search', {
        ...SEARCH_PATHS['/api/v1/search'].get,
        responses: { 200: SEARCH_PATHS['/api/v1/search'].get.responses[200] },
      }),
    },
    '/api/v1/search/suggest': {
      get: operation('suggestSearch', SEARCH_PATHS['/api/v1/search/suggest'].get),
    },
    '/api/v1/search/misses': {
      get: operation('listSearchMisses', SEARCH_PATHS['/api/v1/search/misses'].get),
    },
    ...troubleshootPaths(json, operation),
    ...diagnosePaths(json, operation),
    ...logsPaths(json, operation),
    '/api/v1/codes/{notation}': {
      get: operation('lookupCode', {
        summary: 'Every reading of a code, most likely first',
        parameters: [notationParameter],
        responses: {
          200: {
            description: 'The readings; `known: false` when the code parses but no table has it',
            content: json('CodeLookup'),
          },
        },
      }),
    },
    '/api/v1/codes/{notation}/suggestions': {
      get: operation('suggestCodes', {
        summary: 'Did you mean: real codes near a mistyped one',
        parameters: [notationParameter],
        responses: {
          200: { description: 'Nearest first, then most looked-up', content: json('Suggestions') },
        },
      }),
    },
    '/api/v1/codes/{code}/requests': {
      post: operation('requestArticle', {
        summary: 'Ask for an article about a code that has none (counted once a day per address)',
        parameters: [canonicalCode('code')],
        responses: { 201: { description: 'Counted', content: json('RequestOutcome') } },
      }),
    },
    '/api/v1/requests': {
      get: operation('listArticleRequests', {
        summary: 'Requested articles, most wanted first (needs the operator token)',
        security: [{ bearer: [] }],
        responses: { 200: { description: 'The requests', content: json('RequestList') } },
      }),
    },
    '/api/v1/families': {
      get: operation('listFamilies', {
        summary: 'Every family of codes',
        responses: { 200: { description: 'The families', content: json('FamilyList') } },
      }),
    },
    '/api/v1/families/{id}': {
      get: operation('getFamily', {
        summary: 'One family: what it means, what generally helps, notes on its codes',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { 200: { description: 'The family', content: json('Family') } },
      }),
    },
    '/api/v1/articles/{product}/{code}': {
      get: operation('getArticle', {
        summary: 'One article as the schema has it',
        parameters: [
          { name: 'product', in: 'path', required: true, schema: { type: 'string' } },
          canonicalCode('code'),
        ],
        responses: { 200: { description: 'The article', content: json('ArticleResponse') } },
      }),
    },
    '/api/openapi.json': {
      get: operation('getOpenApiDocument', {
        summary: 'This document',
        responses: {
          200: {
            description: 'The OpenAPI 3.1 document of this API',
            content: { 'application/json': { schema: { type: 'object' } } },
          },
        },
      }),
    },
  };
}

/**
 * The API's OpenAPI 3.1 document. `servers` is relative by default, which OpenAPI reads as
 * "where this document was served from"; a deployment can name its public address.
 */
export function buildOpenApiDocument(serverUrl = '/'): Record<string, unknown> {
  const routes = paths();
  return {
    openapi: '3.1.0',
    info: {
      title: 'Error Atlas API',
      version: '1.0.0',
      description:
        'Any notation of an error code → its readings, decode and articles. Errors are ' +
        '`{ error: { code, message } }` with a stable `code`; each operation lists the codes ' +
        'it can answer. An unknown path under /api answers 404 `not_found`.',
    },
    servers: [{ url: serverUrl, description: 'the server this document is served from' }],
    paths: routes,
    components: {
      // Only what a path uses, directly or through another schema.
      schemas: reachableComponents(routes, componentSchemas()),
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
    },
  };
}
