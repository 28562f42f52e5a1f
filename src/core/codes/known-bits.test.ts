import { describe, expect, it } from 'vitest';
import { buildKnownBits } from './known-bits.js';

describe('buildKnownBits', () => {
  const values = [0, 1, 0x80244001, 0x8024ffff, 0xc0000005, 0xffffffff];
  const known = buildKnownBits(values);

  it.each(values)('knows %i', (value) => {
    expect(known.has(value)).toBe(true);
  });

  it.each([2, 0x80244000, 0x80244002, 0x8025ffff, 0xc0000004, 0xfffffffe, 0x00010001])(
    'does not know %i',
    (value) => {
      expect(known.has(value)).toBe(false);
    },
  );
});
