import { createHash, timingSafeEqual } from 'node:crypto';
import { DomainError } from '../core/errors.js';
import type { AppDeps } from './deps.js';

const digest = (text: string): Buffer => createHash('sha256').update(text).digest();

/**
 * The operator-only listings (article requests, search misses) need `REQUESTS_TOKEN`; unset,
 * they are switched off. `what` names the listing in the message.
 */
export function requireOperatorToken(
  deps: Pick<AppDeps, 'requestsToken'>,
  token: string | undefined,
  what: string,
): void {
  if (deps.requestsToken === undefined) {
    throw new DomainError(
      'unauthorized',
      `listing ${what} is switched off; the operator sets REQUESTS_TOKEN to switch it on`,
    );
  }
  // Compare digests, so the comparison takes the same time whatever the token's length.
  if (token === undefined || !timingSafeEqual(digest(token), digest(deps.requestsToken))) {
    throw new DomainError(
      'unauthorized',
      'a valid token is needed: send "Authorization: Bearer <REQUESTS_TOKEN>"',
    );
  }
}
