import { describe, expect, it } from 'vitest';
import { loadWindowsTables } from '../../adapters/catalog/load-windows-tables.js';
import { buildCatalog } from './catalog.js';
import { nameOrder } from './code-name.js';
import { parseTable } from './parse-tables.js';
import { referenceCatalog } from '../../test-support/reference-read-notation.js';

const tables = await loadWindowsTables();
const catalog = buildCatalog(tables);
const names = (value: number): string[] => catalog.namesOf(value).map((n) => n.name);

describe('namesOf: DESIGN.md name order', () => {
  it.each([
    [
      'WinHTTP before WinINet, hresults before both',
      0x80072ee2,
      ['WININET_E_TIMEOUT', 'ERROR_WINHTTP_TIMEOUT', 'ERROR_INTERNET_TIMEOUT'],
    ],
    ['hresults before wrapped Win32', 0x80070005, ['E_ACCESSDENIED', 'ERROR_ACCESS_DENIED']],
    [
      'an alias after the name it aliases',
      0x8007000e,
      ['E_OUTOFMEMORY', 'ERROR_OUTOFMEMORY', 'DNS_ERROR_NO_MEMORY'],
    ],
    [
      'an SPAPI code once, from the product table (cbs) though hresults has it too',
      0x800f0203,
      ['SPAPI_E_NO_DRIVER_SELECTED'],
    ],
    ['a product table first', 0x80244001, ['WU_E_PT_SOAPCLIENT_INITIALIZE']],
    ['NTSTATUS at its own value', 0xc0000022, ['STATUS_ACCESS_DENIED']],
    ['an unknown value', 0x12345678, []],
  ])('%s: %s', (_what, value, expected) => {
    expect(names(value)).toEqual(expected);
  });

  it('puts aliases last, after NTSTATUS', () => {
    // 0 is ERROR_SUCCESS/NO_ERROR (Win32), STATUS_SUCCESS… (NTSTATUS) and three aliases of NO_ERROR.
    const zero = catalog.namesOf(0);
    expect(zero.slice(0, 2).map((n) => n.name)).toEqual(['ERROR_SUCCESS', 'NO_ERROR']);
    const tablesInOrder = zero.map((n) => (n.aliasOf === undefined ? n.table : 'alias'));
    expect(tablesInOrder.indexOf('ntstatus')).toBeGreaterThan(tablesInOrder.lastIndexOf('win32'));
    expect(tablesInOrder.indexOf('alias')).toBeGreaterThan(tablesInOrder.lastIndexOf('ntstatus'));
    expect(zero.find((n) => n.name === 'DS_S_SUCCESS')).toMatchObject({
      aliasOf: 'NO_ERROR',
      win32Code: 0,
    });
  });

  it('lists every table row under its value, each name once, in non-decreasing order', () => {
    for (const { file, text } of tables) {
      const parsed = parseTable(file, text);
      if (!parsed.ok || parsed.value.kind !== 'codes') continue;
      for (const { value, name } of parsed.value.rows) {
        const listed = catalog.namesOf(value);
        expect(listed.map((n) => n.name)).toContain(name.name);
        expect(new Set(listed.map((n) => n.name)).size).toBe(listed.length);
        const order = listed.map(nameOrder);
        expect(order).toEqual([...order].sort((a, b) => a - b));
      }
    }
  });
});

describe('valueOfName', () => {
  it.each([
    ['wu_e_pt_soapclient_initialize', 0x80244001, 'wu', 'hresult'],
    ['ERROR_ACCESS_DENIED', 0x80070005, 'win32', 'win32'],
    ['error_winhttp_timeout', 0x80072ee2, 'winhttp', 'win32'],
    ['STATUS_ACCESS_DENIED', 0xc0000022, 'ntstatus', 'ntstatus'],
    ['SPAPI_E_NO_DRIVER_SELECTED', 0x800f0203, 'cbs', 'hresult'],
  ])('%s → its value, table and scheme', (name, value, table, scheme) => {
    expect(catalog.valueOfName(name)).toEqual([
      { value, name: expect.objectContaining({ table, scheme }) as unknown },
    ]);
  });

  it('answers [] for an unknown name and never matches a part of a name', () => {
    expect(catalog.valueOfName('NOT_A_NAME')).toEqual([]);
    expect(catalog.valueOfName('SOAPCLIENT_INITIALIZE')).toEqual([]);
  });

  it('answers every spelling as the upper-cased name looked up (its fast path for written names)', () => {
    const plain = referenceCatalog(catalog);
    const all = catalog.values().flatMap((v) => catalog.namesOf(v).map((n) => n.name));
    const spellings = all.flatMap((name) => [
      name,
      name.toLowerCase(),
      name.charAt(0).toLowerCase() + name.slice(1),
      // Letters whose upper case is ASCII: ſ → S, ı → I, ﬀ → FF.
      name.replace('S', 'ſ'),
      name.toLowerCase().replace('i', 'ı'),
      name.replace('FF', 'ﬀ'),
      `${name}_`,
      name.slice(1),
    ]);
    const wrong = spellings.filter(
      (s) => JSON.stringify(catalog.valueOfName(s)) !== JSON.stringify(plain.valueOfName(s)),
    );
    expect(wrong).toEqual([]);
    expect(catalog.valueOfName('wu_e_pt_ſoapclient_initialize')).toHaveLength(1);
  });
});

