import { describe, expect, it } from 'vitest';
import { loadWindowsCatalog } from '../../adapters/catalog/load-windows-tables.js';
import { readNotation } from '../codes/read-notation.js';
import { readQueryCodes } from './query-codes.js';

const catalog = await loadWindowsCatalog();

describe('readQueryCodes', () => {
  it.each([
    ['0x8024402f windows 10', '0x8024402F'],
    ['error 0x80244001 on windows 11', '0x80244001'],
    ['WU_E_PT_SOAPCLIENT_INITIALIZE', '0x80244001'],
    ['-2145107967', '0x80244001'],
  ])('%s reads exactly as %s', (q, code) => {
    const codes = readQueryCodes(q, catalog);
    expect(codes.exact[0]?.code).toBe(code);
    expect(codes.fuzzy.map((f) => f.code)).not.toContain(code);
  });

  it.each([
    ['WinHttpReceiveResponse failed: 12002', '0x80072EE2'],
    ['1900101-40017', '0xC1900101'],
    ['setup failed 1900101', '0xC1900101'],
    ['error 0x80244001L', '0x80244001'],
    ['0x8024 4001 in the log', '0x80244001'],
    ['PT_HTTP_STATUS_DENIED_ERROR', '0x80244017'],
    ['WU_E_PT_HTTP_STATUS_DENIE', '0x80244017'],
    ['error 0x8O244001 today', '0x80244001'],
    ['code 8024401 when updating', '0x80244001'],
  ])('%s: did you mean %s (not read exactly)', (q, code) => {
    const codes = readQueryCodes(q, catalog);
    expect(codes.exact.map((r) => r.code)).not.toContain(code);
    expect(codes.fuzzy.slice(0, 3).map((f) => f.code)).toContain(code);
  });

  it.each([
    '0x80244001',
    '80244001',
    '-2145107967',
    'WU_E_PT_SOAPCLIENT_INITIALIZE',
    '0xC1900101 - 0x40017',
    'gle=5',
  ])('leaves the exact readings of %s exactly as readNotation gives them', (q) => {
    const read = readNotation(q, catalog);
    expect(read.ok).toBe(true);
    expect(readQueryCodes(q, catalog).exact).toEqual(read.ok ? read.value : []);
  });

  it.each(['windows update error soap client', 'updat stuck proxy', 'wuauserv wont start', ''])(
    'finds no code in %j',
    (q) => {
      const codes = readQueryCodes(q, catalog);
      expect(codes.exact).toEqual([]);
      expect(codes.fuzzy).toEqual([]);
    },
  );
});
