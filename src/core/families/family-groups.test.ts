import { describe, expect, it } from 'vitest';
import type { FamilyMatch } from './family-schema.js';
import { countOf, FAMILY_GROUPS, familyGroupOf } from './family-groups.js';

describe('familyGroupOf', () => {
  it.each<[FamilyMatch, string]>([
    [{ wuComponent: 'PT' }, 'windows-update'],
    [{ table: 'bits' }, 'windows-update'],
    [{ table: 'do' }, 'windows-update'],
    [{ table: 'winhttp' }, 'network'],
    [{ table: 'wininet' }, 'network'],
    [{ wrapped: 'http' }, 'network'],
    [{ cbsFamily: 'CBS' }, 'servicing'],
    [{ cbsFamily: 'PSFX' }, 'servicing'],
    [{ cbsFamily: 'SPAPI' }, 'servicing'],
    [{ table: 'setup' }, 'setup'],
    [{ wrapped: 'win32' }, 'generic'],
    [{ wrapped: 'ntstatus' }, 'generic'],
    [{ table: 'ntstatus' }, 'generic'],
    [{ facility: 36 }, 'generic'],
  ])('puts %o under %s', (match, group) => {
    expect(familyGroupOf(match)).toBe(group);
  });

  it('names only groups the page knows', () => {
    const ids = FAMILY_GROUPS.map((g) => g.id) as string[];
    expect(ids).toContain(familyGroupOf({ table: 'hresults' }));
  });
});

describe('countOf', () => {
  it.each([
    [0, '0 codes'],
    [1, '1 code'],
    [2, '2 codes'],
    [10812, '10,812 codes'],
  ])('%d → %s', (n, text) => {
    expect(countOf(n, 'code')).toBe(text);
  });

  it('takes an irregular plural', () => {
    expect(countOf(1, 'family', 'families')).toBe('1 family');
    expect(countOf(3, 'family', 'families')).toBe('3 families');
  });
});
