import { describe, expect, it } from 'vitest';
import { loadWindowsCatalog } from '../../adapters/catalog/load-windows-tables.js';
import { isCanonical } from './code-value.js';
import { readNotation } from './read-notation.js';
import type { Notation, NotationError, Reading } from './reading.js';

const catalog = await loadWindowsCatalog();

function readingsOf(input: string): Reading[] {
  const result = readNotation(input, catalog);
  if (!result.ok)
    throw new Error(`expected readings for ${JSON.stringify(input)}: ${result.reason.message}`);
  return result.value;
}

function errorOf(input: string): NotationError {
  const result = readNotation(input, catalog);
  if (result.ok) throw new Error(`expected an error for ${JSON.stringify(input)}`);
  return result.reason;
}

describe('every notation of 0x80244001 gives the same single reading', () => {
  it.each<[string, Notation]>([
    ['0x80244001', 'hex'],
    ['0X80244001', 'hex'],
    ['0x80244001 ', 'hex'],
    ['80244001', 'bare-hex'],
    ['-2145107967', 'signed-decimal'],
    ['2149859329', 'unsigned-decimal'],
    ['wu_e_pt_soapclient_initialize', 'name'],
    ['WU_E_PT_SOAPCLIENT_INITIALIZE', 'name'],
    ['SOAPCLIENT_INITIALIZE', 'name-tail'],
    ['error 0x80244001 on Windows 11', 'hex'],
    ['hr=0x80244001', 'hex'],
    ['FATAL: failed, hr=80244001', 'bare-hex'],
    ['[HRESULT = 0x80244001 - WU_E_PT_SOAPCLIENT_INITIALIZE]', 'hex'],
    ['HResult: -2145107967', 'signed-decimal'],
  ])('%j', (input, notation) => {
    const readings = readingsOf(input);
    expect(readings).toHaveLength(1);
    expect(readings[0]).toMatchObject({
      code: '0x80244001',
      value: 0x80244001,
      notation,
      known: true,
      rank: 1,
    });
    expect(readings[0]?.names[0]?.name).toBe('WU_E_PT_SOAPCLIENT_INITIALIZE');
    expect(readings[0]?.reason).not.toBe('');
  });
});

describe('ranking rules (DESIGN.md "Canonical forms")', () => {
  it.each<[string, string, Notation, string]>([
    ['5', '0x80070005', 'win32-decimal', 'ERROR_ACCESS_DENIED'],
    ['12002', '0x80072EE2', 'win32-decimal', 'ERROR_WINHTTP_TIMEOUT'],
    ['0x80070005', '0x80070005', 'hex', 'E_ACCESSDENIED'],
    ['error_access_denied', '0x80070005', 'name', 'ERROR_ACCESS_DENIED'],
    ['STATUS_ACCESS_DENIED', '0xC0000022', 'name', 'STATUS_ACCESS_DENIED'],
    ['System error 5 has occurred.', '0x80070005', 'win32-decimal', 'ERROR_ACCESS_DENIED'],
    ['gle=5', '0x80070005', 'win32-decimal', 'ERROR_ACCESS_DENIED'],
    ['gle=0x5', '0x80070005', 'hex', 'ERROR_ACCESS_DENIED'],
  ])('%j reads first as %s (%s), named %s', (input, code, notation, name) => {
    const [first] = readingsOf(input);
    expect(first).toMatchObject({ code, notation, known: true, rank: 1 });
    expect(first?.names.map((n) => n.name)).toContain(name);
  });

  it('reads 8 decimal digits as hex first, and as decimal second only when that value is known', () => {
    // 0x00030200 (STG_S_CONVERTED) is 00197120 in decimal; 0x00197120 is in no table.
    const readings = readingsOf('00197120');
    expect(readings.map((r) => [r.code, r.notation, r.known, r.rank])).toEqual([
      ['0x00197120', 'bare-hex', false, 1],
      ['0x00030200', 'unsigned-decimal', true, 2],
    ]);
  });

  it('reads a short decimal as Win32 first, and its plain value beside it when known', () => {
    // 1 is also the NTSTATUS STATUS_WAIT_1 at its own value.
    const readings = readingsOf('1');
    expect(readings.map((r) => [r.code, r.notation])).toEqual([
      ['0x80070001', 'win32-decimal'],
      ['0x00000001', 'unsigned-decimal'],
    ]);
    expect(readings[1]?.names[0]?.name).toBe('STATUS_WAIT_1');
  });

  it('reads other decimals as decimal when the value is known, with the hex reading beside', () => {
    const readings = readingsOf('197120');
    expect(readings.map((r) => [r.code, r.notation, r.known])).toEqual([
      ['0x00030200', 'unsigned-decimal', true],
      ['0x00197120', 'bare-hex', false],
    ]);
  });

  it('reads other decimals as hex when the decimal value is in no table', () => {
    expect(readingsOf('123456').map((r) => [r.code, r.notation, r.known])).toEqual([
      ['0x00123456', 'bare-hex', false],
    ]);
  });

  it('answers a parseable but unknown code with known: false and no names', () => {
    expect(readingsOf('0x12345678')).toEqual([
      expect.objectContaining({ code: '0x12345678', known: false, names: [], rank: 1 }),
    ]);
  });

  it('ranks each code found in text once, 0x and names before bare numbers', () => {
    const readings = readingsOf('failed 80070005 then 0x80244001 (0x80244001)');
    expect(readings.map((r) => [r.code, r.rank])).toEqual([
      ['0x80244001', 1],
      ['0x80070005', 2],
    ]);
  });

  it('does not read a small number in text as a code', () => {
    expect(readNotation('Windows 11 version 23', catalog).ok).toBe(false);
  });

  it('reads an exact name even when a longer name ends in it', () => {
    // E_FAIL is a name, and also the tail of other names; the exact name wins.
    expect(readingsOf('E_FAIL')[0]).toMatchObject({ code: '0x80004005', notation: 'name' });
  });
});

