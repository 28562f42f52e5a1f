import { describe, expect, it } from 'vitest';
import { negotiateEncoding } from './negotiate-encoding.js';

describe('negotiateEncoding', () => {
  it.each([
    [undefined, 'identity'],
    ['', 'identity'],
    ['gzip', 'gzip'],
    ['br', 'br'],
    ['gzip, deflate, br', 'br'],
    ['gzip, deflate, br, zstd', 'br'],
    ['br;q=0.5, gzip', 'gzip'],
    ['br;q=1.0, gzip;q=0.8', 'br'],
    ['gzip;q=0, br;q=0', 'identity'],
    ['br;q=0', 'identity'],
    ['deflate', 'identity'],
    ['identity', 'identity'],
    ['*', 'br'],
    ['*;q=0.1, gzip;q=0.5', 'gzip'],
    ['*, br;q=0', 'gzip'],
    ['GZIP', 'gzip'],
    [' gzip ; q=0.3 , br ; q=0.2 ', 'gzip'],
    ['br;q=nonsense, gzip', 'gzip'],
  ])('Accept-Encoding %j → %s', (header, expected) => {
    expect(negotiateEncoding(header)).toBe(expected);
  });

  it('answers a header the same every time, also after more distinct headers than it keeps', () => {
    for (let round = 0; round < 3; round++) {
      expect(negotiateEncoding('gzip, deflate, br')).toBe('br');
      expect(negotiateEncoding('br;q=0.5, gzip')).toBe('gzip');
      for (let n = 0; n < 300; n++) {
        expect(negotiateEncoding(`gzip;q=0.${n % 10}, br;q=0.${(n + 5) % 10}, x-${n}`)).toBe(
          n % 10 > (n + 5) % 10 ? 'gzip' : (n + 5) % 10 === 0 ? 'identity' : 'br',
        );
      }
    }
  });
});
