import { isCanonical } from '../core/codes/code-value.js';
import { DomainError } from '../core/errors.js';
import { findProduct } from '../core/products/registry.js';
import { startWalk } from '../core/troubleshoot/walk-machine.js';
import type { AppDeps } from './deps.js';
import { newSessionId, SESSION_LIFETIME_MS } from './troubleshoot-session-id.js';

export interface StartTroubleshooting {
  product: string;
  code: string;
  /** Given (the CLI's --platform, a link), the walk skips the platform question. */
  platform?: string;
  /** A fix to show first (a diagnostic finding's); a slug, else refused. */
  startFix?: string;
}

/** Checks a platform id against the product's list; the message lists what is accepted. */
export function checkPlatform(
  deps: Pick<AppDeps, 'registry'>,
  product: string,
  platform: string,
): void {
  const known = findProduct(deps.registry, product)?.platforms ?? [];
  if (!known.includes(platform)) {
    throw new DomainError(
      'invalid_request',
      `"${platform}" is not a platform of ${product}; choose one of: ${known.join(', ')}`,
    );
  }
}

/**
 * Starts a walk-through for a code: a new session with an unguessable id, kept server-side
 * for 30 days. A code without an article can be walked too (its family's general fixes).
 */
export async function startTroubleshooting(
  deps: Pick<AppDeps, 'sessions' | 'registry' | 'clock' | 'random' | 'outcomeLimit'>,
  input: StartTroubleshooting,
  /** The client address, for the rate limit (each session can record outcomes). */
  clientKey: string,
): Promise<{ id: string }> {
  if (!findProduct(deps.registry, input.product)) {
    throw new DomainError(
      'unknown_product',
      `"${input.product}" is not a product; known products: ${deps.registry.products.map((p) => p.slug).join(', ')}`,
    );
  }
  if (!isCanonical(input.code)) {
    throw new DomainError(
      'invalid_request',
      `"${input.code}" is not a code in canonical form; write 0x and 8 upper-case hex digits, e.g. 0x80244001`,
    );
  }
  if (input.platform !== undefined) checkPlatform(deps, input.product, input.platform);
  if (input.startFix !== undefined && !/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/.test(input.startFix)) {
    throw new DomainError(
      'invalid_request',
      `"${input.startFix.slice(0, 80)}" is not a fix id; fix ids are lower-case words joined by "-", e.g. reset-components`,
    );
  }
  if (!deps.outcomeLimit.take(clientKey)) {
    throw new DomainError(
      'rate_limited',
      `this address has started or answered ${deps.outcomeLimit.limit} times within the hour, the most allowed; try again later`,
    );
  }
  const now = deps.clock.now();
  const id = newSessionId(deps.random);
  // Expired sessions are deleted as new ones start: no timer, and the table stays bounded.
  await deps.sessions.deleteExpiredSessions(now.toISOString());
  await deps.sessions.createSession({
    id,
    state: startWalk(
      {
        product: input.product,
        code: input.code,
        ...(input.startFix === undefined ? {} : { startFix: input.startFix }),
      },
      input.platform,
    ),
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + SESSION_LIFETIME_MS).toISOString(),
  });
  return { id };
}
