import { z } from 'zod';
import {
  fixStatsResponseSchema,
  sessionAnswerResponseSchema,
  sessionInputSchema,
  sessionResponseSchema,
  startSessionRequestSchema,
} from '../../app/troubleshoot-responses.js';
import type { OperationId } from './openapi-errors.js';

/** The troubleshooter's component schemas, by id. */
export const TROUBLESHOOT_SCHEMAS: [z.ZodType, string][] = [
  [startSessionRequestSchema, 'StartSession'],
  [sessionInputSchema, 'SessionInput'],
  [sessionResponseSchema, 'Session'],
  [sessionAnswerResponseSchema, 'SessionAnswer'],
  [fixStatsResponseSchema, 'FixStats'],
];

// openapi-schemas.ts builds the components from zod's global registry, where the other
// response schemas register their ids with `.meta({ id })`; these join them there.
for (const [schema, id] of TROUBLESHOOT_SCHEMAS) {
  if (!z.globalRegistry.has(schema)) z.globalRegistry.add(schema, { id });
}

type Content = (ref: string) => Record<string, unknown>;
/** openapi.ts's `operation`: adds the operation's error responses from the one table. */
type Operation = (
  id: OperationId,
  spec: { summary: string; responses: Record<string, unknown> } & Record<string, unknown>,
) => Record<string, unknown>;

const idParameter = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };

/** The troubleshooter's paths of the OpenAPI document (error responses from openapi-errors.ts). */
export function troubleshootPaths(json: Content, operation: Operation) {
  return {
    '/api/v1/sessions': {
      post: operation('startSession', {
        summary: 'Start a walk-through of a code (a platform may be given; else it is asked first)',
        requestBody: { required: true, content: json('StartSession') },
        responses: { 201: { description: 'The new session', content: json('Session') } },
      }),
    },
    '/api/v1/sessions/{id}': {
      get: operation('getSession', {
        summary:
          'A session: the step open now, or how it ended, with the summary for a professional',
        parameters: [idParameter],
        responses: { 200: { description: 'The session', content: json('Session') } },
      }),
    },
    '/api/v1/sessions/{id}/outcomes': {
      post: operation('answerSession', {
        summary: 'The platform, or the answer to the open step (a repeat is recorded once)',
        parameters: [idParameter],
        requestBody: { required: true, content: json('SessionInput') },
        responses: {
          200: {
            description: 'Recorded (or a repeat) and the session now',
            content: json('SessionAnswer'),
          },
        },
      }),
    },
    '/api/v1/articles/{product}/{code}/stats': {
      get: operation('getFixStats', {
        summary: "An article's fixes on one platform, in the walk's order, with their outcomes",
        parameters: [
          { name: 'product', in: 'path', required: true, schema: { type: 'string' } },
          { name: 'code', in: 'path', required: true, schema: { type: 'string' } },
          { name: 'platform', in: 'query', required: true, schema: { type: 'string' } },
        ],
        responses: { 200: { description: 'The statistics', content: json('FixStats') } },
      }),
    },
  };
}
