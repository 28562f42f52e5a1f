import { describe, expect, it } from 'vitest';
import type { SearchIndex } from '../../core/search-ports.js';
import { analyze } from '../../core/search/analyze-text.js';
import { readPrefixQuery } from '../../core/search/prefix-query.js';
import type { SearchDocument } from '../../core/search/search-document.js';

const article = (
  code: string,
  title: string,
  extra: Partial<SearchDocument> & { body?: string } = {},
): SearchDocument => ({
  id: `article:windows-update/${code}`,
  kind: 'article',
  code,
  title,
  product: 'windows-update',
  severity: extra.severity ?? 'moderate',
  platforms: extra.platforms ?? ['windows-11'],
  families: extra.families ?? ['wu-pt'],
  fields: { name: code, title, causes: '', body: extra.body ?? '' },
});

const codeDoc = (code: string, name: string, note = ''): SearchDocument => ({
  id: `code:${code}`,
  kind: 'code',
  code,
  title: name,
  platforms: [],
  families: ['wu-pt'],
  fields: { name: `${code} ${name}`, title: '', causes: note, body: '' },
});

/** What a query asks the index for: the terms core makes of the words. */
const terms = (text: string): string[] => analyze(text);
const ids = (docs: readonly SearchDocument[]): string[] => docs.map((d) => d.id);

