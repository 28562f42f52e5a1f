import type { Catalog } from '../codes/catalog.js';

/**
 * Symbolic names written almost right: a missing prefix, an extra word, one word changed
 * (`PT_HTTP_STATUS_DENIED_ERROR` for `WU_E_PT_HTTP_STATUS_DENIED`). Names are compared as sets
 * of their `_` parts; the leading parts of a catalogued name (its scheme: `WU_E_`, `ERROR_`,
 * `E_`) may be left out for free.
 */

export interface NearName {
  value: number;
  name: string;
  distance: number;
  reason: string;
}

type NameParts = { value: number; name: string; parts: readonly string[] };
type PartIndex = { byPart: Map<string, NameParts[]> };

const indexes = new WeakMap<Catalog, PartIndex>();

function indexOf(catalog: Catalog): PartIndex {
  let index = indexes.get(catalog);
  if (index) return index;
  const byPart = new Map<string, NameParts[]>();
  for (const value of catalog.values()) {
    for (const { name } of catalog.namesOf(value)) {
      const entry = { value, name, parts: name.toUpperCase().split('_').filter(Boolean) };
      for (const part of new Set(entry.parts)) {
        const list = byPart.get(part) ?? [];
        list.push(entry);
        byPart.set(part, list);
      }
    }
  }
  index = { byPart };
  indexes.set(catalog, index);
  return index;
}

/** Scheme prefixes a person drops: at most the first two parts of the name. */
const FREE_LEADING_PARTS = 2;
const MAX_DISTANCE = 2;
const MAX_RESULTS = 3;

export function nearNames(text: string, catalog: Catalog): NearName[] {
  const found = new Map<number, NearName>();
  for (const [word] of text.matchAll(/[A-Za-z0-9]+(?:_[A-Za-z0-9]+)+/g)) {
    const parts = word.toUpperCase().split('_');
    if (catalog.valueOfName(word).length > 0) continue;
    const index = indexOf(catalog);
    // Candidates share the query's rarest part.
    const lists = parts
      .map((p) => index.byPart.get(p) ?? [])
      .filter((l) => l.length > 0)
      .sort((a, b) => a.length - b.length);
    const candidates = lists[0] ?? [];
    for (const entry of candidates.slice(0, 5000)) {
      const extra = parts.filter((p) => !entry.parts.includes(p)).length;
      const missing = entry.parts.filter(
        (p, i) => i >= FREE_LEADING_PARTS && !parts.includes(p),
      ).length;
      const shared = parts.length - extra;
      // One word changed counts as one, not as one missing plus one extra.
      const distance = Math.max(extra, missing);
      if (
        distance > MAX_DISTANCE ||
        shared < 2 ||
        shared < entry.parts.length - FREE_LEADING_PARTS - 1
      )
        continue;
      const seen = found.get(entry.value);
      if (seen === undefined || distance < seen.distance) {
        found.set(entry.value, {
          value: entry.value,
          name: entry.name,
          distance: distance + 1,
          reason: `"${word}" is close to the name ${entry.name} (a prefix left out, a word added or changed).`,
        });
      }
    }
  }
  return [...found.values()]
    .sort((a, b) => a.distance - b.distance || a.value - b.value)
    .slice(0, MAX_RESULTS);
}
