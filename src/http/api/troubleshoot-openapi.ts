import type { z } from 'zod';
import {
  fixStatsResponseSchema,
  sessionAnswerResponseSchema,
  sessionInputSchema,
  sessionResponseSchema,
  startSessionRequestSchema,
} from '../../app/troubleshoot-responses.js';

/** The troubleshooter's component schemas, by id (added to the document's registry). */
export const TROUBLESHOOT_SCHEMAS: [z.ZodType, string][] = [
  [startSessionRequestSchema, 'StartSession'],
  [sessionInputSchema, 'SessionInput'],
  [sessionResponseSchema, 'Session'],
  [sessionAnswerResponseSchema, 'SessionAnswer'],
  [fixStatsResponseSchema, 'FixStats'],
];

type Content = (ref: string) => Record<string, unknown>;
type ErrorResponse = (description: string) => Record<string, unknown>;

const idParameter = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };

/** The troubleshooter's paths of the OpenAPI document. */
export function troubleshootPaths(json: Content, errorResponse: ErrorResponse) {
  return {
    '/api/v1/sessions': {
      post: {
        operationId: 'startSession',
        summary: 'Start a walk-through of a code (a platform may be given; else it is asked first)',
        requestBody: { required: true, content: json('StartSession') },
        responses: {
          201: { description: 'The new session', content: json('Session') },
          400: errorResponse('Not a canonical code, or not a platform of the product'),
          404: errorResponse('No such product'),
          429: errorResponse('This address started too many sessions within the hour'),
        },
      },
    },
    '/api/v1/sessions/{id}': {
      get: {
        operationId: 'getSession',
        summary:
          'A session: the step open now, or how it ended, with the summary for a professional',
        parameters: [idParameter],
        responses: {
          200: { description: 'The session', content: json('Session') },
          404: errorResponse('No such session (session_not_found)'),
          410: errorResponse('The session is older than 30 days (session_expired)'),
        },
      },
    },
    '/api/v1/sessions/{id}/outcomes': {
      post: {
        operationId: 'answerSession',
        summary: 'The platform, or the answer to the open step (a repeat is recorded once)',
        parameters: [idParameter],
        requestBody: { required: true, content: json('SessionInput') },
        responses: {
          200: {
            description: 'Recorded (or a repeat) and the session now',
            content: json('SessionAnswer'),
          },
          400: errorResponse('Not the open step, or a body that is not accepted'),
          404: errorResponse('No such session (session_not_found)'),
          410: errorResponse('The session is older than 30 days (session_expired)'),
        },
      },
    },
    '/api/v1/articles/{product}/{code}/stats': {
      get: {
        operationId: 'getFixStats',
        summary: "An article's fixes on one platform, in the walk's order, with their outcomes",
        parameters: [
          { name: 'product', in: 'path', required: true, schema: { type: 'string' } },
          { name: 'code', in: 'path', required: true, schema: { type: 'string' } },
          { name: 'platform', in: 'query', required: true, schema: { type: 'string' } },
        ],
        responses: {
          200: { description: 'The statistics', content: json('FixStats') },
          400: errorResponse('No platform, or not one of the product'),
          404: errorResponse('No such article'),
        },
      },
    },
  };
}
