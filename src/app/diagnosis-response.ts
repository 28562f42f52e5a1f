import { z } from 'zod';

/** The diagnosis as the API answers it and `erratlas diagnose --json` prints it (app/diagnose-report.ts). */
export const diagnosisResponseSchema = z
  .object({
    windows: z.object({ name: z.string().nullable(), build: z.string().nullable() }),
    findings: z.array(
      z.object({
        kind: z
          .string()
          .meta({ description: 'stable: service-disabled, restart-pending, …, update-error' }),
        severity: z.enum(['problem', 'note']),
        title: z.string(),
        detail: z.string(),
        fix: z
          .object({
            product: z.string(),
            code: z.string(),
            fixId: z.string().nullable(),
            fixTitle: z.string().nullable(),
            readUrl: z.string(),
            walkUrl: z.string().meta({ description: 'the walk-through, starting at the fix' }),
          })
          .nullable(),
      }),
    ),
    problems: z.array(z.string()),
  })
  .meta({ id: 'Diagnosis' });
