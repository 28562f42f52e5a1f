import { MAX_SEARCH_LIMIT } from '../../app/search.js';

const query = (
  name: string,
  description: string,
  schema: Record<string, unknown> = { type: 'string' },
) => ({
  name,
  in: 'query',
  required: false,
  description,
  schema,
});

/** `GET /api/v1/search` in the OpenAPI document. */
export const SEARCH_PATHS = {
  '/api/v1/search': {
    get: {
      operationId: 'search',
      summary:
        'Search codes and articles: codes read exactly first, then did-you-mean, articles, codes by meaning',
      parameters: [
        query(
          'q',
          'Anything a person types: a code in any notation, a message, words. Never an error; cut at 2,048 characters.',
        ),
        query('product', 'A product slug (windows-update)'),
        query('severity', 'low, moderate, high or critical', {
          type: 'string',
          enum: ['low', 'moderate', 'high', 'critical'],
        }),
        query('family', 'A family id (see /api/v1/families)'),
        query('platform', 'A platform id (windows-11, windows-10, windows-server-2022, …)'),
        query('limit', `Results per group, 1 to ${MAX_SEARCH_LIMIT} (default 10)`, {
          type: 'integer',
          minimum: 1,
          maximum: MAX_SEARCH_LIMIT,
        }),
        query('cursor', 'The nextCursor of an earlier answer'),
      ],
      responses: {
        200: {
          description: 'The results, grouped, with facets',
          content: {
            'application/json': { schema: { $ref: '#/components/schemas/SearchResponse' } },
          },
        },
        400: {
          description:
            'A filter, limit or cursor that is not accepted: code `invalid_search_parameter`',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        },
      },
    },
  },
  '/api/v1/search/suggest': {
    get: {
      summary:
        'Search-as-you-type: a few options for what is in the box (codes, did-you-mean, articles, codes by meaning), the last word completed',
      parameters: [
        query(
          'q',
          'What is typed so far; read up to 200 characters. Empty: no options. Never an error.',
        ),
      ],
      responses: {
        200: {
          description: 'At most 8 options, best first; cacheable for a minute',
          content: {
            'application/json': { schema: { $ref: '#/components/schemas/SearchSuggestions' } },
          },
        },
      },
    },
  },
  '/api/v1/search/misses': {
    get: {
      summary:
        'Searches that found nothing or little, most searched first (needs the operator token): what the content does not answer yet',
      security: [{ bearer: [] }],
      responses: {
        200: {
          description:
            'Normalised queries with their count and when last searched; nothing personal',
          content: {
            'application/json': { schema: { $ref: '#/components/schemas/SearchMissList' } },
          },
        },
      },
    },
  },
};
