import { describe, expect, it } from 'vitest';
import { boundedEditDistance } from './typo-distance.js';
import { completionsOf, nearTerms } from './vocabulary-lookup.js';

/** The walk over every term that the lookup replaces: it must answer the same. */
function walkNear(vocabulary: Map<string, number>, term: string, word: string, edits: number) {
  const found: { term: string; distance: number; docs: number }[] = [];
  for (const [candidate, docs] of vocabulary) {
    const distance = Math.min(
      boundedEditDistance(term, candidate, edits),
      boundedEditDistance(word, candidate, edits),
    );
    if (distance <= edits) found.push({ term: candidate, distance, docs });
  }
  return found
    .sort((a, b) => a.distance - b.distance || b.docs - a.docs || (a.term < b.term ? -1 : 1))
    .slice(0, 6)
    .map((f) => f.term);
}
function walkCompletions(vocabulary: Map<string, number>, prefix: string) {
  return [...vocabulary]
    .filter(([t]) => t.length > prefix.length && t.startsWith(prefix))
    .sort(([a, da], [b, db]) => db - da || (a < b ? -1 : 1))
    .slice(0, 12)
    .map(([t]) => t);
}

let seed = 11;
const next = (n: number): number => (seed = (seed * 48271) % 2147483647) % n;
const LETTERS = 'abcdeirstuxz0189é';
const randomWord = (): string =>
  Array.from({ length: 2 + next(10) }, () => LETTERS[next(LETTERS.length)]).join('');
const vocabulary = new Map<string, number>();
while (vocabulary.size < 3000) vocabulary.set(randomWord(), 1 + next(40));
for (const real of ['servicing', 'service', 'server', 'proxy', 'proxies', '0x80244001'])
  vocabulary.set(real, 1 + next(40));

describe('vocabulary lookup', () => {
  it('finds the same typo corrections as comparing every term', () => {
    for (let i = 0; i < 300; i++) {
      const word =
        i < 6 ? ['servicng', 'proxi', 'sevrer', '0x80244010', 'x', 'é'][i]! : randomWord();
      const stem = word.length > 4 ? word.slice(0, -1) : word;
      for (const edits of [1, 2])
        expect(nearTerms(vocabulary, stem, word, edits, 6)).toEqual(
          walkNear(vocabulary, stem, word, edits),
        );
    }
  });

  it('finds the same completions, the most frequent first, as walking every term', () => {
    for (const prefix of [
      's',
      'se',
      'serv',
      'prox',
      '0x8',
      'zzzzzzzz',
      '',
      'é',
      ...Array.from({ length: 200 }, () => randomWord().slice(0, 1 + next(3))),
    ])
      expect(completionsOf(vocabulary, prefix, 12)).toEqual(walkCompletions(vocabulary, prefix));
  });
});