describe('facilities, isKnown, tails', () => {
  it.each([
    [7, 'FACILITY_WIN32'],
    [15, 'FACILITY_SETUPAPI'],
    [36, 'FACILITY_WINDOWSUPDATE'],
    [2170, 'FACILITY_DXGI'],
  ])('facility %d is %s', (facility, name) => {
    expect(catalog.facilityName(facility)).toBe(name);
  });

  it('has no name for facility 92 (22 hresults rows use it unnamed)', () => {
    expect(catalog.facilityName(92)).toBeUndefined();
  });

  it('knows a wrapped Win32 value and an NTSTATUS value, not the bare Win32 number', () => {
    expect(catalog.isKnown(0x80070005)).toBe(true);
    expect(catalog.isKnown(0xc0000022)).toBe(true);
    expect(catalog.isKnown(0x12345678)).toBe(false);
  });

  it('finds the names that end in a tail, case-insensitively', () => {
    expect(catalog.namesEndingWith('soapclient_initialize')).toEqual([
      'WU_E_PT_SOAPCLIENT_INITIALIZE',
    ]);
    expect(catalog.namesEndingWith('TIMEOUT').length).toBeGreaterThan(1);
  });
});

describe('buildCatalog', () => {
  it('throws on a broken table, naming file and line', () => {
    expect(() =>
      buildCatalog([{ file: 'ntstatus.tsv', text: 'hex\tname\nbad\tSTATUS_X\n' }]),
    ).toThrow(/ntstatus\.tsv:2/);
  });
});

describe('what the catalog adds for families and setup', () => {
  it('names carry the WU component and the CBS family', () => {
    expect(catalog.namesOf(0x80244001)[0]).toMatchObject({ component: 'PT' });
    expect(catalog.namesOf(0x80240438)[0]).toMatchObject({ component: 'PT' });
    expect(catalog.namesOf(0x800f081f)[0]).toMatchObject({ cbsFamily: 'CBS' });
    expect(catalog.namesOf(0x800f0203)[0]).toMatchObject({ cbsFamily: 'SPAPI' });
  });

  it('puts a setup name with the product tables, before nothing else it shares', () => {
    expect(catalog.namesOf(0xc1900101)[0]).toMatchObject({ table: 'setup' });
  });

  it('lists every known value once, ascending, the same array each time', () => {
    const values = catalog.values();
    expect(values).toBe(catalog.values());
    expect(values.every((v, i) => i === 0 || (values[i - 1] ?? -1) < v)).toBe(true);
    expect(values.every((v) => catalog.isKnown(v))).toBe(true);
    expect(values).toContain(0x80244001);
  });
});

describe('value look-ups take 32-bit unsigned values only', () => {
  it('the same bits as a negative int32, a fraction or 2^32 + value are in no table', () => {
    const setup = catalog.values().find((v) => catalog.labelOf(v) !== undefined) ?? 0;
    for (const value of [0x80244001, 0x80070005, setup]) {
      expect(catalog.namesOf(value).length + (catalog.labelOf(value) ? 1 : 0)).toBeGreaterThan(0);
      for (const other of [value | 0, value + 0.5, value + 2 ** 32, -value]) {
        expect(catalog.namesOf(other)).toEqual([]);
        expect(catalog.labelOf(other)).toBeUndefined();
        expect(catalog.isKnown(other)).toBe(false);
      }
    }
    expect(catalog.isKnown(-0)).toBe(catalog.isKnown(0));
  });
});
