import { beforeAll, describe, expect, it } from 'vitest';
import { loadWindowsCatalog } from '../../adapters/catalog/load-windows-tables.js';
import type { Catalog } from '../codes/catalog.js';
import { codeInMessage } from './message-code.js';

let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadWindowsCatalog();
});

describe('codeInMessage', () => {
  it.each([
    ['Error: 0x80070005 Access is denied.', '0x80070005'],
    ['DISM failed. Error: 0x800f081f', '0x800F081F'],
    ['now it says 80244007', '0x80244007'],
    ['The command completed successfully.', undefined],
    ['', undefined],
  ])('%j → %s', (message, code) => {
    expect(codeInMessage(message, catalog)).toBe(code);
  });
});
