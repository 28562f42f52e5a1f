import { expect, it } from 'vitest';
import { loadWindowsCatalog } from '../../adapters/catalog/load-windows-tables.js';
import { suggestCodes } from './notation-suggestions.js';

const catalog = await loadWindowsCatalog();

it.each([
  ['80244O01', ['0x80244001']],
  ['0x8OO7OOO5', ['0x80070005']],
  ['error 8O24400l in the log', ['0x80244001']],
  ['0x0080244001', ['0x80244001']],
  ['802440011', ['0x80240011', '0x80244011', '0x80244001']],
  ['LOG DISABLED', []],
  ['hello', []],
])('%j → %j', (input, expected) => {
  expect(suggestCodes(input, catalog)).toEqual(expected);
});

it('puts known codes before unknown ones', () => {
  // 0x1234567O → 0x12345670, in no table; the known candidate from the same input goes first.
  expect(suggestCodes('0x1234567O 8024400l', catalog)).toEqual(['0x80244001', '0x12345670']);
});
