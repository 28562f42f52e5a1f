import { z } from 'zod';
import { diagnosisResponseSchema } from '../../app/diagnosis-response.js';
import { reportSchema } from '../../core/diagnose/report-schema.js';
import type { OperationId } from './openapi-errors.js';

// openapi-schemas.ts builds the components from zod's global registry (see troubleshoot-openapi.ts).
if (!z.globalRegistry.has(reportSchema))
  z.globalRegistry.add(reportSchema, { id: 'DiagnosticReport' });
void diagnosisResponseSchema;

type Content = (ref: string) => Record<string, unknown>;
type Operation = (
  id: OperationId,
  spec: { summary: string; responses: Record<string, unknown> } & Record<string, unknown>,
) => Record<string, unknown>;

/** The diagnostic report's path of the OpenAPI document. */
export function diagnosePaths(json: Content, operation: Operation) {
  return {
    '/api/v1/diagnoses': {
      post: operation('diagnoseReport', {
        summary:
          'Read a diagnostic report (the file `erratlas diagnose --script` writes): the findings, each with the fix it calls for. Nothing is stored.',
        requestBody: { required: true, content: json('DiagnosticReport') },
        responses: { 200: { description: 'What the report shows', content: json('Diagnosis') } },
      }),
    },
  };
}