describe('input that does not parse', () => {
  it.each<[string, RegExp, string[]]>([
    ['80244O01', /not a code notation/, ['0x80244001']],
    ['0x8024400l', /not a code notation/, ['0x80244001']],
    ['hello', /not a code notation/, []],
    ['', /empty/, []],
    ['   ', /empty/, []],
    ['0x802440011', /9 hex digits/, ['0x80244001']],
    ['8024400112', /larger than a 32-bit value/, ['0x80244001']],
    ['99999999999', /larger than a 32-bit value/, []],
    ['-2147483649', /below -2147483648/, []],
  ])('%j is refused', (input, message, suggested) => {
    const error = errorOf(input);
    expect(error.message).toMatch(message);
    expect(error.message).toMatch(/Accepted: 0x80244001/);
    for (const code of suggested) expect(error.suggestions).toContain(code);
    if (suggested.length === 0) expect(error.suggestions).toEqual([]);
    expect(error.suggestions.every(isCanonical)).toBe(true);
  });

  it('lists the candidates of an ambiguous tail instead of picking one', () => {
    const error = errorOf('TIMEOUT');
    expect(error.message).toMatch(/"TIMEOUT" ends \d+ names/);
    expect(error.suggestions).toContain('0x8024401C');
  });

  it('refuses input longer than a sentence', () => {
    expect(errorOf(`0x80244001 ${'x'.repeat(5000)}`).message).toMatch(/log analysis/);
  });
});

describe('did-you-mean in readings and errors', () => {
  it.each<[string, string]>([
    ['0244001', '0x80244001'],
    ['0x0244001', '0x80244001'],
    ['failed with 0x8024401F0', '0x8024401F'],
  ])('%j: an unknown or refused code suggests %s', (input, code) => {
    const result = readNotation(input, catalog);
    const suggestions = result.ok
      ? (result.value[0]?.suggestions ?? [])
      : result.reason.suggestions;
    expect(suggestions).toContain(code);
    expect(suggestions.every(isCanonical)).toBe(true);
  });

  it('gives a known reading no suggestions', () => {
    expect(readingsOf('0x80244001')[0]).not.toHaveProperty('suggestions');
  });

  it('adds near codes after the sure fixes of a refused input', () => {
    const error = errorOf('8O24401');
    expect(error.suggestions[0]).toBe('0x80244001');
    expect(error.suggestions.length).toBeGreaterThan(1);
  });
});
