import { describe, expect, it } from 'vitest';
import { expandWithVocabulary, parseWords, termsOf, type WordQuery } from './word-query.js';

/** "term (kind)" for every alternative of the group typed as `word`. */
const alternativesOf = (query: WordQuery, word: string): string[] =>
  (query.groups.find((g) => g.word === word)?.alternatives ?? []).map(
    (a) => `${a.terms.join('+')} (${a.kind})`,
  );

describe('parseWords', () => {
  it.each([
    ['soap client', 'soap', 'soapclient (joined)'],
    ['soap client', 'client', 'soapclient (joined)'],
    ['update stuck', 'stuck', 'hang (synonym)'],
    ['update stuck', 'stuck', 'frozen (synonym)'],
    ['behind a proxy', 'proxy', 'winhttp (synonym)'],
    ['wsus fails', 'wsus', 'updat+server (synonym)'],
    ['our update server', 'updat', 'wsu (synonym)'],
    ['wuauserv wont start', 'wont', 'cannot (synonym)'],
    ['installing', 'installing', 'instal (word)'],
  ])('%s: "%s" has the alternative %s', (query, word, alternative) => {
    const parsed = parseWords(query);
    const group = parsed.groups.find(
      (g) => g.word === word || g.alternatives[0]?.terms[0] === word,
    );
    expect(group?.alternatives.map((a) => `${a.terms.join('+')} (${a.kind})`)).toContain(
      alternative,
    );
  });

  it('drops stop words and FTS syntax; keeps each word typed as one group', () => {
    const parsed = parseWords('the "update" AND (is) NEAR* -stuck:^');
    expect(parsed.groups.map((g) => g.word)).toEqual(['update', 'near', 'stuck']);
  });

  it('reads at most 32 words of a pasted page', () => {
    expect(parseWords('word '.repeat(5000)).groups).toHaveLength(32);
  });
});

describe('expandWithVocabulary', () => {
  const vocabulary = new Map([
    ['updat', 40],
    ['proxi', 5],
    ['servic', 30],
    ['server', 12],
    ['soapclient', 9],
    ['instal', 35],
    ['installat', 3],
    ['component', 20],
  ]);

  it.each([
    ['updat stuck proxi', 'updat', 'updat (word)'],
    ['servcie', 'servcie', 'servic (typo)'],
    ['compnent', 'compnent', 'component (typo)'],
    ['soapclent', 'soapclent', 'soapclient (typo)'],
  ])('%s: "%s" gets %s', (query, word, alternative) => {
    const expanded = expandWithVocabulary(parseWords(query), vocabulary, false);
    expect(alternativesOf(expanded, word)).toContain(alternative);
  });

  it('gives no typo alternatives to words under 5 letters', () => {
    const expanded = expandWithVocabulary(parseWords('sevr'), vocabulary, false);
    expect(alternativesOf(expanded, 'sevr')).toEqual(['sevr (word)']);
  });

  it('completes only the last word, and only while typing', () => {
    const typing = expandWithVocabulary(parseWords('soap ins'), vocabulary, true);
    expect(alternativesOf(typing, 'ins')).toEqual(
      expect.arrayContaining(['instal (prefix)', 'installat (prefix)']),
    );
    const done = expandWithVocabulary(parseWords('soap ins'), vocabulary, false);
    expect(termsOf(done)).not.toContain('instal');
    const first = expandWithVocabulary(parseWords('ins soap'), vocabulary, true);
    expect(alternativesOf(first, 'ins').some((a) => a.endsWith('(prefix)'))).toBe(false);
  });
});
