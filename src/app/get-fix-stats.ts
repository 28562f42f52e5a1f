import { DomainError } from '../core/errors.js';
import { checkPlatform } from './start-troubleshooting.js';
import type { AppDeps } from './deps.js';
import { toFixStats, type FixStatsResponse } from './troubleshoot-responses.js';
import { loadWalkSubject } from './walk-subject.js';
import { applicableFixes } from '../core/troubleshoot/walk-machine.js';

/** An article's fixes that apply on one platform, in the walk's order, with their outcome counts. */
export async function getFixStats(
  deps: Pick<AppDeps, 'store' | 'outcomes' | 'catalog' | 'families' | 'registry'>,
  product: string,
  code: string,
  platform: string | undefined,
): Promise<FixStatsResponse> {
  if (!platform) {
    throw new DomainError(
      'invalid_request',
      'say which platform with ?platform=, e.g. ?platform=windows-11',
    );
  }
  if (!(await deps.store.getArticleRef(product, code))) {
    throw new DomainError('not_found', `there is no article for ${code} in ${product}`);
  }
  checkPlatform(deps, product, platform);
  const { subject, tallies } = await loadWalkSubject(deps, { product, code }, platform);
  return {
    product,
    code,
    platform,
    fixes: toFixStats(applicableFixes(subject, platform), tallies),
  };
}
