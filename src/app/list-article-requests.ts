import type { RequestTally } from '../core/demand-ports.js';
import type { AppDeps } from './deps.js';
import { requireOperatorToken } from './operator-token.js';

/** Requested articles, most wanted first; only with the token from the configuration. */
export async function listArticleRequests(
  deps: Pick<AppDeps, 'demand' | 'requestsToken'>,
  token: string | undefined,
): Promise<RequestTally[]> {
  requireOperatorToken(deps, token, 'article requests');
  return deps.demand.listArticleRequests();
}
