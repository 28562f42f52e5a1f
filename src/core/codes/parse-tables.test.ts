import { describe, expect, it } from 'vitest';
import { parseTable } from './parse-tables.js';

const tsv = (...lines: string[][]): string => lines.map((l) => l.join('\t')).join('\n') + '\n';

describe('parseTable', () => {
  it('reads an HRESULT table by column name, whatever the column order', () => {
    const text = tsv(['name', 'facility', 'hex'], ['E_ACCESSDENIED', '7', '0x80070005']);
    const parsed = parseTable('hresults.tsv', text);
    expect(parsed).toEqual({
      ok: true,
      value: {
        kind: 'codes',
        file: 'hresults.tsv',
        rows: [
          {
            value: 0x80070005,
            name: { name: 'E_ACCESSDENIED', table: 'hresults', scheme: 'hresult' },
          },
        ],
      },
    });
  });

  it('catalogues a Win32 name at its wrapped value, keeping code and alias', () => {
    const text = tsv(
      ['code', 'hex', 'hresult_from_win32', 'name', 'alias_of', 'source'],
      ['14', '0x0000000E', '0x8007000E', 'DNS_ERROR_NO_MEMORY', 'ERROR_OUTOFMEMORY', 'x'],
    );
    const parsed = parseTable('win32-errors.tsv', text);
    expect(parsed.ok && parsed.value.rows).toEqual([
      {
        value: 0x8007000e,
        name: {
          name: 'DNS_ERROR_NO_MEMORY',
          table: 'win32',
          scheme: 'win32',
          win32Code: 14,
          aliasOf: 'ERROR_OUTOFMEMORY',
        },
      },
    ]);
  });

  it('splits winhttp-errors.tsv into WinHTTP and WinINet by header', () => {
    const text = tsv(
      ['code', 'hresult_from_win32', 'name', 'header', 'source'],
      ['12002', '0x80072EE2', 'ERROR_WINHTTP_TIMEOUT', 'winhttp.h', 'x'],
      ['12002', '0x80072EE2', 'ERROR_INTERNET_TIMEOUT', 'wininet.h', 'x'],
    );
    const parsed = parseTable('data/windows/winhttp-errors.tsv', text);
    expect(parsed.ok && parsed.value.rows.map((r) => 'name' in r && r.name)).toEqual([
      { name: 'ERROR_WINHTTP_TIMEOUT', table: 'winhttp', scheme: 'win32', win32Code: 12002 },
      { name: 'ERROR_INTERNET_TIMEOUT', table: 'wininet', scheme: 'win32', win32Code: 12002 },
    ]);
  });

  it('reads facilities and tolerates CRLF line ends', () => {
    const text = 'facility\tfacility_hex\tname\tsource\r\n2170\t0x87A\tFACILITY_DXGI\tx\r\n';
    expect(parseTable('facilities.tsv', text)).toEqual({
      ok: true,
      value: {
        kind: 'facilities',
        file: 'facilities.tsv',
        rows: [{ facility: 2170, name: 'FACILITY_DXGI' }],
      },
    });
  });

  it.each([
    ['unknown.tsv', 'hex\tname\n', /not a known table/],
    ['ntstatus.tsv', 'value\tname\n', /header lacks column\(s\) hex/],
    [
      'ntstatus.tsv',
      'hex\tname\n0xc0000022\tSTATUS_ACCESS_DENIED\n',
      /ntstatus.tsv:2: hex "0xc0000022"/,
    ],
    [
      'bits-errors.tsv',
      'hex\tname\n0x80200053\tnot a name\n',
      /bits-errors.tsv:2: name "not a name"/,
    ],
    [
      'win32-errors.tsv',
      'code\thresult_from_win32\tname\talias_of\n5\t0x80070006\tERROR_ACCESS_DENIED\t\n',
      /is not HRESULT_FROM_WIN32\(5\)/,
    ],
    [
      'win32-errors.tsv',
      'code\thresult_from_win32\tname\talias_of\n70000\t0x80071170\tX\t\n',
      /not a 16-bit/,
    ],
    [
      'winhttp-errors.tsv',
      'code\thresult_from_win32\tname\theader\n12002\t0x80072EE2\tX\twinerror.h\n',
      /neither/,
    ],
  ])('refuses %s with a reason naming the place: %s', (file, text, reason) => {
    const parsed = parseTable(file, text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toMatch(reason);
  });
});

describe('fields other helpers build on', () => {
  it('keeps the Windows Update component of a WU row', () => {
    const text = tsv(
      ['hex', 'signed_decimal', 'symbolic_name', 'component_prefix', 'source'],
      ['0x80244001', '-2145107967', 'WU_E_PT_SOAPCLIENT_INITIALIZE', 'PT', 'x'],
    );
    const parsed = parseTable('wu-errors.tsv', text);
    expect(parsed.ok && parsed.value.rows).toEqual([
      {
        value: 0x80244001,
        name: {
          name: 'WU_E_PT_SOAPCLIENT_INITIALIZE',
          table: 'wu',
          scheme: 'hresult',
          component: 'PT',
        },
      },
    ]);
  });

  it.each(['CBS', 'PSFX', 'SPAPI'])('keeps the CBS family %s', (family) => {
    const text = tsv(['hex', 'name', 'family'], ['0x800F081F', 'CBS_E_SOURCE_MISSING', family]);
    const parsed = parseTable('cbs-errors.tsv', text);
    expect(parsed.ok && parsed.value.rows).toEqual([
      expect.objectContaining({ name: expect.objectContaining({ cbsFamily: family }) as unknown }),
    ]);
  });

  it.each([
    [
      'wu-errors.tsv',
      'hex\tsymbolic_name\tcomponent_prefix\n0x80244001\tX\tpt\n',
      /component_prefix "pt"/,
    ],
    ['cbs-errors.tsv', 'hex\tname\tfamily\n0x800F081F\tX\tDISM\n', /family "DISM"/],
  ])('refuses a bad %s field', (file, text, reason) => {
    const parsed = parseTable(file, text);
    expect(!parsed.ok && parsed.reason).toMatch(reason);
  });
});
