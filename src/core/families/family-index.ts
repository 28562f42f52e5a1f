import type { Catalog } from '../codes/catalog.js';
import type { CodeName } from '../codes/code-name.js';
import { formatCode } from '../codes/code-value.js';
import { decodeCode, type Decoded } from '../codes/decode-hresult.js';
import { fail, ok, type Result } from '../result.js';
import { describeMatch, type Family, type FamilyMatch } from './family-schema.js';

/** The bundled families, checked against the catalog, answering which families hold a code. */
export interface FamilyIndex {
  /** Every family whose rule the code matches, primary (lowest priority) first; ties by id. */
  familiesOf(value: number, decoded: Decoded, names: readonly CodeName[]): Family[];
  get(id: string): Family | undefined;
  /** All families, by priority then id. */
  list(): readonly Family[];
  /** The code's line from a family's `## Codes` (the most specific family that lists it). */
  noteFor(value: number): { family: string; text: string } | undefined;
  /** Sorted values of every catalogued code matching the family; [] for an unknown id. */
  membersOf(id: string): readonly number[];
}

/**
 * Does a code with this decode and these names belong to a family with this rule? (The index
 * also puts an unnamed setup result, known by its label, under `table: setup`.)
 */
export function matchesFamily(
  match: FamilyMatch,
  decoded: Decoded,
  names: readonly CodeName[],
): boolean {
  if ('wuComponent' in match) {
    return names.some((name) => name.table === 'wu' && name.component === match.wuComponent);
  }
  if ('table' in match) return names.some((name) => name.table === match.table);
  if ('cbsFamily' in match) {
    return names.some((name) => name.table === 'cbs' && name.cbsFamily === match.cbsFamily);
  }
  if ('wrapped' in match) {
    const wrapped = decoded.wrapped;
    if (wrapped === undefined || wrapped.scheme !== match.wrapped) return false;
    // FAMILY-FORMAT.md: `win32` is 0x8007xxxx; an NTSTATUS 0xC007xxxx stays with NTSTATUS.
    return wrapped.scheme !== 'win32' || wrapped.via === 'hresult';
  }
  return decoded.facility.number === match.facility;
}

const byPriority = (a: Family, b: Family): number =>
  a.priority - b.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Checks the families against the catalog and indexes them. Every problem is reported, one
 * per line, each starting with the family's id: ids unique; each `## Codes` line's code
 * catalogued, its name one of the code's names, the code matching the family's rule; and a
 * Windows Update family listing every code of its component.
 */
export function buildFamilyIndex(
  families: readonly Family[],
  catalog: Catalog,
): Result<FamilyIndex, string> {
  const problems: string[] = [];
  const byId = new Map<string, Family>();
  for (const family of families) {
    if (byId.has(family.id)) problems.push(`${family.id}: the id is used by two families`);
    else byId.set(family.id, family);
  }
  // A setup result the docs leave unnamed is still in setup-results.tsv (it has a label).
  const matches = (match: FamilyMatch, value: number, decoded: Decoded, names: Names): boolean =>
    matchesFamily(match, decoded, names) ||
    ('table' in match && match.table === 'setup' && catalog.labelOf(value) !== undefined);
  for (const family of byId.values()) problems.push(...checkCodes(family, catalog, matches));
  problems.push(...checkWuComplete([...byId.values()], catalog));
  if (problems.length > 0) return fail(problems.join('\n'));

  const sorted = [...byId.values()].sort(byPriority);
  const notes = new Map<number, { family: string; text: string }>();
  for (const family of sorted) {
    for (const { code, text } of family.codes) {
      const value = parseInt(code.slice(2), 16);
      if (!notes.has(value)) notes.set(value, { family: family.id, text });
    }
  }
  const members = new Map<string, readonly number[]>();
  const membersOf = (id: string): readonly number[] => {
    const family = byId.get(id);
    if (family === undefined) return [];
    let found = members.get(id);
    if (found === undefined) {
      found = Object.freeze(
        catalog
          .values()
          .filter((value) =>
            matches(family.match, value, decodeCode(value), catalog.namesOf(value)),
          )
          .sort((a, b) => a - b),
      );
      members.set(id, found);
    }
    return found;
  };

  return ok({
    familiesOf: (value, decoded, names) =>
      sorted.filter((family) => matches(family.match, value, decoded, names)),
    get: (id) => byId.get(id),
    list: () => sorted,
    noteFor: (value) => notes.get(value),
    membersOf,
  });
}

type Names = readonly CodeName[];
type Matches = (match: FamilyMatch, value: number, decoded: Decoded, names: Names) => boolean;

function checkCodes(family: Family, catalog: Catalog, matches: Matches): string[] {
  const problems: string[] = [];
  for (const { code, name } of family.codes) {
    const value = parseInt(code.slice(2), 16);
    const names = catalog.namesOf(value);
    if (!catalog.isKnown(value)) {
      problems.push(`${family.id}: ${code} is not in the code tables`);
      continue;
    }
    if (!names.some((known) => known.name === name)) {
      const listed = names.map((known) => known.name).join(', ') || '(none)';
      problems.push(
        `${family.id}: ${code} is not named ${name} in the tables; its names: ${listed}`,
      );
    }
    if (!matches(family.match, value, decodeCode(value), names)) {
      problems.push(
        `${family.id}: ${code} ${name} does not match the family's rule (${describeMatch(family.match)})`,
      );
    }
  }
  return problems;
}

/** A Windows Update family lists every code whose WU name carries its component. */
function checkWuComplete(families: readonly Family[], catalog: Catalog): string[] {
  const wanted = new Map<string, Family[]>();
  for (const family of families) {
    if (!('wuComponent' in family.match)) continue;
    const list = wanted.get(family.match.wuComponent);
    if (list === undefined) wanted.set(family.match.wuComponent, [family]);
    else list.push(family);
  }
  if (wanted.size === 0) return [];
  const byComponent = new Map<string, number[]>();
  for (const value of catalog.values()) {
    for (const name of catalog.namesOf(value)) {
      if (name.table !== 'wu' || name.component === undefined) continue;
      const values = byComponent.get(name.component);
      if (values === undefined) byComponent.set(name.component, [value]);
      else if (values[values.length - 1] !== value) values.push(value);
    }
  }
  const problems: string[] = [];
  for (const [component, holders] of wanted) {
    const values = (byComponent.get(component) ?? []).sort((a, b) => a - b);
    for (const family of holders) {
      const listed = new Set(family.codes.map(({ code }) => parseInt(code.slice(2), 16)));
      const missing = values.filter((value) => !listed.has(value));
      if (values.length === 0) {
        problems.push(`${family.id}: no code in wu-errors.tsv has component ${component}`);
      } else if (missing.length > 0) {
        const shown = missing.map((value) => formatCode(value)).join(', ');
        problems.push(
          `${family.id}: ## Codes lacks ${missing.length} of the ${values.length} codes of component ${component}: ${shown}`,
        );
      }
    }
  }
  return problems;
}
