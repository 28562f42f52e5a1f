/**
 * Membership of known 32-bit values, answered in a few nanoseconds: did-you-mean asks it a
 * hundred times per query. Values are grouped by their high 16 bits (a small integer, so the
 * Map key stays cheap) and each group is a 65,536-bit bitmap of low words. Codes cluster in a
 * few hundred high words, so this is a few MB, built once and only when first needed.
 */
export type KnownBits = { has(value: number): boolean };

export function buildKnownBits(values: readonly number[]): KnownBits {
  const groups = new Map<number, Uint8Array>();
  for (const value of values) {
    const high = value >>> 16;
    let bits = groups.get(high);
    if (bits === undefined) {
      bits = new Uint8Array(8192);
      groups.set(high, bits);
    }
    const low = value & 0xffff;
    bits[low >>> 3] = (bits[low >>> 3] ?? 0) | (1 << (low & 7));
  }
  return {
    has(value) {
      const bits = groups.get(value >>> 16);
      if (bits === undefined) return false;
      const low = value & 0xffff;
      return ((bits[low >>> 3] ?? 0) & (1 << (low & 7))) !== 0;
    },
  };
}
