import type { SearchMissTally } from '../core/demand-ports.js';
import type { AppDeps } from './deps.js';
import { requireOperatorToken } from './operator-token.js';

/** How many misses one listing gives: the most searched, which is what an editor starts with. */
export const SEARCH_MISSES_LISTED = 500;

/** Searches that found nothing or little, most searched first; only with the operator token. */
export async function listSearchMisses(
  deps: Pick<AppDeps, 'demand' | 'requestsToken'>,
  token: string | undefined,
): Promise<SearchMissTally[]> {
  requireOperatorToken(deps, token, 'search misses');
  return deps.demand.listSearchMisses(SEARCH_MISSES_LISTED);
}
