import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { requiredLiterals } from './required-literals.js';

describe('the literal text a pattern cannot match without', () => {
  it('reads the shipped rule patterns', () => {
    expect(requiredLiterals(String.raw`\b(?<subject>[\w-]+\.(?:sys|inf))\b`)).toEqual([
      '.sys',
      '.inf',
    ]);
    expect(requiredLiterals('source files could not be found|/source option')).toEqual([
      'source files could not be found',
      '/source option',
    ]);
    expect(requiredLiterals('Hashes for file member .* do not match')).toEqual([
      'Hashes for file member ',
    ]);
    expect(
      requiredLiterals(
        String.raw`gathering object (?<subject>\S+?)\.? Shell application requested abort`,
      ),
    ).toEqual([' Shell application requested abort']);
    expect(requiredLiterals(String.raw`\[SR\] Cannot repair member file`)).toEqual([
      '[SR] Cannot repair member file',
    ]);
  });

  it('leaves out what is optional or repeated, and keeps what is needed at least once', () => {
    expect(requiredLiterals('abcx?def')).toEqual(['abc']);
    expect(requiredLiterals('ab(?:cdef)+g')).toEqual(['cdef']);
    expect(requiredLiterals('(?:abc|de)fgh')).toEqual(['abcfgh', 'defgh']);
    expect(requiredLiterals('(?:abc)?xyz')).toEqual(['xyz']);
  });

  it('says it cannot tell rather than guess', () => {
    for (const source of [
      'foo(?!bar)',
      '(?<=x)abcdef',
      String.raw`\x41bcdef`,
      String.raw`(a)\1bcdef`,
      'ab|cdef', // one alternative too short to scan for
      '.*',
      '[abc]+',
      'abc{2',
      'σύστημα', // σ and ς fold together under `i`; lowering the text would not find ς
    ])
      expect(requiredLiterals(source), source).toBeUndefined();
  });

  it('every match holds one of the literals (random patterns, random text)', () => {
    const piece = fc.constantFrom(
      'abc',
      'sys',
      'x',
      String.raw`\.`,
      String.raw`\[`,
      'b*',
      'c+',
      'd?',
      '(?:ab|cd)',
      '(?:sys|inf)',
      '(?<n>bca)',
      String.raw`[\w-]+`,
      '.',
      String.raw`\s+`,
      String.raw`\b`,
      '^',
      '$',
      '(?:a|)',
      '|',
      'a{2}',
      '(?:abc)+',
      '(?:bcda)?',
      '(?:xab)*',
      'sysx?',
    );
    const pattern = fc.array(piece, { minLength: 1, maxLength: 8 }).map((p) => p.join(''));
    const text = fc.string({ unit: fc.constantFrom(...'abcdsyinfxX.[ -_\n'), maxLength: 40 });
    fc.assert(
      fc.property(pattern, fc.array(text, { minLength: 1, maxLength: 5 }), (source, texts) => {
        let regex: RegExp;
        try {
          regex = new RegExp(source, 'i');
        } catch {
          return;
        }
        const needs = requiredLiterals(source);
        if (needs === undefined) return;
        for (const t of texts)
          if (regex.test(t))
            expect(
              needs.some((n) => t.toLowerCase().includes(n.toLowerCase())),
              `${source} on ${JSON.stringify(t)} needs ${JSON.stringify(needs)}`,
            ).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
