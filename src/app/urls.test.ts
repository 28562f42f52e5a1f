import { describe, expect, it } from 'vitest';
import {
  articleApiPath,
  articlePath,
  codePath,
  familyApiPath,
  familyPath,
  procedurePath,
  requestedPath,
  typedCodePath,
} from './urls.js';

describe('urls', () => {
  it.each([
    ['an article', articlePath('windows-update', '0x80244001'), '/windows-update/0x80244001'],
    [
      "an article's JSON",
      articleApiPath('windows-update', '0x80244001'),
      '/api/v1/articles/windows-update/0x80244001',
    ],
    ['a code page', codePath('0x80244001'), '/codes/0x80244001'],
    ['a family', familyPath('wu-protocol'), '/families/wu-protocol'],
    ['a shared procedure', procedurePath('clean-boot'), '/procedures/clean-boot'],
    ["a family's JSON", familyApiPath('wu-protocol'), '/api/v1/families/wu-protocol'],
    ['a counted request', requestedPath('0x80244001', true), '/codes/0x80244001?requested=yes'],
    ['a repeated request', requestedPath('0x80244001', false), '/codes/0x80244001?requested=again'],
    [
      'a code read from a typed number',
      typedCodePath('0x80070005', '5'),
      '/codes/0x80070005?typed=5',
    ],
  ])('addresses %s as the routes expect', (_what, path, expected) => {
    expect(path).toBe(expected);
  });

  it.each([
    ['a slash', articlePath('a/b', 'c'), '/a%2Fb/c'],
    ['a query', articlePath('windows-update', '0x1?x=1'), '/windows-update/0x1%3Fx%3D1'],
    ['a fragment', articleApiPath('p#q', 'c'), '/api/v1/articles/p%23q/c'],
    [
      'a space and a dash in a notation',
      codePath('0xC1900101 - 0x4000D'),
      '/codes/0xC1900101%20-%200x4000D',
    ],
    ['a parent segment', familyPath('../admin'), '/families/..%2Fadmin'],
    ['a percent sign', familyApiPath('100%'), '/api/v1/families/100%25'],
    ['a line break', codePath('0x1\n2'), '/codes/0x1%0A2'],
  ])('encodes every segment: %s', (_what, path, expected) => {
    expect(path).toBe(expected);
  });

  it('keeps the segment a request names: the router reads back what was written', () => {
    const code = 'a/b?c#d e';
    const [, , written] = codePath(code).split('/');
    expect(decodeURIComponent(written ?? '')).toBe(code);
  });
});
