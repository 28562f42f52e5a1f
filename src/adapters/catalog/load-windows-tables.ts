import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCatalog, type Catalog, type TableText } from '../../core/codes/catalog.js';
import { TABLE_FILES } from '../../core/codes/parse-tables.js';

/**
 * Reads the bundled code tables from disk; all parsing stays in core. The default folder is
 * found from this file's place, which is the same depth in `src/` and `dist/`, so it works
 * from both and never depends on the working directory.
 */
export const DEFAULT_TABLES_DIR = fileURLToPath(new URL('../../../data/windows/', import.meta.url));

/** The files core knows how to read, from `dir`. A missing file rejects, naming it. */
export async function loadWindowsTables(dir: string = DEFAULT_TABLES_DIR): Promise<TableText[]> {
  return Promise.all(
    TABLE_FILES.map(async (file) => {
      const path = join(dir, file);
      try {
        return { file, text: await readFile(path, 'utf8') };
      } catch (error) {
        throw new Error(`code tables: cannot read ${path}`, { cause: error });
      }
    }),
  );
}

export async function loadWindowsCatalog(dir: string = DEFAULT_TABLES_DIR): Promise<Catalog> {
  return buildCatalog(await loadWindowsTables(dir));
}
