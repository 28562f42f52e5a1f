import { z } from 'zod';
import { inlineFixSchema, riskSchema } from '../core/articles/schema.js';
import { ANSWERS, COULD_NOT_REASONS } from '../core/troubleshoot/walk.js';
import type { FixTally } from '../core/troubleshoot/fix-estimate.js';
import { successShown } from '../core/troubleshoot/fix-estimate.js';
import type { TroubleshootingSessionView } from './get-troubleshooting-session.js';
import { troubleshootSessionPath } from './urls.js';

/** The troubleshooter's JSON shapes (API requests and answers), the source of their OpenAPI parts. */

export const startSessionRequestSchema = z.strictObject({
  product: z.string(),
  code: z.string(),
  platform: z.string().optional(),
  /** A fix to show first (as a diagnostic finding or `erratlas fix --from` names it). */
  fix: z.string().optional(),
});

export const sessionInputSchema = z.union([
  z.strictObject({ platform: z.string() }),
  z.strictObject({
    step: z.number().int().min(0),
    fix: z.string(),
    answer: z.enum(ANSWERS),
    reason: z.enum(COULD_NOT_REASONS).optional(),
    message: z.string().optional(),
    newCode: z.string().optional(),
  }),
]);

const successShownSchema = z.object({
  percent: z.number(),
  people: z.number().int(),
  low: z.number(),
  high: z.number(),
});

export const sessionResponseSchema = z.object({
  id: z.string(),
  url: z.string(),
  status: z.enum(['choose-platform', 'in-progress', 'fixed', 'exhausted']),
  platform: z.string().optional(),
  path: z.array(z.object({ product: z.string(), code: z.string() })),
  steps: z.array(
    z.object({
      leg: z.number().int(),
      fixId: z.string(),
      answer: z.enum(ANSWERS),
      reason: z.enum(COULD_NOT_REASONS).optional(),
      message: z.string().optional(),
      decodedCode: z.string().optional(),
    }),
  ),
  subject: z.object({
    product: z.string(),
    code: z.string(),
    kind: z.enum(['article', 'family']),
    familyId: z.string().optional(),
  }),
  current: z
    .object({
      step: z.number().int(),
      position: z.number().int(),
      of: z.number().int(),
      fix: inlineFixSchema,
      success: successShownSchema.optional(),
    })
    .optional(),
  fixedBy: z.string().optional(),
  escalation: z.string().optional(),
  expiresAt: z.string(),
  summary: z.string(),
});
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

export const fixStatsResponseSchema = z.object({
  product: z.string(),
  code: z.string(),
  platform: z.string(),
  fixes: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      risk: riskSchema.optional(),
      fixed: z.number().int(),
      stillFailing: z.number().int(),
      couldNotDo: z.number().int(),
      shown: successShownSchema.optional(),
    }),
  ),
});
export type FixStatsResponse = z.infer<typeof fixStatsResponseSchema>;

export function toSessionResponse(view: TroubleshootingSessionView): SessionResponse {
  const { session, subject } = view;
  const first = session.state.path[0]!;
  const response: SessionResponse = {
    id: session.id,
    url: troubleshootSessionPath(first.product, first.code, session.id),
    status: session.state.status,
    path: session.state.path,
    steps: session.state.steps,
    subject: {
      product: subject.product,
      code: subject.code,
      kind: subject.source.kind,
      ...(subject.source.kind === 'family' && subject.source.familyId
        ? { familyId: subject.source.familyId }
        : {}),
    },
    expiresAt: session.expiresAt,
    summary: view.summary,
  };
  if (session.state.platform !== undefined) response.platform = session.state.platform;
  if (view.view.kind === 'step') {
    response.current = {
      step: view.view.step,
      position: view.view.position,
      of: view.view.of,
      fix: view.view.fix,
      ...(view.success ? { success: view.success } : {}),
    };
  }
  if (view.view.kind === 'fixed') response.fixedBy = view.view.by.fixId;
  if (view.view.kind === 'exhausted' && subject.escalation)
    response.escalation = subject.escalation;
  return response;
}

export const toFixStats = (
  fixes: readonly { id: string; title: string; risk?: z.infer<typeof riskSchema> | undefined }[],
  tallies: ReadonlyMap<string, FixTally>,
) =>
  fixes.map((fix) => {
    const t = tallies.get(fix.id) ?? { fixed: 0, stillFailing: 0, couldNotDo: 0 };
    const shown = successShown(t);
    return {
      id: fix.id,
      title: fix.title,
      ...(fix.risk ? { risk: fix.risk } : {}),
      ...t,
      ...(shown ? { shown } : {}),
    };
  });

export const sessionAnswerResponseSchema = z.object({
  /** False for an answer already recorded (a repeat); the session is as it was. */
  recorded: z.boolean(),
  session: sessionResponseSchema,
});
