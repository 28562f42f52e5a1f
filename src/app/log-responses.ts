import { z } from 'zod';

/**
 * The JSON of `POST /api/v1/logs/analyze` and of a shared report, as zod schemas: they give
 * the OpenAPI components, and the API test parses real answers with them, so the document
 * and the answers cannot drift apart. Every text in them is redacted by the analyser.
 */
const opt = <T extends z.ZodType>(schema: T) => schema.optional();

export const logFindingSchema = z
  .object({
    code: z.string().describe('canonical 0x + 8 hex digits'),
    value: z.number().int(),
    name: opt(z.string()),
    context: z.string().describe('how the log wrote it: hr=, *FAILED* [..], [HRESULT = ..]…'),
    extend: opt(z.number().int()),
    time: opt(z.string()),
    component: opt(z.string()),
    level: opt(z.string()),
    file: z.string(),
    line: z.number().int(),
    text: z.string(),
    before: z.array(z.string()),
    after: z.array(z.string()),
    noise: opt(z.string()).describe('why this is known-harmless; absent when it is not noise'),
  })
  .meta({ id: 'LogFinding' });

const runSchema = z
  .object({
    kind: z.enum([
      'scan',
      'download',
      'install',
      'servicing session',
      'setup attempt',
      'operation',
    ]),
    label: z.string(),
    file: z.string(),
    startLine: z.number().int(),
    startTime: opt(z.string()),
    endLine: opt(z.number().int()),
    endTime: opt(z.string()),
    firstFailure: opt(logFindingSchema),
    result: z.enum(['failed', 'succeeded', 'unknown', 'no end in the log']),
    resultCode: opt(z.string()),
  })
  .meta({ id: 'LogRun' });

const ruleMatchSchema = z
  .object({
    rule: z.string(),
    title: z.string(),
    cause: z.string(),
    fix: z.string(),
    source: z.string(),
    article: opt(z.string()),
    step: opt(z.string()),
    evidence: z.array(z.object({ file: z.string(), line: z.number().int(), text: z.string() })),
    setup: opt(
      z.object({
        result: z.string(),
        extend: opt(z.string()),
        phase: opt(z.string()),
        operation: opt(z.string()),
      }),
    ),
  })
  .meta({ id: 'LogRuleMatch' });

const codeGroupSchema = z
  .object({
    code: z.string(),
    name: opt(z.string()),
    count: z.number().int(),
    noiseCount: z.number().int(),
    firstTime: opt(z.string()),
    lastTime: opt(z.string()),
    first: logFindingSchema,
    last: logFindingSchema,
  })
  .meta({ id: 'LogCodeGroup' });

export const diagnosisSchema = z
  .object({
    verdict: z.string(),
    failureFound: z.boolean(),
    matches: z.array(ruleMatchSchema),
    groups: z.array(codeGroupSchema),
    telling: z.array(logFindingSchema),
    runs: z.array(runSchema),
    timeline: z.array(
      z.object({
        time: opt(z.string()),
        file: z.string(),
        line: z.number().int(),
        what: z.string(),
      }),
    ),
    files: z.array(
      z
        .object({
          file: z.string(),
          format: z.string(),
          encoding: z.string(),
          bytes: z.number().int(),
          lines: z.number().int(),
          notices: z.array(z.string()),
          findingsDropped: z.number().int(),
          runsDropped: z.number().int(),
        })
        .loose(),
    ),
    refused: z.array(z.object({ file: z.string(), reason: z.string() })),
  })
  .meta({ id: 'LogDiagnosis' });

const sharedReportSchema = z.object({
  id: z.string(),
  url: z.string().describe('the page of the shared report'),
  expiresAt: z.string(),
});

export const analyzeLogsResponseSchema = z
  .object({
    diagnosis: diagnosisSchema,
    report: opt(sharedReportSchema).describe('present only when ?share=true asked to share it'),
  })
  .meta({ id: 'LogAnalysis' });

export const sharedReportResponseSchema = z
  .object({
    diagnosis: diagnosisSchema,
    sharedAt: z.string(),
    expiresAt: z.string(),
  })
  .meta({ id: 'SharedLogReport' });
