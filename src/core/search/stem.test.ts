import { describe, expect, it } from 'vitest';
import { stem } from './stem.js';

describe('stem (Porter)', () => {
  // Examples from Porter's 1980 paper, and the field's own words.
  it.each([
    ['caresses', 'caress'],
    ['ponies', 'poni'],
    ['cats', 'cat'],
    ['agreed', 'agre'],
    ['plastered', 'plaster'],
    ['motoring', 'motor'],
    ['hopping', 'hop'],
    ['filing', 'file'],
    ['happy', 'happi'],
    ['relational', 'relat'],
    ['conditional', 'condit'],
    ['generalization', 'gener'],
    ['electrical', 'electr'],
    ['adjustment', 'adjust'],
    ['controll', 'control'],
    ['install', 'instal'],
    ['installing', 'instal'],
    ['installed', 'instal'],
    ['installs', 'instal'],
    ['updates', 'updat'],
    ['updating', 'updat'],
    ['downloads', 'download'],
  ])('%s → %s', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });

  it.each(['0x80244001', 'ошибка', 'wu', 'é'])(
    'leaves %s (not plain English letters, or short) alone',
    (word) => {
      expect(stem(word)).toBe(word);
    },
  );
});
