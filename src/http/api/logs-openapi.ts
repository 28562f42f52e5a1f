// The log schemas register their ids (`.meta({ id })`) in zod's global registry on import.
import '../../app/log-responses.js';
import type { OperationId } from './openapi-errors.js';

type Content = (ref: string) => Record<string, unknown>;
type Operation = (
  id: OperationId,
  spec: { summary: string; responses: Record<string, unknown> } & Record<string, unknown>,
) => Record<string, unknown>;

const rawLog = { schema: { type: 'string', format: 'binary' } };

/** The log analysis paths of the OpenAPI document (error responses from openapi-errors.ts). */
export function logsPaths(json: Content, operation: Operation) {
  return {
    '/api/v1/logs/analyze': {
      post: operation('analyzeLogs', {
        summary:
          'Diagnose WindowsUpdate, CBS, DISM, setup and ReportingEvents logs (a .zip of a logs folder too), streamed; the answer is redacted',
        description:
          'The body streams through the analyser and is not stored. Up to MAX_LOG_UPLOAD_BYTES (default 1 GiB); 413 past it. With share=true the redacted diagnosis (never the log) is kept for 30 days at an unguessable address.',
        parameters: [
          {
            name: 'share',
            in: 'query',
            required: false,
            description: 'true: keep the redacted diagnosis as a shared report for 30 days',
            schema: { type: 'string', enum: ['true', 'false'] },
          },
          {
            name: 'since',
            in: 'query',
            required: false,
            description:
              'leave out what the logs say before this local time: yyyy-MM-dd[ HH:mm[:ss]]',
            schema: { type: 'string' },
          },
          {
            name: 'name',
            in: 'query',
            required: false,
            description:
              'a raw body: its file name (CBS.log, logs.zip); a .zip name reads it as an archive',
            schema: { type: 'string' },
          },
        ],
        requestBody: {
          required: true,
          content: {
            'multipart/form-data': {
              schema: {
                type: 'object',
                properties: {
                  file: {
                    type: 'array',
                    items: { type: 'string', format: 'binary' },
                    description: 'one or more log files or .zip archives (at most 20)',
                  },
                  text: { type: 'string', description: 'a pasted log (at most 8 MiB)' },
                },
              },
            },
            'text/plain': rawLog,
            'application/octet-stream': rawLog,
            'application/zip': rawLog,
          },
        },
        responses: {
          200: { description: 'The diagnosis, redacted', content: json('LogAnalysis') },
        },
      }),
    },
    '/api/v1/logs/reports/{id}': {
      get: operation('getSharedLogReport', {
        summary: 'A shared log report (redacted), for 30 days after it was shared',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          200: { description: 'The shared report', content: json('SharedLogReport') },
        },
      }),
    },
  };
}
