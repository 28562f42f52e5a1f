import { suggestNearCodes } from '../core/codes/did-you-mean.js';
import type { AppDeps } from './deps.js';
import type { Suggestions } from './responses.js';
import { codePath } from './urls.js';

/**
 * Did you mean: real codes near what was typed, nearest first and, at the same distance, the
 * ones people look up most (then by value, so the order is stable).
 */
export async function suggestCodes(
  deps: Pick<AppDeps, 'catalog' | 'demand'>,
  input: string,
  limit = 8,
): Promise<Suggestions> {
  // Ask core for more than shown, so popularity can lift a code within its distance.
  const near = suggestNearCodes(input, deps.catalog, limit * 3);
  const counts = await deps.demand.lookupCounts(near.map((n) => n.code));
  const ranked = near
    .map((n) => ({ ...n, lookups: counts.get(n.code) ?? 0 }))
    .sort((a, b) => a.distance - b.distance || b.lookups - a.lookups || a.value - b.value)
    .slice(0, limit);
  return {
    input,
    suggestions: ranked.map((n) => ({
      code: n.code,
      distance: n.distance,
      lookups: n.lookups,
      names: n.names.map((name) => name.name),
      url: codePath(n.code),
    })),
  };
}