/** The behaviour every SearchIndex adapter must have; `open` gives a fresh, empty index. */
export function describeSearchIndexContract(name: string, open: () => SearchIndex): void {
  describe(`SearchIndex contract: ${name}`, () => {
    it('starts empty, with no version', async () => {
      const index = open();
      expect(await index.indexedVersion('article')).toBeUndefined();
      expect((await index.stats()).documents).toBe(0);
      expect(await index.candidates(terms('proxy'), {}, 10)).toEqual([]);
      await index.close();
    });

    it('finds documents holding any of the terms, whole documents back, and records the version', async () => {
      const index = open();
      const proxy = article('0x80244001', 'Behind a proxy', { body: 'The proxy refused.' });
      await index.replaceKind('article', [proxy, article('0x80070005', 'Access denied')], 'v1');
      expect(await index.indexedVersion('article')).toBe('v1');
      expect(await index.indexedVersion('code')).toBeUndefined();
      expect(await index.candidates(terms('proxy'), {}, 10)).toEqual([proxy]);
      expect(ids(await index.candidates(terms('proxy denied'), {}, 10)).sort()).toEqual([
        'article:windows-update/0x80070005',
        'article:windows-update/0x80244001',
      ]);
      expect(await index.candidates([], {}, 10)).toEqual([]);
      await index.close();
    });

    it('orders candidates by field weight: a name or title match before a body match', async () => {
      const index = open();
      await index.replaceKind(
        'article',
        [
          article('0x00000001', 'Nothing here', { body: 'soapclient somewhere in the text' }),
          article('0x00000002', 'The soapclient failed'),
        ],
        'v1',
      );
      expect(ids(await index.candidates(terms('soapclient'), {}, 10))[0]).toBe(
        'article:windows-update/0x00000002',
      );
      await index.close();
    });

    it('replaces one kind whole, leaving the other kind alone', async () => {
      const index = open();
      await index.replaceKind(
        'code',
        [codeDoc('0x80244001', 'WU_E_PT_SOAPCLIENT_INITIALIZE')],
        'c1',
      );
      await index.replaceKind('article', [article('0x80244001', 'Old title proxy')], 'v1');
      await index.replaceKind('article', [article('0x80244001', 'New title firewall')], 'v2');
      expect(await index.candidates(terms('proxy'), {}, 10)).toEqual([]);
      expect(ids(await index.candidates(terms('firewall'), {}, 10))).toEqual([
        'article:windows-update/0x80244001',
      ]);
      expect(ids(await index.candidates(terms('soapclient'), {}, 10))).toEqual(['code:0x80244001']);
      expect(await index.indexedVersion('code')).toBe('c1');
      expect(await index.indexedVersion('article')).toBe('v2');
      await index.close();
    });

    it('filters by kind, product, severity, family and platform', async () => {
      const index = open();
      await index.replaceKind(
        'article',
        [
          article('0x00000001', 'proxy one', {
            severity: 'high',
            platforms: ['windows-10'],
            families: ['wu-pt'],
          }),
          article('0x00000002', 'proxy two', {
            severity: 'low',
            platforms: ['windows-11'],
            families: ['win32-wrapped'],
          }),
        ],
        'v1',
      );
      await index.replaceKind('code', [codeDoc('0x00000003', 'PROXY_THREE')], 'c1');
      const q = terms('proxy');
      expect(ids(await index.candidates(q, { kind: 'code' }, 10))).toEqual(['code:0x00000003']);
      expect(ids(await index.candidates(q, { severity: 'high' }, 10))).toEqual([
        'article:windows-update/0x00000001',
      ]);
      expect(ids(await index.candidates(q, { platform: 'windows-11' }, 10))).toEqual([
        'article:windows-update/0x00000002',
      ]);
      expect(ids(await index.candidates(q, { family: 'win32-wrapped' }, 10))).toEqual([
        'article:windows-update/0x00000002',
      ]);
      expect(await index.candidates(q, { product: 'office' }, 10)).toEqual([]);
      // A filter value is data, never syntax.
      expect(await index.candidates(q, { family: '%' }, 10)).toEqual([]);
      expect(await index.candidates(q, { platform: "' OR 1=1 --" }, 10)).toEqual([]);
      await index.close();
    });

    it('keeps to the limit', async () => {
      const index = open();
      const docs = Array.from({ length: 30 }, (_, i) =>
        codeDoc(`0x${i.toString(16).padStart(8, '0')}`, `PROXY_${i}`),
      );
      await index.replaceKind('code', docs, 'c1');
      expect(await index.candidates(terms('proxy'), {}, 7)).toHaveLength(7);
      expect(await index.candidates(terms('proxy'), {}, 0)).toEqual([]);
      await index.close();
    });

    it('counts in how many documents each term is', async () => {
      const index = open();
      await index.replaceKind(
        'article',
        [article('0x00000001', 'proxy proxy proxy'), article('0x00000002', 'proxy and disk')],
        'v1',
      );
      const stats = await index.stats();
      expect(stats.documents).toBe(2);
      expect(stats.vocabulary.get('proxi')).toBe(2);
      expect(stats.vocabulary.get('disk')).toBe(1);
      await index.replaceKind('article', [article('0x00000001', 'disk')], 'v2');
      expect((await index.stats()).vocabulary.get('proxi')).toBeUndefined();
      await index.close();
    });

    it('completes what is typed from the codes, names and titles of one kind', async () => {
      const index = open();
      await index.replaceKind(
        'code',
        [codeDoc('0x80244001', 'WU_E_PT_SOAPCLIENT_INITIALIZE')],
        'c1',
      );
      await index.replaceKind(
        'article',
        [
          article('0x80244001', 'The soap client could not start', { body: 'proxy' }),
          article('0x80244007', 'A soapclient fault'),
        ],
        'v1',
      );
      const typed = async (text: string, kind: 'article' | 'code') =>
        ids((await index.prefixMatches(readPrefixQuery(text), kind, 10)).map((m) => m.document));
      // A whole word before the start of one ("soap" vs "soapclient").
      expect(await typed('soap', 'article')).toEqual([
        'article:windows-update/0x80244001',
        'article:windows-update/0x80244007',
      ]);
      expect(await typed('soapcl', 'article')).toEqual(['article:windows-update/0x80244007']);
      expect(await typed('soapcl', 'code')).toEqual(['code:0x80244001']);
      expect(await typed('0x8024400', 'article')).toEqual([
        'article:windows-update/0x80244001',
        'article:windows-update/0x80244007',
      ]);
      expect(await typed('80244007', 'article')).toEqual(['article:windows-update/0x80244007']);
      expect(await typed('could st', 'article')).toEqual(['article:windows-update/0x80244001']);
      expect(await typed('prox', 'article')).toEqual([]);
      expect(await index.prefixMatches(readPrefixQuery('soap'), 'article', 0)).toEqual([]);
      await index.close();
    });

    it('completes from the documents of the last replace, never older ones', async () => {
      const index = open();
      const typed = async (text: string) =>
        ids(
          (await index.prefixMatches(readPrefixQuery(text), 'article', 10)).map((m) => m.document),
        );
      expect(await typed('firew')).toEqual([]);
      await index.replaceKind('article', [article('0x80244001', 'Old title proxy')], 'v1');
      expect(await typed('prox')).toEqual(['article:windows-update/0x80244001']);
      await index.replaceKind('article', [article('0x80244001', 'New title firewall')], 'v2');
      expect(await typed('prox')).toEqual([]);
      expect(await typed('firew')).toEqual(['article:windows-update/0x80244001']);
      await index.close();
    });

    it('takes any term as data: FTS syntax, quotes, other scripts', async () => {
      const index = open();
      await index.replaceKind(
        'article',
        [article('0x00000001', 'Служба не запущена "NEAR" AND')],
        'v1',
      );
      for (const term of [
        '"',
        '*',
        'NEAR',
        'AND',
        'OR',
        '(',
        ')',
        '^',
        ':',
        '-',
        'near(a b)',
        'служба',
      ]) {
        await expect(index.candidates([term], {}, 5)).resolves.toBeInstanceOf(Array);
      }
      expect(ids(await index.candidates(terms('служба'), {}, 5))).toEqual([
        'article:windows-update/0x00000001',
      ]);
      await index.close();
    });
  });
}
