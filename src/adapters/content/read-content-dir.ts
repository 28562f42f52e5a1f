import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { ContentFile } from '../../app/content-file.js';

/**
 * The paths of every `.md` and `.txt` file below `root`, relative to it with `/` separators,
 * sorted so that imports happen in a stable order; nothing is read.
 */
export function listContentPaths(root: string): string[] {
  const paths: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(md|txt)$/.test(entry.name)) paths.push(relative(root, full).split(sep).join('/'));
    }
  };
  walk(root);
  return paths.sort((a, b) => a.localeCompare(b));
}

/** Those of the paths (as `listContentPaths` gives them) read, in the order given. */
export const readContentPaths = (root: string, paths: readonly string[]): ContentFile[] =>
  paths.map((path) => ({ path, text: readFileSync(join(root, ...path.split('/')), 'utf8') }));

/**
 * Every `.md` and `.txt` file below `root` (or `root` itself when it is a file), paths relative
 * to `root` with `/` separators, sorted so that imports happen in a stable order.
 */
export function readContentFiles(root: string): ContentFile[] {
  if (statSync(root).isFile()) {
    return [{ path: root.split(sep).pop() ?? root, text: readFileSync(root, 'utf8') }];
  }
  return readContentPaths(root, listContentPaths(root));
}
