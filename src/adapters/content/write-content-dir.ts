import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  renameSync,
  rmdirSync,
  rmSync,
  writeFileSync,
  type Stats,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { ContentFile } from '../../app/content-file.js';
import { fail, ok, type Result } from '../../core/result.js';

const statOf = (path: string): Stats | undefined => {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
};

/** A file system error in words a person can act on, naming the path it was about. */
export function describeWriteError(error: unknown, path: string): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return `${path} may not be written to (permission denied)`;
    case 'EROFS':
      return `${path} is on a read-only file system`;
    case 'ENOSPC':
    case 'EDQUOT':
      return `there is no space left to write ${path}`;
    case 'ENOTDIR':
      return `${path} goes through a file where a folder is needed`;
    case 'EISDIR':
      return `${path} is a folder where a file has to go`;
    case 'ENOENT':
      return `${path} cannot be created here (its folder does not exist and cannot be made)`;
    default:
      return `${path} could not be written: ${(error as Error).message}`;
  }
}

/**
 * What would stop the files from landing under `root`, found before anything is written: the
 * target (or a folder on the way to it) is a file, or a file's place is taken by a folder.
 */
function findObstacle(root: string, files: readonly ContentFile[]): string | undefined {
  const target = statOf(root);
  if (target && !target.isDirectory()) {
    return `${root} is a file, not a folder; export writes its files into a folder`;
  }
  if (!target) {
    for (let up = dirname(root); up !== dirname(up); up = dirname(up)) {
      const stat = statOf(up);
      if (stat && !stat.isDirectory()) return `${up} is a file, so no folder can be made in it`;
      if (stat) break;
    }
    return undefined;
  }
  for (const file of files) {
    const parts = file.path.split('/');
    for (let i = 1; i < parts.length; i += 1) {
      const folder = join(root, ...parts.slice(0, i));
      const stat = statOf(folder);
      if (stat && !stat.isDirectory()) {
        return `${folder} is a file where the export needs a folder (for ${file.path})`;
      }
    }
    const stat = statOf(join(root, file.path));
    if (stat?.isDirectory()) {
      return `${join(root, file.path)} is a folder where the export writes the file ${file.path}`;
    }
  }
  return undefined;
}

/** Steps already taken, undone in reverse when a later one fails. */
type Undo = () => void;

function undoAll(steps: Undo[]): void {
  for (const step of steps.reverse()) {
    try {
      step();
    } catch {
      // Best effort: the first error is the one reported.
    }
  }
}

/** `mkdir -p` that remembers the folders it made, so they can be removed again. */
function makeFolders(path: string, undo: Undo[]): void {
  const missing: string[] = [];
  for (let up = path; !statOf(up); up = dirname(up)) missing.unshift(up);
  for (const folder of missing) {
    mkdirSync(folder);
    undo.push(() => rmdirSync(folder));
  }
}

/**
 * Writes the files under `root` all or nothing. Everything is first written into a staging
 * folder on the same file system (inside `root` when it exists, beside it when it does not),
 * then renamed into place; a file it replaces is kept aside until the end. If any step fails,
 * every step before it is undone: no half-written file, no file of a failed export, and the
 * files that were there before are back as they were.
 */
export function writeContentDir(root: string, files: readonly ContentFile[]): Result<void> {
  const obstacle = findObstacle(root, files);
  if (obstacle) return fail(obstacle);
  const undo: Undo[] = [];
  const existed = statOf(root) !== undefined;
  let staging: string | undefined;
  let current = root;
  try {
    if (!existed) makeFolders(dirname(root), undo);
    current = existed ? root : dirname(root);
    const stagingDir = mkdtempSync(join(current, `.${basename(root)}.export-`));
    staging = stagingDir;
    undo.push(() => rmSync(stagingDir, { recursive: true, force: true }));
    for (const file of files) {
      current = join(root, file.path);
      mkdirSync(dirname(join(stagingDir, 'new', file.path)), { recursive: true });
      writeFileSync(join(stagingDir, 'new', file.path), file.text, 'utf8');
    }
    if (!existed) {
      current = root;
      mkdirSync(join(stagingDir, 'new'), { recursive: true });
      renameSync(join(stagingDir, 'new'), root);
      undo.push(() => renameSync(root, join(stagingDir, 'new')));
    } else {
      for (const file of files) {
        const destination = join(root, file.path);
        current = destination;
        makeFolders(dirname(destination), undo);
        if (statOf(destination)) {
          const kept = join(stagingDir, 'old', file.path);
          mkdirSync(dirname(kept), { recursive: true });
          renameSync(destination, kept);
          undo.push(() => renameSync(kept, destination));
        }
        renameSync(join(stagingDir, 'new', file.path), destination);
        undo.push(() => rmSync(destination, { force: true }));
      }
    }
  } catch (error) {
    undoAll(undo);
    return fail(describeWriteError(error, current));
  }
  if (staging) rmSync(staging, { recursive: true, force: true });
  return ok(undefined);
}
