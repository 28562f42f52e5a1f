import { DomainError } from '../core/errors.js';
import { appliesOn } from '../core/troubleshoot/walk-machine.js';
import { ANSWERS, type Answer } from '../core/troubleshoot/walk.js';
import type { AppDeps } from './deps.js';
import { getArticleForReading } from './get-article.js';
import { checkPlatform } from './start-troubleshooting.js';
import { newSessionId, SESSION_ID } from './troubleshoot-session-id.js';

export interface FixOutcomeInput {
  product: string;
  code: string;
  fixId: string;
  platform: string;
  answer: string;
  /** The random id this browser answered with before (a cookie); absent: a new one is made. */
  sourceId?: string;
}

/**
 * "Did this fix it?" on the article page: one outcome for one fix, counted like a walk's. The
 * same source answering the same fix again counts once. Rate-limited per client (in memory).
 */
export async function recordFixOutcome(
  deps: Pick<AppDeps, 'store' | 'outcomes' | 'registry' | 'clock' | 'random' | 'outcomeLimit'>,
  input: FixOutcomeInput,
  clientKey: string,
): Promise<{ recorded: boolean; sourceId: string }> {
  if (!(ANSWERS as readonly string[]).includes(input.answer)) {
    throw new DomainError(
      'invalid_request',
      `"${input.answer}" is not an answer; send one of: ${ANSWERS.join(', ')}`,
    );
  }
  const { fixes } = await getArticleForReading(deps, input.product, input.code);
  const fix = fixes.find((f) => f.id === input.fixId);
  if (!fix) {
    throw new DomainError(
      'not_found',
      `the article for ${input.code} has no fix "${input.fixId}"; its fixes: ${fixes.map((f) => f.id).join(', ')}`,
    );
  }
  checkPlatform(deps, input.product, input.platform);
  if (!appliesOn(fix, input.platform)) {
    throw new DomainError(
      'invalid_request',
      `fix "${fix.id}" does not apply on ${input.platform}; it applies on: ${(fix.platforms ?? []).join(', ')}`,
    );
  }
  if (!deps.outcomeLimit.take(clientKey)) {
    throw new DomainError(
      'rate_limited',
      `this address has sent ${deps.outcomeLimit.limit} answers within the hour, the most allowed; try again later`,
    );
  }
  const sourceId =
    input.sourceId !== undefined && SESSION_ID.test(input.sourceId)
      ? input.sourceId
      : newSessionId(deps.random);
  const { recorded } = await deps.outcomes.recordOutcome({
    sourceId,
    product: input.product,
    code: input.code,
    fixId: fix.id,
    platform: input.platform,
    answer: input.answer as Answer,
    at: deps.clock.now().toISOString(),
  });
  return { recorded, sourceId };
}
