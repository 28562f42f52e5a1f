import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TEXT_TOKEN } from './notation-patterns.js';
import { textTokens } from './text-words.js';

/** The tokenizer must split text exactly as the TEXT_TOKEN pattern, its specification, does. */
const byPattern = (text: string) =>
  [...text.matchAll(TEXT_TOKEN)].map((m) => ({ word: m[0], index: m.index }));

describe('textTokens', () => {
  it.each([
    'error 0x80244001 on Windows 11',
    'Windows-11 -5 x-5 --7 a_b-9 -0x57',
    'hr=0X80244007, *FAILED* [80070032]',
    '[HRESULT = 0x800f081f - CBS_E_SOURCE_MISSING]',
    'NTSTATUS -1073283059',
    '0xC1900101 - 0x4000D',
    '',
    '---',
    'é0x5 ü_x',
  ])('splits %j as the pattern does', (text) => {
    expect(textTokens(text)).toEqual(byPattern(text));
  });

  it('splits any text as the pattern does', () => {
    const alphabet = fc.constantFrom(...'ab0159xX_- =:[]*,.é\t'.split(''));
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }), (chars) => {
        const text = chars.join('');
        expect(textTokens(text)).toEqual(byPattern(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps, when asked, exactly the words with a digit or `_` (those that may be codes)', () => {
    const alphabet = fc.constantFrom(...'ab0159xX_- =:[]*,.é\t'.split(''));
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }), (chars) => {
        const text = chars.join('');
        const codeLike = byPattern(text).filter(({ word }) => /[0-9_]/.test(word));
        expect(textTokens(text, true)).toEqual(codeLike);
      }),
      { numRuns: 2000 },
    );
  });
});
