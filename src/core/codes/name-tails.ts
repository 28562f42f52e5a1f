/**
 * DESIGN.md: a symbolic name's "distinctive tail" is a suffix at a `_` boundary that matches
 * exactly one name in all tables. This index maps every proper `_`-bounded suffix
 * (upper-case) to the distinct names ending in it; deciding "exactly one" is the reader's job,
 * so an ambiguous tail can still list its candidates.
 */
export type TailIndex = ReadonlyMap<string, readonly string[]>;

/** `names` must be distinct (case-insensitively); each then appears once per tail. */
export function buildTailIndex(names: Iterable<string>): TailIndex {
  const index = new Map<string, string[]>();
  for (const name of names) {
    const upper = name.toUpperCase();
    // A leading `_` would give the whole name again; start after position 0.
    for (let at = upper.indexOf('_', 1); at !== -1; at = upper.indexOf('_', at + 1)) {
      const tail = upper.slice(at + 1);
      if (tail === '') continue;
      const holders = index.get(tail);
      if (holders === undefined) index.set(tail, [name]);
      else holders.push(name);
    }
  }
  return index;
}
