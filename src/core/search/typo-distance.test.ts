import { describe, expect, it } from 'vitest';
import { allowedEdits, boundedEditDistance } from './typo-distance.js';

describe('typo tolerance', () => {
  it.each([
    ['dns', 0],
    ['wsus', 0],
    ['proxy', 1],
    ['download', 1],
    ['component', 2],
    ['installation', 2],
  ])('%s may be %i edits off', (word, edits) => {
    expect(allowedEdits(word)).toBe(edits);
  });

  it.each([
    ['updat', 'update', 1],
    ['instlal', 'install', 1],
    ['proxy', 'proxy', 0],
    ['servcie', 'service', 1],
    ['compnent', 'component', 1],
    ['comopnnet', 'component', 2],
    ['cmpnnt', 'component', 3],
    ['abc', 'xyzxyz', 3],
  ])('distance(%s, %s) = %i (capped at max + 1 = 3)', (a, b, distance) => {
    expect(boundedEditDistance(a, b, 2)).toBe(distance);
  });
});
