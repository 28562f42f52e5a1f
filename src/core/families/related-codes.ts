import type { Catalog } from '../codes/catalog.js';
import type { CodeName } from '../codes/code-name.js';
import { formatCode } from '../codes/code-value.js';
import type { Decoded } from '../codes/decode-hresult.js';
import type { FamilyIndex } from './family-index.js';

/**
 * Why a code is shown beside another, in the order the groups are listed: named with it in an
 * article, in its primary family, next to it in number among all catalogued codes.
 */
export type RelatedWhy = 'named-together' | 'same-family' | 'neighbour';

export type RelatedCode = {
  code: string;
  value: number;
  why: RelatedWhy;
  names: readonly CodeName[];
};

export type RelatedContext = {
  index: FamilyIndex;
  catalog: Pick<Catalog, 'namesOf' | 'values'>;
  /** The code's decode and names, as the caller already has them. */
  decoded: Decoded;
  names: readonly CodeName[];
  /** Code value → the values named in the same article (its `related` list and its own code). */
  articleMentions: ReadonlyMap<number, readonly number[]>;
};

/** How many of each group at most; neighbours are counted per side. */
export type RelatedLimits = { named: number; family: number; neighboursPerSide: number };

export const RELATED_LIMITS: RelatedLimits = { named: 12, family: 8, neighboursPerSide: 2 };

/**
 * Codes to show beside `value`, grouped by why, each code once (in the first group that has
 * it), never the code itself:
 * - named together: as the articles name them (the app's order);
 * - same family: the primary family's members nearest to the value (below first at a tie),
 *   listed in ascending order so the list reads as a stretch of the family around the code;
 * - neighbours: the catalogued values just below and above it, in ascending order; those
 *   already shown are left out, not replaced, so a code inside a family usually has none.
 */
export function relatedCodes(
  value: number,
  ctx: RelatedContext,
  limits: RelatedLimits = RELATED_LIMITS,
): RelatedCode[] {
  const seen = new Set<number>([value]);
  const take = (values: Iterable<number>, why: RelatedWhy, max: number): RelatedCode[] => {
    const out: RelatedCode[] = [];
    for (const other of values) {
      if (out.length >= max) break;
      if (seen.has(other)) continue;
      seen.add(other);
      out.push({ code: formatCode(other), value: other, why, names: ctx.catalog.namesOf(other) });
    }
    return out;
  };

  const named = take(ctx.articleMentions.get(value) ?? [], 'named-together', limits.named);
  const primary = ctx.index.familiesOf(value, ctx.decoded, ctx.names)[0];
  const members = primary === undefined ? [] : ctx.index.membersOf(primary.id);
  const family = take(nearestFirst(members, value), 'same-family', limits.family);
  const all = ctx.catalog.values();
  const at = firstNotBelow(all, value);
  const above = all[at] === value ? at + 1 : at;
  const perSide = limits.neighboursPerSide;
  const around = [
    ...all.slice(Math.max(0, at - perSide), at),
    ...all.slice(above, above + perSide),
  ];
  const neighbours = take(around, 'neighbour', around.length);
  return [...named, ...family.sort(byValue), ...neighbours];
}

const byValue = (a: RelatedCode, b: RelatedCode): number => a.value - b.value;

/** A sorted list's elements other than `value`, nearest to it first (below first at a tie). */
function* nearestFirst(sorted: readonly number[], value: number): Generator<number> {
  const at = firstNotBelow(sorted, value);
  let below = at - 1;
  let above = sorted[at] === value ? at + 1 : at;
  for (;;) {
    const down = sorted[below];
    const up = sorted[above];
    if (down !== undefined && (up === undefined || value - down <= up - value)) {
      yield down;
      below--;
    } else if (up !== undefined) {
      yield up;
      above++;
    } else {
      return;
    }
  }
}

/** The index of the first element ≥ `value` in an ascending list (its length when none). */
function firstNotBelow(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((sorted[mid] ?? Infinity) < value) low = mid + 1;
    else high = mid;
  }
  return low;
}
