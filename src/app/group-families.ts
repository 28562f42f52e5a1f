import { formatCode } from '../core/codes/code-value.js';
import { FAMILY_GROUPS, familyGroupOf } from '../core/families/family-groups.js';
import type { AppDeps } from './deps.js';
import { listFamilies } from './get-families.js';
import type { FamilySummary } from './responses.js';

export interface FamilyWithRange extends FamilySummary {
  /** The lowest and highest catalogued code of the family; absent when it has none. */
  range?: { first: string; last: string };
}

export interface FamilyGroupView {
  id: string;
  title: string;
  families: FamilyWithRange[];
}

/**
 * The families under their broad areas (Windows Update, network, servicing, setup, generic),
 * each with the range and number of its codes; empty areas are left out. Within an area the
 * families keep listFamilies' order (most specific first).
 */
export function groupFamilies(deps: Pick<AppDeps, 'families'>): FamilyGroupView[] {
  const groups = FAMILY_GROUPS.map((g) => ({
    id: g.id,
    title: g.title,
    families: [] as FamilyWithRange[],
  }));
  for (const summary of listFamilies(deps)) {
    const family = deps.families.get(summary.id);
    if (!family) continue;
    const members = deps.families.membersOf(family.id);
    const first = members[0];
    const last = members.at(-1);
    const group = groups.find((g) => g.id === familyGroupOf(family.match));
    group?.families.push(
      first === undefined || last === undefined
        ? summary
        : { ...summary, range: { first: formatCode(first), last: formatCode(last) } },
    );
  }
  return groups.filter((g) => g.families.length > 0);
}
