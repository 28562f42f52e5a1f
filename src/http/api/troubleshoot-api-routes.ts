import type { Context, Hono } from 'hono';
import type { z } from 'zod';
import { answerTroubleshootingStep } from '../../app/answer-troubleshooting-step.js';
import type { AppDeps } from '../../app/deps.js';
import { getFixStats } from '../../app/get-fix-stats.js';
import { getTroubleshootingSession } from '../../app/get-troubleshooting-session.js';
import { startTroubleshooting } from '../../app/start-troubleshooting.js';
import {
  sessionInputSchema,
  startSessionRequestSchema,
  toSessionResponse,
} from '../../app/troubleshoot-responses.js';
import { DomainError } from '../../core/errors.js';
import { clientAddress } from '../client-address.js';

const NO_STORE = { 'cache-control': 'no-store' };

/** A JSON body read with its schema; what is wrong comes back as `invalid_request`. */
async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new DomainError(
      'invalid_request',
      'the body must be JSON (content-type: application/json)',
    );
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new DomainError(
      'invalid_request',
      `the body is not accepted: ${first ? `${first.path.join('.') || '(body)'}: ${first.message}` : 'invalid'}`,
    );
  }
  return parsed.data;
}

/** The troubleshooter's JSON API: sessions, their answers, and an article's fix statistics. */
export function registerTroubleshootApiRoutes(app: Hono, deps: AppDeps): void {
  app.post('/api/v1/sessions', async (c) => {
    const input = await readJson(c, startSessionRequestSchema);
    const { id } = await startTroubleshooting(
      deps,
      {
        product: input.product,
        code: input.code,
        ...(input.platform ? { platform: input.platform } : {}),
        ...(input.fix ? { startFix: input.fix } : {}),
      },
      clientAddress(c),
    );
    return c.json(toSessionResponse(await getTroubleshootingSession(deps, id)), 201, NO_STORE);
  });

  app.get('/api/v1/sessions/:id', async (c) =>
    c.json(
      toSessionResponse(await getTroubleshootingSession(deps, c.req.param('id'))),
      200,
      NO_STORE,
    ),
  );

  app.post('/api/v1/sessions/:id/outcomes', async (c) => {
    const id = c.req.param('id');
    const input = await readJson(c, sessionInputSchema);
    const { recorded } = await answerTroubleshootingStep(
      deps,
      id,
      'platform' in input
        ? { kind: 'platform', platform: input.platform }
        : {
            kind: 'answer',
            step: input.step,
            fixId: input.fix,
            answer: input.answer,
            ...(input.reason ? { reason: input.reason } : {}),
            ...(input.message ? { message: input.message } : {}),
            ...(input.newCode ? { newCode: input.newCode } : {}),
          },
    );
    const session = toSessionResponse(await getTroubleshootingSession(deps, id));
    return c.json({ recorded, session }, 200, NO_STORE);
  });

  app.get('/api/v1/articles/:product/:code/stats', async (c) => {
    const { product, code } = c.req.param();
    return c.json(await getFixStats(deps, product, code, c.req.query('platform')), 200, NO_STORE);
  });
}
