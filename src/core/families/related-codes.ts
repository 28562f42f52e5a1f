import type { Catalog } from '../codes/catalog.js';
import type { CodeName } from '../codes/code-name.js';
import { formatCode } from '../codes/code-value.js';
import type { Decoded } from '../codes/decode-hresult.js';
import type { FamilyIndex } from './family-index.js';

/** Why a code is shown beside another, in the order they are listed. */
export type RelatedWhy = 'named-together' | 'neighbour' | 'same-family';

export type RelatedCode = {
  code: string;
  value: number;
  why: RelatedWhy;
  names: readonly CodeName[];
};

export type RelatedContext = {
  index: FamilyIndex;
  catalog: Pick<Catalog, 'namesOf'>;
  /** The code's decode and names, as the caller already has them. */
  decoded: Decoded;
  names: readonly CodeName[];
  /** Code value → the values named in the same article (its `related` list and its own code). */
  articleMentions: ReadonlyMap<number, readonly number[]>;
};

/**
 * Codes to show beside `value`: first those articles name together with it (in the order the
 * app gives), then its nearest catalogued neighbours below and above within its primary family,
 * then the family's other members, nearest first (below before above at equal distance).
 * Never the code itself, each code once, at most `limit`.
 */
export function relatedCodes(value: number, ctx: RelatedContext, limit = 12): RelatedCode[] {
  const out: RelatedCode[] = [];
  const seen = new Set<number>([value]);
  const add = (other: number, why: RelatedWhy): boolean => {
    if (out.length >= limit) return false;
    if (seen.has(other)) return true;
    seen.add(other);
    out.push({ code: formatCode(other), value: other, why, names: ctx.catalog.namesOf(other) });
    return out.length < limit;
  };

  for (const other of ctx.articleMentions.get(value) ?? []) {
    if (!add(other, 'named-together')) return out;
  }

  const primary = ctx.index.familiesOf(value, ctx.decoded, ctx.names)[0];
  if (primary === undefined) return out;
  const members = ctx.index.membersOf(primary.id);
  // members[below] < value < members[above]; the value itself is skipped when it is a member.
  const at = firstNotBelow(members, value);
  let below = at - 1;
  let above = members[at] === value ? at + 1 : at;

  const lower = members[below];
  const upper = members[above];
  if (lower !== undefined && !add(lower, 'neighbour')) return out;
  if (upper !== undefined && !add(upper, 'neighbour')) return out;
  if (lower !== undefined) below--;
  if (upper !== undefined) above++;

  for (;;) {
    const down = members[below];
    const up = members[above];
    if (down === undefined && up === undefined) return out;
    const takeDown = up === undefined || (down !== undefined && value - down <= up - value);
    const next = takeDown ? down : up;
    if (takeDown) below--;
    else above++;
    if (next !== undefined && !add(next, 'same-family')) return out;
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
