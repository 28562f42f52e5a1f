import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ContentFile } from '../../app/content-file.js';
import { readContentFiles } from './read-content-dir.js';

/** The bundled families, found from this file's place (the same depth in `src/` and `dist/`). */
export const DEFAULT_FAMILIES_DIR = fileURLToPath(
  new URL('../../../content/families/', import.meta.url),
);

/**
 * The `*.md` files directly in `dir`, as ContentFiles with paths relative to the content folder
 * (`families/wu-pt.md`), sorted. A missing folder throws: the families ship with the install.
 */
export function readFamilyFiles(dir: string = DEFAULT_FAMILIES_DIR): ContentFile[] {
  if (!existsSync(dir)) throw new Error(`families: the folder ${dir} does not exist`);
  return readContentFiles(dir)
    .filter((file) => /^[^/]+\.md$/.test(file.path))
    .map((file) => ({ path: `families/${file.path}`, text: file.text }));
}
