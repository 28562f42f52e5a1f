import { z } from 'zod';
import { CANONICAL_CODE } from '../../core/codes/code-value.js';
import {
  articleResponseSchema,
  codeLookupSchema,
  errorResponseSchema,
  familyDetailSchema,
  familyListSchema,
  requestListSchema,
  requestOutcomeSchema,
  suggestionsSchema,
} from '../../app/responses.js';
import { TROUBLESHOOT_SCHEMAS, troubleshootPaths } from './troubleshoot-openapi.js';

const json = (ref: string) => ({
  'application/json': { schema: { $ref: `#/components/schemas/${ref}` } },
});

const errorResponse = (description: string) => ({ description, content: json('Error') });

/** Component schemas from the same zod schemas that shape the responses. */
function componentSchemas(): Record<string, unknown> {
  const registry = z.registry<{ id: string }>();
  registry.add(codeLookupSchema, { id: 'CodeLookup' });
  registry.add(articleResponseSchema, { id: 'ArticleResponse' });
  registry.add(errorResponseSchema, { id: 'Error' });
  registry.add(suggestionsSchema, { id: 'Suggestions' });
  registry.add(familyListSchema, { id: 'FamilyList' });
  registry.add(familyDetailSchema, { id: 'Family' });
  registry.add(requestOutcomeSchema, { id: 'RequestOutcome' });
  registry.add(requestListSchema, { id: 'RequestList' });
  for (const [schema, id] of TROUBLESHOOT_SCHEMAS) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { uri: (id) => `#/components/schemas/${id}` });
  // Nested schemas with their own ids (Reading, Decoded, …) come out as components too.
  const all = {
    ...z.toJSONSchema(z.globalRegistry, { uri: (id) => `#/components/schemas/${id}` }).schemas,
    ...schemas,
  };
  return Object.fromEntries(
    Object.entries(all).map(([id, schema]) => {
      const { $schema: _schema, $id: _id, ...rest } = schema as Record<string, unknown>;
      return [id, rest];
    }),
  );
}

const notationParameter = {
  name: 'notation',
  in: 'path',
  required: true,
  description:
    '0x80244001, 80244001, -2145107967, 2149859329, WU_E_PT_SOAPCLIENT_INITIALIZE, or a line of text with a code in it',
  schema: { type: 'string' },
};

export function buildOpenApiDocument(): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Error Atlas API',
      version: '1.0.0',
      description:
        'Any notation of an error code → its readings, decode and articles. Errors are ' +
        '`{ error: { code, message } }` with a stable `code`.',
    },
    paths: {
      ...troubleshootPaths(json, errorResponse),
      '/api/v1/codes/{notation}': {
        get: {
          operationId: 'lookupCode',
          summary: 'Every reading of a code, most likely first',
          parameters: [notationParameter],
          responses: {
            200: {
              description: 'The readings; `known: false` when the code parses but no table has it',
              content: json('CodeLookup'),
            },
            400: errorResponse('The input is not a code; `suggestions` may name what was meant'),
          },
        },
      },
      '/api/v1/codes/{notation}/suggestions': {
        get: {
          operationId: 'suggestCodes',
          summary: 'Did you mean: real codes near a mistyped one',
          parameters: [notationParameter],
          responses: {
            200: {
              description: 'Nearest first, then most looked-up',
              content: json('Suggestions'),
            },
          },
        },
      },
      '/api/v1/codes/{code}/requests': {
        post: {
          operationId: 'requestArticle',
          summary: 'Ask for an article about a code that has none (counted once a day per address)',
          parameters: [
            {
              name: 'code',
              in: 'path',
              required: true,
              schema: { type: 'string', pattern: CANONICAL_CODE.source },
            },
          ],
          responses: {
            201: { description: 'Counted', content: json('RequestOutcome') },
            400: errorResponse('Not a canonical code'),
            409: errorResponse('The code has an article already'),
            429: errorResponse('This address has asked for too many articles today'),
          },
        },
      },
      '/api/v1/requests': {
        get: {
          operationId: 'listArticleRequests',
          summary: 'Requested articles, most wanted first (needs the operator token)',
          security: [{ bearer: [] }],
          responses: {
            200: { description: 'The requests', content: json('RequestList') },
            401: errorResponse('No token, a wrong token, or listing switched off'),
          },
        },
      },
      '/api/v1/families': {
        get: {
          operationId: 'listFamilies',
          summary: 'Every family of codes',
          responses: { 200: { description: 'The families', content: json('FamilyList') } },
        },
      },
      '/api/v1/families/{id}': {
        get: {
          operationId: 'getFamily',
          summary: 'One family: what it means, what generally helps, notes on its codes',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            200: { description: 'The family', content: json('Family') },
            404: errorResponse('No such family'),
          },
        },
      },
      '/api/v1/articles/{product}/{code}': {
        get: {
          operationId: 'getArticle',
          summary: 'One article as the schema has it',
          parameters: [
            { name: 'product', in: 'path', required: true, schema: { type: 'string' } },
            {
              name: 'code',
              in: 'path',
              required: true,
              schema: { type: 'string', pattern: CANONICAL_CODE.source },
            },
          ],
          responses: {
            200: { description: 'The article', content: json('ArticleResponse') },
            404: errorResponse('No such product or article'),
          },
        },
      },
    },
    components: {
      schemas: componentSchemas(),
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
    },
  };
}
