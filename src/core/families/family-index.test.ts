import { describe, expect, it } from 'vitest';
import { loadWindowsCatalog } from '../../adapters/catalog/load-windows-tables.js';
import { formatCode } from '../codes/code-value.js';
import { decodeCode } from '../codes/decode-hresult.js';
import { buildFamilyIndex, type FamilyIndex } from './family-index.js';
import type { Family, FamilyCode, FamilyMatch } from './family-schema.js';

const catalog = await loadWindowsCatalog();

const family = (
  id: string,
  match: FamilyMatch,
  priority: number,
  codes: FamilyCode[] = [],
): Family => ({
  id,
  title: id,
  match,
  priority,
  retry: { when: 'transient', reason: 'r' },
  description: 'd',
  helps: '- h',
  codes,
});

/** Every code of a WU component, each with its first WU name, as a complete `## Codes` list. */
const wuCodes = (component: string): FamilyCode[] =>
  catalog.values().flatMap((value) => {
    const name = catalog.namesOf(value).find((n) => n.table === 'wu' && n.component === component);
    return name
      ? [{ code: formatCode(value), name: name.name, text: `note for ${name.name}` }]
      : [];
  });

const FAMILIES: Family[] = [
  family('wu-pt', { wuComponent: 'PT' }, 10, wuCodes('PT')),
  family('wu-wutask', { wuComponent: 'WUTASK' }, 10, wuCodes('WUTASK')),
  family('cbs-servicing', { cbsFamily: 'CBS' }, 10),
  family('network-winhttp', { table: 'winhttp' }, 20),
  family('network-wininet', { table: 'wininet' }, 25),
  family('http-status', { wrapped: 'http' }, 30),
  family('bits', { table: 'bits' }, 35),
  family('ntstatus-wrapped', { wrapped: 'ntstatus' }, 40),
  family('win32-wrapped', { wrapped: 'win32' }, 50),
  family('ntstatus', { table: 'ntstatus' }, 60),
  family('dxgi', { facility: 2170 }, 70),
  family('windows-setup', { table: 'setup' }, 10),
];

const build = (families: Family[]): FamilyIndex => {
  const built = buildFamilyIndex(families, catalog);
  if (!built.ok) throw new Error(built.reason);
  return built.value;
};
const index = build(FAMILIES);
const idsOf = (value: number): string[] =>
  index.familiesOf(value, decodeCode(value), catalog.namesOf(value)).map((found) => found.id);

describe('familiesOf: every matching family, primary first', () => {
  it.each([
    ['0x80244001', ['wu-pt']],
    ['0x8024B003', ['wu-wutask']],
    ['0x80070005', ['win32-wrapped']],
    ['0x80072EE2', ['network-winhttp', 'network-wininet', 'win32-wrapped']],
    ['0x80190193', ['http-status', 'bits']],
    ['0x800F081F', ['cbs-servicing']],
    ['0xC0000005', ['ntstatus']],
    ['0xD0000022', ['ntstatus-wrapped']],
    ['0x887A0005', ['dxgi']],
    ['0xC1900101', ['windows-setup']],
    // setup-results.tsv gives this one a label but no name: still the setup table's.
    ['0xC1800118', ['windows-setup']],
    // Unknown values still belong by their decode.
    ['0x8007FFFF', ['win32-wrapped']],
    // An NTSTATUS 0xC007xxxx carries a Win32 code, but `wrapped: win32` is 0x8007xxxx only.
    ['0xC0070005', []],
    // SPAPI codes are in cbs-errors.tsv, but not cbsFamily CBS.
    ['0x800F0203', []],
    ['0x02345678', []],
  ])('%s', (code, expected) => {
    expect(idsOf(parseInt(code, 16))).toEqual(expected);
  });

  it('breaks a priority tie by id', () => {
    const tied = build([family('b', { table: 'wu' }, 1), family('a', { facility: 36 }, 1)]);
    const found = tied.familiesOf(0x80244001, decodeCode(0x80244001), catalog.namesOf(0x80244001));
    expect(found.map((f) => f.id)).toEqual(['a', 'b']);
    expect(tied.list().map((f) => f.id)).toEqual(['a', 'b']);
  });
});

