import { describe, expect, it } from 'vitest';
import { loadWindowsCatalog } from '../../adapters/catalog/load-windows-tables.js';
import { formatCode } from '../codes/code-value.js';
import { decodeCode } from '../codes/decode-hresult.js';
import { buildFamilyIndex } from './family-index.js';
import type { Family, FamilyCode, FamilyMatch } from './family-schema.js';
import { RELATED_LIMITS, relatedCodes, type RelatedLimits } from './related-codes.js';

const catalog = await loadWindowsCatalog();

const wuCodes = (component: string): FamilyCode[] =>
  catalog.values().flatMap((value) => {
    const name = catalog.namesOf(value).find((n) => n.table === 'wu' && n.component === component);
    return name ? [{ code: formatCode(value), name: name.name, text: 'note' }] : [];
  });
const family = (id: string, match: FamilyMatch, priority: number, codes: FamilyCode[] = []) =>
  ({
    id,
    title: id,
    match,
    priority,
    retry: { when: 'transient', reason: 'r' },
    description: 'd',
    helps: '- h',
    codes,
  }) satisfies Family;

const built = buildFamilyIndex(
  [
    family('wu-pt', { wuComponent: 'PT' }, 10, wuCodes('PT')),
    family('wu-wutask', { wuComponent: 'WUTASK' }, 10, wuCodes('WUTASK')),
    family('network-winhttp', { table: 'winhttp' }, 20),
    family('win32-wrapped', { wrapped: 'win32' }, 50),
  ],
  catalog,
);
if (!built.ok) throw new Error(built.reason);
const index = built.value;

const related = (
  value: number,
  mentions: Record<string, number[]> = {},
  limits?: RelatedLimits,
): string[] => {
  const ctx = {
    index,
    catalog,
    decoded: decodeCode(value),
    names: catalog.namesOf(value),
    articleMentions: new Map(Object.entries(mentions).map(([k, v]) => [parseInt(k, 16), v])),
  };
  return relatedCodes(value, ctx, limits).map((r) => `${r.code} ${r.why}`);
};

describe('relatedCodes: named together, then the family, then numeric neighbours', () => {
  it.each([
    [
      'the family around the code, ascending; its neighbours are all family, so none as neighbours',
      0x8024b003,
      {},
      undefined,
      [
        '0x8024B001 same-family',
        '0x8024B002 same-family',
        '0x8024B004 same-family',
        '0x8024B005 same-family',
      ],
    ],
    [
      'codes named together first, in the given order, without the code itself or repeats',
      0x8024b003,
      { '8024B003': [0x80244001, 0x8024b004, 0x8024b003, 0x80244001] },
      undefined,
      [
        '0x80244001 named-together',
        '0x8024B004 named-together',
        '0x8024B001 same-family',
        '0x8024B002 same-family',
        '0x8024B005 same-family',
      ],
    ],
    [
      'the family limit keeps the nearest members (below first at a tie), listed ascending',
      0x8024b003,
      {},
      { named: 12, family: 3, neighboursPerSide: 2 },
      // B001 and B005 are both two away: below wins. B005, cut from the family, is still next door.
      [
        '0x8024B001 same-family',
        '0x8024B002 same-family',
        '0x8024B004 same-family',
        '0x8024B005 neighbour',
      ],
    ],
    [
      'the named limit cuts what articles name',
      0x8024b003,
      { '8024B003': [0x80244001, 0x80244002] },
      { named: 1, family: 0, neighboursPerSide: 0 },
      ['0x80244001 named-together'],
    ],
    [
      'every limit 0',
      0x8024b003,
      { '8024B003': [0x80244001] },
      { named: 0, family: 0, neighboursPerSide: 0 },
      [],
    ],
    [
      // 0x80072EE3 is ERROR_INTERNET_EXTENDED_ERROR: WinINet only, so not in the WinHTTP family.
      'a catalogued code next to it but outside its primary family is a neighbour',
      0x80072ee2,
      {},
      { named: 12, family: 2, neighboursPerSide: 1 },
      ['0x80072EE1 same-family', '0x80072EE4 same-family', '0x80072EE3 neighbour'],
    ],
  ])('%s', (_what, value, mentions, limits, expected) => {
    expect(related(value, mentions, limits)).toEqual(expected);
  });

  it('gives a code no family holds its neighbours in the catalog, two on each side', () => {
    const values = catalog.values();
    const at = values.indexOf(0x887a0001);
    const expected = [...values.slice(at - 2, at), ...values.slice(at + 1, at + 3)].map(
      (v) => `${formatCode(v)} neighbour`,
    );
    expect(
      index.familiesOf(0x887a0001, decodeCode(0x887a0001), catalog.namesOf(0x887a0001)),
    ).toEqual([]);
    expect(related(0x887a0001)).toEqual(expected);
  });

  it('gives a value no table has the catalogued values around it', () => {
    const values = catalog.values();
    const gap = values.findIndex((v, i) => (values[i + 1] ?? v) - v > 2);
    const below = values[gap] ?? 0;
    const above = values[gap + 1] ?? 0;
    expect(catalog.isKnown(below + 1)).toBe(false);
    expect(related(below + 1, {}, { named: 0, family: 0, neighboursPerSide: 1 })).toEqual([
      `${formatCode(below)} neighbour`,
      `${formatCode(above)} neighbour`,
    ]);
  });

  it('gives the catalog names, each code once, and the same answer every time', () => {
    const ctx = {
      index,
      catalog,
      decoded: decodeCode(0x80244010),
      names: catalog.namesOf(0x80244010),
      articleMentions: new Map<number, number[]>([[0x80244010, [0x80244011, 0x80070005]]]),
    };
    const first = relatedCodes(0x80244010, ctx);
    expect(first.filter((r) => r.why === 'same-family')).toHaveLength(RELATED_LIMITS.family);
    expect(first.find((r) => r.value === 0x80244011)?.why).toBe('named-together');
    expect(first.find((r) => r.value === 0x80244011)?.names.map((n) => n.name)).toEqual([
      'WU_E_PT_SUS_SERVER_NOT_SET',
    ]);
    expect(new Set(first.map((r) => r.value)).size).toBe(first.length);
    expect(relatedCodes(0x80244010, ctx)).toEqual(first);
  });
});
