import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BARE_HEX, DECIMAL } from './notation-patterns.js';
import { forEachWord, hexValue, numberShapeOf, shapeOf, WordShape } from './text-words.js';

/** The shape bits must say what the notation patterns, their specification, say of a word. */
const byPatterns = (word: string): number =>
  (DECIMAL.test(word) ? WordShape.digits : 0) |
  (BARE_HEX.test(word) ? WordShape.hex : 0) |
  (/\d/.test(word) ? WordShape.someDigit : 0) |
  (word.includes('_') ? WordShape.underscore : 0);

const alphabet = fc.constantFrom(...'09afAFgGxXzZ_-. é٣ſＡ'.split(''));

describe('shapeOf', () => {
  it.each(['', '0', '80244001', 'DEADbeef', 'WU_E_X', 'x1', '-5', '٣', 'ＡＢ'])(
    'says of %j what the patterns say',
    (word) => {
      expect(shapeOf(word)).toBe(byPatterns(word));
    },
  );

  it('says of any word what the patterns say', () => {
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 12 }), (chars) => {
        const word = chars.join('');
        expect(shapeOf(word)).toBe(byPatterns(word));
      }),
      { numRuns: 3000 },
    );
  });

  it('numberShapeOf: the digits and hex bits of shapeOf, from any start', () => {
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 12 }), fc.nat(3), (chars, start) => {
        const word = chars.join('');
        const bits = WordShape.digits | WordShape.hex;
        expect(numberShapeOf(word, start)).toBe(shapeOf(word, start) & bits);
      }),
      { numRuns: 3000 },
    );
  });

  it('of a part of a text, says what it says of that part cut out', () => {
    expect(shapeOf('xx0x1234_', 4, 8)).toBe(shapeOf('1234'));
    expect(shapeOf('abc', 1, 1)).toBe(0);
  });
});

describe('hexValue', () => {
  it('reads hex digits as parseInt does', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9a-fA-F]{1,13}$/), (digits) => {
        expect(hexValue(digits)).toBe(Number.parseInt(digits, 16));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('forEachWord', () => {
  it('gives each word the shape of the word cut out', () => {
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }), (chars) => {
        const text = chars.join('');
        forEachWord(text, false, (start, end, shape) => {
          const word = text.slice(start, end);
          const expected = word.startsWith('-')
            ? WordShape.negative | WordShape.someDigit
            : byPatterns(word);
          expect(shape).toBe(expected);
        });
      }),
      { numRuns: 2000 },
    );
  });
});
