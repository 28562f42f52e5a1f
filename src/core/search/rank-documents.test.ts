import { describe, expect, it } from 'vitest';
import { rankDocuments, type IndexStats } from './rank-documents.js';
import type { SearchDocument, SearchField } from './search-document.js';
import { analyze } from './analyze-text.js';
import { expandWithVocabulary, parseWords } from './word-query.js';

const doc = (id: string, fields: Partial<Record<SearchField, string>>): SearchDocument => ({
  id,
  kind: 'article',
  code: `0x${id.padStart(8, '0')}`,
  title: id,
  platforms: [],
  families: [],
  fields: { name: '', title: '', causes: '', body: '', ...fields },
});

function statsOf(docs: readonly SearchDocument[]): IndexStats {
  const vocabulary = new Map<string, number>();
  for (const d of docs) {
    for (const term of new Set(Object.values(d.fields).flatMap(analyze))) {
      vocabulary.set(term, (vocabulary.get(term) ?? 0) + 1);
    }
  }
  return { vocabulary, documents: docs.length };
}

const order = (docs: SearchDocument[], q: string, popularity?: (d: SearchDocument) => number) => {
  const stats = statsOf(docs);
  const query = expandWithVocabulary(parseWords(q), stats.vocabulary, false);
  return rankDocuments(docs, query, stats, popularity).map((s) => s.document.id);
};

const filler = (n: number) =>
  Array.from({ length: n }, (_, i) => doc(`f${i}`, { body: `other words ${i}` }));

describe('rankDocuments', () => {
  it.each([
    ['name above title', 'proxy', { name: 'proxy' }, { title: 'proxy' }],
    ['title above causes', 'proxy', { title: 'proxy' }, { causes: 'proxy' }],
    ['causes above body', 'proxy', { causes: 'proxy' }, { body: 'proxy' }],
    ['all words above some', 'proxy stuck', { body: 'proxy stuck' }, { title: 'proxy' }],
    ['the word above its synonym', 'stuck', { body: 'stuck' }, { body: 'frozen' }],
  ])('%s (%s)', (_, q, better, worse) => {
    const docs = [doc('worse', worse), doc('better', better), ...filler(5)];
    expect(order(docs, q).slice(0, 2)).toEqual(['better', 'worse']);
  });

  it('uses popularity only to break ties, never above relevance', () => {
    const docs = [
      doc('a', { title: 'proxy' }),
      doc('b', { title: 'proxy' }),
      doc('c', { body: 'proxy' }),
      ...filler(3),
    ];
    const popular = (d: SearchDocument) => (d.id === 'b' ? 100 : d.id === 'c' ? 10_000 : 0);
    expect(order(docs, 'proxy', popular)).toEqual(['b', 'a', 'c']);
    expect(order(docs, 'proxy')).toEqual(['a', 'b', 'c']);
  });

  it('finds a mistyped word through its correction', () => {
    const docs = [doc('hit', { title: 'service disabled' }), ...filler(3)];
    expect(order(docs, 'servcie')).toEqual(['hit']);
  });

  it('drops documents that match nothing', () => {
    expect(order([doc('a', { body: 'proxy' }), doc('b', { body: 'disk' })], 'proxy')).toEqual([
      'a',
    ]);
  });
});