describe('get, list, noteFor, membersOf', () => {
  it('gets by id and lists by priority', () => {
    expect(index.get('bits')?.match).toEqual({ table: 'bits' });
    expect(index.get('nope')).toBeUndefined();
    expect(index.list().map((f) => f.priority)).toEqual(
      [...FAMILIES.map((f) => f.priority)].sort((a, b) => a - b),
    );
  });

  it.each([
    ['0x80244001', { family: 'wu-pt', text: 'note for WU_E_PT_SOAPCLIENT_INITIALIZE' }],
    ['0x8024B005', { family: 'wu-wutask', text: 'note for WU_E_WUTASK_CANCELINSTALL_DISALLOWED' }],
    ['0x80070005', undefined],
  ])('noteFor %s', (code, expected) => {
    expect(index.noteFor(parseInt(code, 16))).toEqual(expected);
  });

  it('takes the note of the most specific family listing a code', () => {
    const sls = { code: '0x8024B201', name: 'WU_E_SLS_INVALID_REVISION' };
    const both = build([
      family('wu-any', { table: 'wu' }, 90, [{ ...sls, text: 'general' }]),
      family('wu-sls', { wuComponent: 'SLS' }, 10, [{ ...sls, text: 'specific' }]),
    ]);
    expect(both.noteFor(0x8024b201)).toEqual({ family: 'wu-sls', text: 'specific' });
  });

  it('lists the catalogued members of a family, sorted, the same array each time', () => {
    expect(index.membersOf('wu-wutask')).toEqual([
      0x8024b001, 0x8024b002, 0x8024b003, 0x8024b004, 0x8024b005,
    ]);
    expect(index.membersOf('wu-pt')).toHaveLength(wuCodes('PT').length);
    expect(index.membersOf('http-status')).toBe(index.membersOf('http-status'));
    expect(index.membersOf('nope')).toEqual([]);
    const http = index.membersOf('http-status');
    expect(http.length).toBeGreaterThan(20);
    for (const value of http) {
      expect(value >>> 16).toBe(0x8019);
      expect(value & 0xffff).toBeGreaterThanOrEqual(100);
    }
    expect([...http].sort((a, b) => a - b)).toEqual(http);
  });
});

describe('buildFamilyIndex refuses families that disagree with the tables', () => {
  const pt = (codes: FamilyCode[]): Family => family('wu-pt', { wuComponent: 'PT' }, 10, codes);
  const fullPt = wuCodes('PT');
  const renamed = fullPt.map((c) =>
    c.code === '0x80244010' ? { ...c, name: 'WU_E_PT_HTTP_STATUS_BAD_REQUEST' } : c,
  );

  it.each([
    [
      'an id used twice',
      [family('bits', { table: 'bits' }, 1), family('bits', { table: 'bits' }, 2)],
      ['bits: the id is used by two families'],
    ],
    [
      'a code not in the tables',
      [family('x', { wrapped: 'win32' }, 1, [{ code: '0x8007FFFF', name: 'ERROR_X', text: 't' }])],
      ['x: 0x8007FFFF is not in the code tables'],
    ],
    [
      "another code's name",
      [pt(renamed)],
      [
        'wu-pt: 0x80244010 is not named WU_E_PT_HTTP_STATUS_BAD_REQUEST in the tables; its names: WU_E_PT_EXCEEDED_MAX_SERVER_TRIPS',
      ],
    ],
    [
      'a code outside the rule',
      [
        family('win32-wrapped', { wrapped: 'win32' }, 50, [
          { code: '0x80244001', name: 'WU_E_PT_SOAPCLIENT_INITIALIZE', text: 't' },
        ]),
      ],
      [
        "win32-wrapped: 0x80244001 WU_E_PT_SOAPCLIENT_INITIALIZE does not match the family's rule (wrapped: win32)",
      ],
    ],
    [
      'WU codes missing',
      [
        family('wu-wutask', { wuComponent: 'WUTASK' }, 10, wuCodes('WUTASK').slice(1, 4)),
        pt(fullPt),
      ],
      ['wu-wutask: ## Codes lacks 2 of the 5 codes of component WUTASK: 0x8024B001, 0x8024B005'],
    ],
    [
      'a component with no codes',
      [family('wu-nope', { wuComponent: 'NOPE' }, 10)],
      ['wu-nope: no code in wu-errors.tsv has component NOPE'],
    ],
  ])('%s', (_what, families, expected) => {
    const built = buildFamilyIndex(families, catalog);
    expect(built.ok).toBe(false);
    if (!built.ok) expect(built.reason.split('\n')).toEqual(expected);
  });

  it('reports every problem at once', () => {
    const built = buildFamilyIndex(
      [
        pt(renamed.slice(1)),
        family('bits', { table: 'bits' }, 1, [{ code: '0x80244001', name: 'BG_X', text: 't' }]),
      ],
      catalog,
    );
    expect(built.ok).toBe(false);
    if (!built.ok) expect(built.reason.split('\n')).toHaveLength(4);
  });
});
