import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { ContentFile } from '../../app/content-file.js';

/**
 * Every `.md` and `.txt` file below `root` (or `root` itself when it is a file), paths relative
 * to `root` with `/` separators, sorted so that imports happen in a stable order.
 */
export function readContentFiles(root: string): ContentFile[] {
  if (statSync(root).isFile()) {
    return [{ path: root.split(sep).pop() ?? root, text: readFileSync(root, 'utf8') }];
  }
  const files: ContentFile[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(md|txt)$/.test(entry.name)) {
        files.push({ path: relative(root, full).split(sep).join('/'), text: readFileSync(full, 'utf8') });
      }
    }
  };
  walk(root);
  return files.sort((a, b) => a.path.localeCompare(b.path));
}
