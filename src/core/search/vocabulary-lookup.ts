import { RangeMax } from './range-max.js';
import { boundedEditDistance } from './typo-distance.js';

/**
 * The index's vocabulary made ready for the two questions a query asks of every term: which
 * terms are a few edits from a word (typos) and which start with it (completions). Made once
 * per vocabulary (the index hands out a new one when it changes) and kept beside it:
 * - typos: terms grouped by length, each with the set of characters it uses as bits; an edit
 *   changes at most two of those bits, so most terms are passed over without an edit distance;
 * - completions: the terms sorted, so a prefix is one range, and its most frequent terms come
 *   from a RangeMax instead of a walk over every term.
 */
export type Vocabulary = ReadonlyMap<string, number>;

interface Lookup {
  sorted: string[];
  frequent: RangeMax;
  byLength: Map<number, { terms: string[]; docs: number[]; bits: Int32Array }>;
}

const lookups = new WeakMap<Vocabulary, Lookup>();

/** The characters of a word as bits: a–z one each, digits four, anything else one more. */
function characterBits(word: string): number {
  let bits = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 97 && c <= 122) bits |= 1 << (c - 97);
    else if (c >= 48 && c <= 57) bits |= 1 << (26 + (c % 4));
    else bits |= 1 << 30;
  }
  return bits;
}

const countBits = (n: number): number => {
  let v = n - ((n >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
};

function lookupOf(vocabulary: Vocabulary): Lookup {
  let lookup = lookups.get(vocabulary);
  if (lookup) return lookup;
  const sorted = [...vocabulary.keys()].sort();
  const byLength = new Map<number, { terms: string[]; docs: number[]; bits: number[] }>();
  for (const [term, docs] of vocabulary) {
    let group = byLength.get(term.length);
    if (!group) byLength.set(term.length, (group = { terms: [], docs: [], bits: [] }));
    group.terms.push(term);
    group.docs.push(docs);
    group.bits.push(characterBits(term));
  }
  lookup = {
    sorted,
    frequent: new RangeMax(sorted.map((term) => vocabulary.get(term) ?? 0)),
    byLength: new Map(
      [...byLength].map(([length, g]) => [length, { ...g, bits: Int32Array.from(g.bits) }]),
    ),
  };
  lookups.set(vocabulary, lookup);
  return lookup;
}

/**
 * Indexed terms at most `edits` edits from the term or from the word as typed, nearest first,
 * then the more frequent, then in term order; at most `limit`.
 */
export function nearTerms(
  vocabulary: Vocabulary,
  term: string,
  word: string,
  edits: number,
  limit: number,
): string[] {
  const { byLength } = lookupOf(vocabulary);
  const found: { term: string; distance: number; docs: number }[] = [];
  const asked = [term, word].map((w) => ({ text: w, bits: characterBits(w) }));
  const lengths = new Set<number>();
  for (const { text } of asked)
    for (let d = -edits; d <= edits; d++) if (text.length + d > 0) lengths.add(text.length + d);
  for (const length of lengths) {
    const group = byLength.get(length);
    if (!group) continue;
    for (let i = 0; i < group.terms.length; i++) {
      const bits = group.bits[i] as number;
      let distance = edits + 1;
      for (const { text, bits: own } of asked) {
        if (Math.abs(text.length - length) > edits || countBits(bits ^ own) > 2 * edits) continue;
        distance = Math.min(distance, boundedEditDistance(text, group.terms[i] as string, edits));
      }
      if (distance <= edits)
        found.push({ term: group.terms[i] as string, distance, docs: group.docs[i] as number });
    }
  }
  return found
    .sort((a, b) => a.distance - b.distance || b.docs - a.docs || (a.term < b.term ? -1 : 1))
    .slice(0, limit)
    .map((f) => f.term);
}

/** Indexed terms longer than the prefix that start with it, the most frequent first; at most `limit`. */
export function completionsOf(vocabulary: Vocabulary, prefix: string, limit: number): string[] {
  const { sorted, frequent } = lookupOf(vocabulary);
  const lowerBound = (value: string): number => {
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((sorted[middle] as string) < value) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  let from = lowerBound(prefix);
  if (sorted[from] === prefix) from += 1;
  const to = lowerBound(`${prefix}\uffff`);
  return frequent.top(from, to, limit).map((at) => sorted[at] as string);
}
