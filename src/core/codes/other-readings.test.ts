import { describe, expect, it } from 'vitest';
import { otherReadings } from './other-readings.js';

describe('otherReadings', () => {
  it.each([
    // 5 as Win32 is 0x80070005; as hex and as decimal it is the same 0x00000005.
    ['5', 0x80070005, ['0x00000005']],
    ['259', 0x80070103, ['0x00000259', '0x00000103']],
    ['259', 0x00000103, ['0x80070103', '0x00000259']],
    // Six digits are beyond Win32's five: hex and decimal only.
    ['123456', 0x00123456, ['0x0001E240']],
    ['0', 0, []],
    ['80244001', 0x80244001, []],
    ['2149859329', 0x80244001, []],
    ['0x5', 5, []],
    ['-5', 0xfffffffb, []],
    ['ABC', 0xabc, []],
  ])('%s read as %s: the other ways are %j', (input, chosen, codes) => {
    expect(otherReadings(input, chosen).map((r) => r.code)).toEqual(codes);
  });

  it('says how each reading comes from the digits', () => {
    expect(otherReadings('12', 0x00000012)).toEqual([
      {
        code: '0x8007000C',
        value: 0x8007000c,
        how: '12 as a Win32 error code, wrapped as an HRESULT',
      },
      { code: '0x0000000C', value: 12, how: '12 as a plain decimal number' },
    ]);
  });
});
