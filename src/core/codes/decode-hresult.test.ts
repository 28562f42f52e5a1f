import { describe, expect, it } from 'vitest';
import { loadWindowsCatalog } from '../../adapters/catalog/load-windows-tables.js';
import { hresultFromWin32 } from './code-value.js';
import { decodeCode, describeKnownWrapped, type Decoded } from './decode-hresult.js';

const catalog = await loadWindowsCatalog();

describe('decodeCode', () => {
  it('decodes 0x80070005 as FACILITY_WIN32 code 5, ERROR_ACCESS_DENIED and E_ACCESSDENIED', () => {
    const decoded = decodeCode(0x80070005, catalog);
    expect(decoded).toEqual({
      hex: '0x80070005',
      unsigned: 2147942405,
      signed: -2147024891,
      severity: 'failure',
      flags: { S: true, R: false, C: false, N: false, X: false },
      facility: { number: 7, name: 'FACILITY_WIN32' },
      code: 5,
      wrapped: { scheme: 'win32', code: 5, via: 'hresult', names: ['ERROR_ACCESS_DENIED'] },
    } satisfies Decoded);
    const inner = decoded.wrapped?.scheme === 'win32' ? hresultFromWin32(decoded.wrapped.code) : -1;
    const names = catalog.namesOf(inner).map((n) => n.name);
    expect(names).toContain('ERROR_ACCESS_DENIED');
    expect(names).toContain('E_ACCESSDENIED');
  });

  it.each([
    ['FACILITY_DXGI (13 bits, X set)', 0x887a0001, 2170, 'FACILITY_DXGI'],
    ['Windows Update', 0x80244001, 36, 'FACILITY_WINDOWSUPDATE'],
    ['setup API', 0x800f081f, 15, 'FACILITY_SETUPAPI'],
    ['an unnamed facility', 0x805c0001, 92, undefined],
  ])('facility of %s', (_what, value, number, name) => {
    expect(decodeCode(value, catalog).facility).toEqual(
      name === undefined ? { number } : { number, name },
    );
  });

  it.each<[string, number, Decoded['wrapped']]>([
    ['HRESULT_FROM_WIN32', 0x80072ee2, { scheme: 'win32', code: 12002, via: 'hresult', names: [] }],
    [
      'HRESULT_FROM_NT of an error',
      0xd0000022,
      { scheme: 'ntstatus', value: 0xc0000022, names: [] },
    ],
    [
      'HRESULT_FROM_NT of a warning',
      0x90000005,
      { scheme: 'ntstatus', value: 0x80000005, names: [] },
    ],
    [
      'HRESULT_FROM_NT of an informational status',
      0x50000000,
      { scheme: 'ntstatus', value: 0x40000000, names: [] },
    ],
    [
      'NTSTATUS FACILITY_NTWIN32',
      0xc0070005,
      { scheme: 'win32', code: 5, via: 'ntstatus', names: [] },
    ],
    ['a BITS HTTP status', 0x80190193, { scheme: 'http', status: 403, reasonPhrase: 'Forbidden' }],
    ['an HTTP status with no standard phrase', 0x801901f3, { scheme: 'http', status: 499 }],
    ['nothing inside', 0x80244001, undefined],
    ['0x8019 but no HTTP status', 0x80190001, undefined],
  ])('wrapped, without names: %s', (_what, value, wrapped) => {
    expect(decodeCode(value).wrapped).toEqual(wrapped);
  });

  it.each<[string, number, string[]]>([
    ['Win32 names only, not the HRESULT name', 0x80070005, ['ERROR_ACCESS_DENIED']],
    ['WinHTTP before WinINet', 0x80072ee2, ['ERROR_WINHTTP_TIMEOUT', 'ERROR_INTERNET_TIMEOUT']],
    ['an alias after its name', 0x8007000e, ['ERROR_OUTOFMEMORY', 'DNS_ERROR_NO_MEMORY']],
    ['HRESULT_FROM_NT of an error', 0xd0000022, ['STATUS_ACCESS_DENIED']],
    ['HRESULT_FROM_NT of a warning', 0x90000005, ['STATUS_BUFFER_OVERFLOW']],
    ['HRESULT_FROM_NT of success', 0x10000000, ['STATUS_SUCCESS', 'STATUS_WAIT_0']],
    [
      'an NTSTATUS carrying a Win32 code',
      0xc007000d,
      ['ERROR_INVALID_DATA', 'DNS_ERROR_INVALID_DATA'],
    ],
    ['a wrapped code no table has', 0x8007fffe, []],
  ])('wrapped names, from the catalog: %s', (_what, value, names) => {
    const wrapped = decodeCode(value, catalog).wrapped;
    expect(wrapped && 'names' in wrapped ? wrapped.names : undefined).toEqual(names);
  });

  it.each<[number, string | undefined]>([
    [0xd0000022, 'HRESULT_FROM_NT of STATUS_ACCESS_DENIED'],
    [0xc007000d, 'an NTSTATUS carrying Win32 error 13 (ERROR_INVALID_DATA)'],
    [0x801901ad, 'HTTP status 429 (Too Many Requests) in FACILITY_HTTP'],
    [0x80190194, 'HTTP status 404 (Not Found) in FACILITY_HTTP'],
    [0x8007fffe, undefined],
    [0x80244001, undefined],
  ])('describeKnownWrapped(%d) = %j', (value, text) => {
    expect(describeKnownWrapped(decodeCode(value, catalog))).toBe(text);
  });

  it('an HRESULT_FROM_NT value unwraps to a catalogued NTSTATUS', () => {
    const wrapped = decodeCode(0xd0000022).wrapped;
    expect(wrapped?.scheme === 'ntstatus' && catalog.namesOf(wrapped.value)[0]?.name).toBe(
      'STATUS_ACCESS_DENIED',
    );
  });

  it.each([
    [0x00000000, 'success', { S: false, R: false, C: false, N: false, X: false }],
    [0xc0000022, 'failure', { S: true, R: true, C: false, N: false, X: false }],
    [0xa0000001, 'failure', { S: true, R: false, C: true, N: false, X: false }],
    [0x10000000, 'success', { S: false, R: false, C: false, N: true, X: false }],
  ])('flag bits of %d', (value, severity, flags) => {
    expect(decodeCode(value)).toMatchObject({ severity, flags });
  });

  it('accepts the signed form of the same bits and works without a facility source', () => {
    const decoded = decodeCode(-2145107967);
    expect(decoded).toMatchObject({
      hex: '0x80244001',
      unsigned: 0x80244001,
      signed: -2145107967,
      code: 0x4001,
    });
    expect(decoded.facility).toEqual({ number: 36 });
  });

  it('refuses a number that is not 32 bits instead of wrapping it silently', () => {
    expect(() => decodeCode(0x100000005)).toThrow(RangeError);
  });
});
