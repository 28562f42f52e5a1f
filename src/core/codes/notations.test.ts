import { describe, expect, it } from 'vitest';
import { loadWindowsCatalog } from '../../adapters/catalog/load-windows-tables.js';
import { readNotation } from './read-notation.js';
import type { Notation, Reading } from './reading.js';

/** Every notation issue 3 lists, as a bare code and inside log lines: the first reading. */

const catalog = await loadWindowsCatalog();

function firstOf(input: string): Reading {
  const result = readNotation(input, catalog);
  if (!result.ok) throw new Error(`${JSON.stringify(input)}: ${result.reason.message}`);
  const [first] = result.value;
  if (first === undefined) throw new Error(`${JSON.stringify(input)}: no reading`);
  return first;
}

describe('each notation reads first as its code, with the expected name', () => {
  it.each<[string, string, Notation, string]>([
    ['0x80244001', '0x80244001', 'hex', 'WU_E_PT_SOAPCLIENT_INITIALIZE'],
    ['80244001', '0x80244001', 'bare-hex', 'WU_E_PT_SOAPCLIENT_INITIALIZE'],
    ['0X80244001', '0x80244001', 'hex', 'WU_E_PT_SOAPCLIENT_INITIALIZE'],
    ['-2145107967', '0x80244001', 'signed-decimal', 'WU_E_PT_SOAPCLIENT_INITIALIZE'],
    ['2149859329', '0x80244001', 'unsigned-decimal', 'WU_E_PT_SOAPCLIENT_INITIALIZE'],
    ['WU_E_PT_SOAPCLIENT_INITIALIZE', '0x80244001', 'name', 'WU_E_PT_SOAPCLIENT_INITIALIZE'],
    ['wu_e_pt_soapclient_initialize', '0x80244001', 'name', 'WU_E_PT_SOAPCLIENT_INITIALIZE'],
    ['Wu_E_Pt_SoapClient_Initialize', '0x80244001', 'name', 'WU_E_PT_SOAPCLIENT_INITIALIZE'],
    ['SOAPCLIENT_INITIALIZE', '0x80244001', 'name-tail', 'WU_E_PT_SOAPCLIENT_INITIALIZE'],
    ['soapclient_initialize', '0x80244001', 'name-tail', 'WU_E_PT_SOAPCLIENT_INITIALIZE'],
    ['E_ACCESSDENIED', '0x80070005', 'name', 'E_ACCESSDENIED'],
    ['ERROR_ACCESS_DENIED', '0x80070005', 'name', 'ERROR_ACCESS_DENIED'],
    ['5', '0x80070005', 'win32-decimal', 'ERROR_ACCESS_DENIED'],
    ['1645', '0x8007066D', 'win32-decimal', 'ERROR_INSTALL_REMOTE_PROHIBITED'],
    ['hr=0X80244007', '0x80244007', 'hex', 'WU_E_PT_SOAPCLIENT_SOAPFAULT'],
    ['*FAILED* [80070032]', '0x80070032', 'bare-hex', 'ERROR_NOT_SUPPORTED'],
    ['[HRESULT = 0x800f081f - CBS_E_SOURCE_MISSING]', '0x800F081F', 'hex', 'CBS_E_SOURCE_MISSING'],
    ['gle=0x57', '0x80070057', 'hex', 'ERROR_INVALID_PARAMETER'],
    ['Exception from HRESULT: 0x80244019', '0x80244019', 'hex', 'WU_E_PT_HTTP_STATUS_NOT_FOUND'],
    ['0xC1900101 - 0x4000D', '0xC1900101', 'hex', 'MOSETUP_E_SETUP_PLATFORM'],
    [
      '2016/05/17 10:03:10, Error CBS Failed to resolve package [HRESULT = 0x800f0831 - CBS_E_STORE_CORRUPTION]',
      '0x800F0831',
      'hex',
      'CBS_E_STORE_CORRUPTION',
    ],
  ])('%j → %s (%s), named %s', (input, code, notation, name) => {
    const first = firstOf(input);
    expect(first).toMatchObject({ code, notation, known: true, rank: 1 });
    expect(first.names.map((n) => n.name)).toContain(name);
    expect(first.reason).not.toBe('');
  });
});

describe('codes known through what they wrap', () => {
  it.each<[string, string, string]>([
    [
      'NTSTATUS -1073283059',
      '0xC007000D',
      'an NTSTATUS carrying Win32 error 13 (ERROR_INVALID_DATA)',
    ],
    ['0xD0000022', '0xD0000022', 'HRESULT_FROM_NT of STATUS_ACCESS_DENIED'],
    ['0x90000005', '0x90000005', 'HRESULT_FROM_NT of STATUS_BUFFER_OVERFLOW'],
    ['0xC0070005', '0xC0070005', 'an NTSTATUS carrying Win32 error 5 (ERROR_ACCESS_DENIED)'],
    ['0x801901AD', '0x801901AD', 'HTTP status 429 (Too Many Requests) in FACILITY_HTTP'],
  ])('%j is %s, known as %s', (input, code, knownVia) => {
    const first = firstOf(input);
    expect(first).toMatchObject({ code, known: true, names: [], knownVia });
    expect(first.reason).toContain(knownVia);
  });

  it.each([
    ['NTSTATUS 259', '0x00000103', 'STATUS_PENDING'],
    ['NTSTATUS 1073741824', '0x40000000', 'STATUS_OBJECT_NAME_EXISTS'],
  ])('reads %j (a positive status value) as %s %s', (input, code, name) => {
    const first = firstOf(input);
    expect(first).toMatchObject({ code, known: true, notation: 'unsigned-decimal' });
    expect(first.names.map((n) => n.name)).toContain(name);
  });

  it('says a signed number after "NTSTATUS" is read as an NTSTATUS', () => {
    expect(firstOf('NTSTATUS -1073283059').reason).toMatch(/read as an NTSTATUS/);
  });

  it('leaves a value with nothing known inside unknown, with no knownVia', () => {
    const first = firstOf('0x8007FFFE');
    expect(first.known).toBe(false);
    expect(first).not.toHaveProperty('knownVia');
  });
});

describe('Windows setup result–extend pairs', () => {
  it.each([
    ['0xC1900101 - 0x4000D'],
    ['0xC1900101-0x4000D'],
    ['0xc1900101 – 0x4000d'],
    ['Upgrade failed: 0xC1900101 - 0x4000D (rolled back)'],
  ])('%j is one reading: the result code with its extend code', (input) => {
    const result = readNotation(input, catalog);
    expect(result.ok && result.value.length).toBe(1);
    expect(firstOf(input)).toMatchObject({
      code: '0xC1900101',
      known: true,
      label: expect.any(String) as unknown,
      extend: {
        value: 0x4000d,
        hex: '0x4000D',
        phase: { number: 4, name: 'SP_EXECUTION_OOBE_BOOT' },
        operation: { number: 13, name: 'SP_EXECUTION_OP_MIGRATE_DATA' },
      },
    });
  });

  it('reads a setup result with no name in the docs as known, with our label', () => {
    const first = firstOf('0xC1800118');
    expect(first).toMatchObject({ known: true, names: [] });
    expect(first.label).toMatch(/\w/);
  });

  it.each([
    ['0x80244001 - WU_E_PT_SOAPCLIENT_INITIALIZE'],
    ['0xC1900101 - 0x4000D0'],
    ['0xC1900101 - 0x400'],
  ])('%j has no extend code (a name, or not five hex digits after the dash)', (input) => {
    const result = readNotation(input, catalog);
    expect(result.ok && result.value.every((r) => r.extend === undefined)).toBe(true);
  });
});
