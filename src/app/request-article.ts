import { createHash, randomBytes } from 'node:crypto';
import { isCanonical } from '../core/codes/code-value.js';
import { DomainError } from '../core/errors.js';
import type { AppDeps } from './deps.js';
import { articlePath } from './urls.js';

/** How many different codes one address may ask for in a day. */
export const DAILY_REQUEST_LIMIT = 20;

export interface RequestOutcome {
  code: string;
  /** False when this address had already asked for this code today (it counts once). */
  recorded: boolean;
  requests: number;
}

/**
 * "Request an article": counts demand for a code that has no article. The address is only
 * hashed with the day's salt (kept in storage, deleted the next day), never stored.
 *
 * The limit check and the insert are one unit of work: requests arriving together (pipelined
 * on one connection, or at several instances) are counted one after another, so no more than
 * DAILY_REQUEST_LIMIT of them are ever stored for one address and day.
 */
export async function requestArticle(
  deps: Pick<AppDeps, 'unitOfWork' | 'clock'>,
  code: string,
  address: string,
): Promise<RequestOutcome> {
  if (!isCanonical(code)) {
    throw new DomainError(
      'invalid_request',
      `"${code}" is not a code in canonical form; write 0x and 8 upper-case hex digits, e.g. 0x80070005`,
    );
  }
  const now = deps.clock.now();
  const day = now.toISOString().slice(0, 10);
  return deps.unitOfWork.run(async (tx) => {
    const existing = await tx.articles.findArticlesByCode(code);
    if (existing.length > 0) {
      throw new DomainError('article_exists', `an article about ${code} exists already`, {
        articles: existing.map((a) => articlePath(a.product, a.code)),
      });
    }
    const salt = await tx.demand.dailySalt(day, () => randomBytes(32).toString('hex'));
    const requesterHash = createHash('sha256').update(`${salt}\n${day}\n${address}`).digest('hex');
    const alreadyToday = await tx.demand.countRequestsBy(requesterHash, day);
    if (alreadyToday >= DAILY_REQUEST_LIMIT) {
      throw new DomainError(
        'rate_limited',
        `this address has asked for ${DAILY_REQUEST_LIMIT} articles today, the most a day allows; try again tomorrow`,
      );
    }
    const { recorded, requests } = await tx.demand.recordArticleRequest({
      code,
      requesterHash,
      day,
      at: now.toISOString(),
    });
    return { code, recorded, requests };
  });
}
