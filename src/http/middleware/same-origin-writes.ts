import type { Context, MiddlewareHandler } from 'hono';
import { DomainError } from '../../core/errors.js';
import { fold, type Step } from './fold.js';

/** Methods that change something: a browser sends these for forms and scripts of any site. */
const READ_ONLY = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Was this request sent by a page of another site? Browsers say so in `Sec-Fetch-Site`
 * (`same-origin`, `same-site`, `cross-site`, or `none` when a person typed the address);
 * older ones send only `Origin`, which we compare with our own host (the host alone, since a
 * TLS proxy in front makes the scheme differ). A client that sends neither (curl, scripts)
 * is not a browser acting for someone else, so it is let through.
 */
export function crossSite(c: Context): string | undefined {
  const site = c.req.header('sec-fetch-site')?.toLowerCase();
  if (site !== undefined) {
    return site === 'same-origin' || site === 'none' ? undefined : `Sec-Fetch-Site: ${site}`;
  }
  const origin = c.req.header('origin');
  if (origin === undefined) return undefined;
  let host: string | undefined;
  try {
    host = new URL(origin).host;
  } catch {
    host = undefined;
  }
  const ours = c.req.header('host') ?? new URL(c.req.url).host;
  return host !== undefined && host === ours ? undefined : `Origin: ${origin.slice(0, 100)}`;
}

/**
 * CSRF protection for every state-changing request: one sent from another site is refused
 * with 403 `cross_site_request` before the route runs. (A token joins this once accounts
 * and their cookies exist.)
 */
export const sameOriginWritesStep = (): Step<undefined> => ({
  before(c) {
    if (READ_ONLY.has(c.req.method)) return undefined;
    const reason = crossSite(c);
    if (reason !== undefined) {
      throw new DomainError(
        'cross_site_request',
        `This ${c.req.method} came from another site (${reason}); ` +
          'changes are accepted only from Error Atlas’s own pages or from clients that are not browsers.',
      );
    }
    return undefined;
  },
});

export const sameOriginWrites = (): MiddlewareHandler => fold([sameOriginWritesStep()]);
