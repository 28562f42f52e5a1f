import { describe, expect, it } from 'vitest';
import { loadWindowsCatalog } from '../../adapters/catalog/load-windows-tables.js';
import { formatCode } from '../codes/code-value.js';
import { decodeCode } from '../codes/decode-hresult.js';
import { buildFamilyIndex } from './family-index.js';
import type { Family, FamilyCode, FamilyMatch } from './family-schema.js';
import { relatedCodes } from './related-codes.js';

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
  limit?: number,
): string[] => {
  const ctx = {
    index,
    catalog,
    decoded: decodeCode(value),
    names: catalog.namesOf(value),
    articleMentions: new Map(Object.entries(mentions).map(([k, v]) => [parseInt(k, 16), v])),
  };
  return relatedCodes(value, ctx, limit).map((r) => `${r.code} ${r.why}`);
};

describe('relatedCodes: named together, then neighbours, then the rest of the family', () => {
  it.each([
    [
      'neighbours on both sides, then the family nearest first (below first at a tie)',
      0x8024b003,
      {},
      undefined,
      [
        '0x8024B002 neighbour',
        '0x8024B004 neighbour',
        '0x8024B001 same-family',
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
        '0x8024B002 neighbour',
        '0x8024B001 same-family',
        '0x8024B005 same-family',
      ],
    ],
    [
      'the first member has a neighbour above only',
      0x8024b001,
      {},
      undefined,
      [
        '0x8024B002 neighbour',
        '0x8024B003 same-family',
        '0x8024B004 same-family',
        '0x8024B005 same-family',
      ],
    ],
    [
      "the issue's example",
      0x80244001,
      {},
      3,
      ['0x80244000 neighbour', '0x80244002 neighbour', '0x80244003 same-family'],
    ],
    [
      'a limit cuts the list',
      0x8024b003,
      { '8024B003': [0x80244001] },
      2,
      ['0x80244001 named-together', '0x8024B002 neighbour'],
    ],
    ['a limit of 0', 0x8024b003, {}, 0, []],
    ['no family and no mentions', 0x02345678, {}, undefined, []],
    [
      'no family: only what articles name, catalogued or not',
      0x02345678,
      { '02345678': [0x02345679, 0x80244001] },
      undefined,
      ['0x02345679 named-together', '0x80244001 named-together'],
    ],
    [
      // 0x80072EE3 is ERROR_INTERNET_EXTENDED_ERROR: WinINet only, no WinHTTP name.
      'neighbours in the primary family only (WinHTTP, not every wrapped Win32 code)',
      0x80072ee2,
      {},
      2,
      ['0x80072EE1 neighbour', '0x80072EE4 neighbour'],
    ],
  ])('%s', (_what, value, mentions, limit, expected) => {
    expect(related(value, mentions, limit)).toEqual(expected);
  });

  it('an unknown value gets its nearest members as neighbours', () => {
    const members = index.membersOf('win32-wrapped');
    const gap = members.findIndex((v, i) => (members[i + 1] ?? v) - v > 1);
    const below = members[gap] ?? 0;
    const above = members[gap + 1] ?? 0;
    expect(catalog.isKnown(below + 1)).toBe(false);
    expect(related(below + 1, {}, 2)).toEqual([
      `${formatCode(below)} neighbour`,
      `${formatCode(above)} neighbour`,
    ]);
  });

  it('gives the catalog names, twelve by default, and the same answer every time', () => {
    const ctx = {
      index,
      catalog,
      decoded: decodeCode(0x80244010),
      names: catalog.namesOf(0x80244010),
      articleMentions: new Map<number, number[]>(),
    };
    const first = relatedCodes(0x80244010, ctx);
    expect(first).toHaveLength(12);
    expect(first[0]?.names.map((n) => n.name)).toEqual(['WU_E_PT_WMI_ERROR']);
    expect(new Set(first.map((r) => r.value)).size).toBe(12);
    expect(relatedCodes(0x80244010, ctx)).toEqual(first);
  });
});
