import { DomainError } from '../core/errors.js';
import { describeMatch, type Family } from '../core/families/family-schema.js';
import type { AppDeps } from './deps.js';
import type { FamilyDetail, FamilySummary } from './responses.js';
import { familyApiPath, familyPath } from './urls.js';

const summarize = (deps: Pick<AppDeps, 'families'>, family: Family): FamilySummary => ({
  id: family.id,
  title: family.title,
  priority: family.priority,
  members: deps.families.membersOf(family.id).length,
  url: familyPath(family.id),
  apiUrl: familyApiPath(family.id),
});

/** Every family, most specific (lowest priority number) first, then by id. */
export function listFamilies(deps: Pick<AppDeps, 'families'>): FamilySummary[] {
  return [...deps.families.list()]
    .sort((a, b) => a.priority - b.priority || a.id.localeCompare(b.id))
    .map((family) => summarize(deps, family));
}

/** One family with its text and its one-line notes; `not_found` lists the known ids. */
export function getFamily(deps: Pick<AppDeps, 'families'>, id: string): FamilyDetail {
  const family = deps.families.get(id);
  if (!family) {
    const known = deps.families
      .list()
      .map((f) => f.id)
      .join(', ');
    throw new DomainError('not_found', `there is no family "${id}"; families: ${known}`);
  }
  return {
    ...summarize(deps, family),
    match: describeMatch(family.match),
    description: family.description,
    helps: family.helps,
    retry: { ...family.retry },
    codes: family.codes.map((c) => ({ ...c })),
  };
}
