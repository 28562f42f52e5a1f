import { describe, expect, it } from 'vitest';
import { PrefixDictionary } from './prefix-dictionary.js';
import { readPrefixQuery } from './prefix-query.js';
import type { SearchDocument } from './search-document.js';

const article = (code: string, name: string, title: string): SearchDocument => ({
  id: `article:windows-update/${code}`,
  kind: 'article',
  code,
  title,
  product: 'windows-update',
  platforms: [],
  families: [],
  fields: { name: `${code} · ${name}`, title, causes: 'proxy proxy proxy', body: 'wuauserv' },
});

const DOCUMENTS = [
  article('0x80244001', 'WU_E_PT_SOAPCLIENT_INITIALIZE', 'The update client could not start'),
  article('0x80244007', 'WU_E_PT_SOAPCLIENT_SOAPFAULT', 'The server answered with a fault'),
  article(
    '0x8024402F',
    'WU_E_PT_ECP_SUCCEEDED_WITH_ERRORS',
    'Servicing stack blocks the soap reply',
  ),
  article('0x80070422', 'ERROR_SERVICE_DISABLED', 'The update service is disabled'),
  article('0x800F0823', 'CBS_E_NEW_SERVICING_STACK_REQUIRED', 'Servicing stack too old'),
];
const dictionary = new PrefixDictionary(DOCUMENTS);
const codes = (text: string, limit = 10): string[] =>
  dictionary.match(readPrefixQuery(text), limit).map((m) => m.document.code);

describe('readPrefixQuery', () => {
  it('reads the words before the last as terms and the last, unstemmed, as a prefix', () => {
    expect(readPrefixQuery('servicing stac')).toEqual({ terms: ['servic'], prefix: 'stac' });
    expect(readPrefixQuery('servici')).toEqual({ terms: [], prefix: 'servici' });
    expect(readPrefixQuery('WU_E_PT_S')).toEqual({ terms: [], prefix: 'wu_e_pt_s' });
  });
  it('has no prefix when the box ends in a space or a mark', () => {
    expect(readPrefixQuery('servicing stack ')).toEqual({
      terms: ['servic', 'stack'],
      prefix: '',
    });
    expect(readPrefixQuery('"*(')).toEqual({ terms: [], prefix: '' });
  });
});

describe('PrefixDictionary', () => {
  it('completes the start of a word in a name, a code or a title', () => {
    expect(codes('soapcli')).toEqual(['0x80244001', '0x80244007']);
    expect(codes('0x802440')).toEqual(['0x80244001', '0x80244007', '0x8024402F']);
    expect(codes('8007')).toEqual(['0x80070422']);
    expect(codes('WU_E_PT_SOAPCLIENT_S')).toEqual(['0x80244007']);
    expect(codes('fau')).toEqual(['0x80244007']);
  });

  it('needs every complete word as well (stemmed, as the index holds it)', () => {
    // "st" starts STACK in 0x800F0823's name, only title words in 0x8024402F.
    expect(codes('servicing st')).toEqual(['0x800F0823', '0x8024402F']);
    expect(codes('service disab')).toEqual(['0x80070422']);
    expect(codes('services disabled ')).toEqual(['0x80070422']);
    expect(codes('unheardof st')).toEqual([]);
  });

  it('ranks the prefix as a whole word first, then a match in the code or a name, then by id', () => {
    // "soap" is a whole word only in 0x8024402F's title; a start of SOAPCLIENT in the others.
    const soap = dictionary.match(readPrefixQuery('soap'), 10);
    expect(soap.map((m) => [m.document.code, m.whole, m.inName])).toEqual([
      ['0x8024402F', true, false],
      ['0x80244001', false, true],
      ['0x80244007', false, true],
    ]);
    // "stack" is in 0x800F0823's name and title, in 0x8024402F's title only.
    expect(codes('stack')).toEqual(['0x800F0823', '0x8024402F']);
  });

  it('keeps to the limit and finds nothing for nothing', () => {
    expect(codes('0x8024', 2)).toHaveLength(2);
    expect(codes('0x8024', 0)).toEqual([]);
    expect(codes('')).toEqual([]);
    expect(codes('zzz')).toEqual([]);
    expect(new PrefixDictionary([]).match(readPrefixQuery('soap'), 5)).toEqual([]);
  });

  it('does not look in the causes or the body: the search page does', () => {
    expect(codes('prox')).toEqual([]);
    expect(codes('wuauserv')).toEqual([]);
  });

  it('completes a prefix of thousands of words to its most frequent ones, in few steps', () => {
    const many = Array.from({ length: 5_000 }, (_, i) =>
      article(`0x9${i.toString(16).padStart(7, '0')}`, `NAME_${i}`, `Word${i} common`),
    );
    const big = new PrefixDictionary([
      ...many,
      article('0x80000001', 'WORDY', 'wordy wordy'),
      article('0x80000002', 'OTHER', 'wordy'),
    ]);
    // "wordy" is in two documents, every "wordN" in one: the frequent completion comes first.
    const found = big.match(readPrefixQuery('word'), 3).map((m) => m.document.code);
    expect(found.slice(0, 2)).toEqual(['0x80000001', '0x80000002']);
    expect(found).toHaveLength(3);
  });
});
