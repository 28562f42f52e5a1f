import { expect, it } from 'vitest';
import { buildTailIndex } from './name-tails.js';

const index = buildTailIndex(['WU_E_PT_SOAPCLIENT_INITIALIZE', 'E_FAIL', 'WU_E_FAIL', 'S_OK']);

it.each([
  ['SOAPCLIENT_INITIALIZE', ['WU_E_PT_SOAPCLIENT_INITIALIZE']],
  ['INITIALIZE', ['WU_E_PT_SOAPCLIENT_INITIALIZE']],
  ['FAIL', ['E_FAIL', 'WU_E_FAIL']],
  ['E_FAIL', ['WU_E_FAIL']],
  ['OK', ['S_OK']],
])('tail %s is held by %j', (tail, names) => {
  expect(index.get(tail)).toEqual(names);
});

it('holds only `_`-bounded proper suffixes, never the whole name or a part of a word', () => {
  expect(index.get('S_OK')).toBeUndefined();
  expect(index.get('IALIZE')).toBeUndefined();
});
