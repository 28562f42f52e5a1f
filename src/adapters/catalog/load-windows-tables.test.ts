import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TABLE_FILES } from '../../core/codes/parse-tables.js';
import {
  DEFAULT_TABLES_DIR,
  loadWindowsCatalog,
  loadWindowsTables,
} from './load-windows-tables.js';

describe('loadWindowsTables', () => {
  it('finds the bundled data/windows folder of this project, not ../shared', () => {
    expect(DEFAULT_TABLES_DIR).toMatch(/[/\\]data[/\\]windows[/\\]?$/);
    expect(DEFAULT_TABLES_DIR).not.toMatch(/shared/);
  });

  it('reads every table core knows, and core knows every table the folder ships', async () => {
    // update-endpoints.tsv is not a code table: the diagnostic script's host names (load-update-endpoints.ts).
    const shipped = (await readdir(DEFAULT_TABLES_DIR))
      .filter((f) => f.endsWith('.tsv') && f !== 'update-endpoints.tsv')
      .sort();
    expect([...TABLE_FILES].sort()).toEqual(shipped);
    const tables = await loadWindowsTables();
    expect(tables.map((t) => t.file)).toEqual(TABLE_FILES);
    expect(tables.every((t) => t.text.length > 0)).toBe(true);
  });

  it('rejects naming the missing file when the folder is wrong', async () => {
    const missing = join(tmpdir(), 'error-atlas-no-such-folder');
    await expect(loadWindowsTables(missing)).rejects.toThrow(
      /cannot read .*error-atlas-no-such-folder/,
    );
  });
});

it('loadWindowsCatalog answers from the bundled tables', async () => {
  const catalog = await loadWindowsCatalog();
  expect(catalog.namesOf(0x80244001)[0]?.name).toBe('WU_E_PT_SOAPCLIENT_INITIALIZE');
});
