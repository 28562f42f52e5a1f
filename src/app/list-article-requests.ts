import { timingSafeEqual, createHash } from 'node:crypto';
import type { RequestTally } from '../core/demand-ports.js';
import { DomainError } from '../core/errors.js';
import type { AppDeps } from './deps.js';

const digest = (text: string): Buffer => createHash('sha256').update(text).digest();

/** Requested articles, most wanted first; only with the token from the configuration. */
export async function listArticleRequests(
  deps: Pick<AppDeps, 'demand' | 'requestsToken'>,
  token: string | undefined,
): Promise<RequestTally[]> {
  if (deps.requestsToken === undefined) {
    throw new DomainError(
      'unauthorized',
      'listing article requests is switched off; the operator sets REQUESTS_TOKEN to switch it on',
    );
  }
  // Compare digests, so the comparison takes the same time whatever the token's length.
  if (token === undefined || !timingSafeEqual(digest(token), digest(deps.requestsToken))) {
    throw new DomainError(
      'unauthorized',
      'a valid token is needed: send "Authorization: Bearer <REQUESTS_TOKEN>"',
    );
  }
  return deps.demand.listArticleRequests();
}
