import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeContentDir } from './write-content-dir.js';

const folder = mkdtempSync(join(tmpdir(), 'atlas-write-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
let n = 0;
const fresh = (): string => join(folder, `case-${++n}`);

/** Every path below `root`, hidden staging folders included. */
const tree = (root: string): string[] =>
  readdirSync(root, { recursive: true, withFileTypes: false }).map(String).sort();

const files = [
  { path: 'procedures/reset.md', text: 'reset\n' },
  { path: 'windows-update/0x80244001.md', text: 'new\n' },
];
/** A file name longer than any file system takes: its write fails after the others worked. */
const unwritable = { path: `windows-update/${'x'.repeat(300)}.md`, text: 'never\n' };

describe('writeContentDir', () => {
  it('creates the folder with every file, and leaves no staging folder beside it', () => {
    const parent = fresh();
    const root = join(parent, 'out');
    expect(writeContentDir(root, files)).toEqual({ ok: true, value: undefined });
    expect(tree(parent)).toEqual([
      'out',
      'out/procedures',
      'out/procedures/reset.md',
      'out/windows-update',
      'out/windows-update/0x80244001.md',
    ]);
  });

  it('replaces files in a folder that exists and keeps the files it does not write', () => {
    const root = fresh();
    mkdirSync(join(root, 'windows-update'), { recursive: true });
    writeFileSync(join(root, 'windows-update/0x80244001.md'), 'old\n');
    writeFileSync(join(root, 'notes.txt'), 'mine\n');
    expect(writeContentDir(root, files).ok).toBe(true);
    expect(readFileSync(join(root, 'windows-update/0x80244001.md'), 'utf8')).toBe('new\n');
    expect(readFileSync(join(root, 'notes.txt'), 'utf8')).toBe('mine\n');
    expect(tree(root).filter((p) => p.startsWith('.'))).toEqual([]);
  });

  it('writes nothing into an existing folder when one file fails, and keeps the old files', () => {
    const root = fresh();
    mkdirSync(join(root, 'windows-update'), { recursive: true });
    writeFileSync(join(root, 'windows-update/0x80244001.md'), 'old\n');
    const result = writeContentDir(root, [...files, unwritable]);
    expect(result.ok).toBe(false);
    expect(tree(root)).toEqual(['windows-update', 'windows-update/0x80244001.md']);
    expect(readFileSync(join(root, 'windows-update/0x80244001.md'), 'utf8')).toBe('old\n');
  });

  it('creates no folder at all when the export into a new one fails', () => {
    const parent = fresh();
    const result = writeContentDir(join(parent, 'deep/out'), [...files, unwritable]);
    expect(result.ok).toBe(false);
    expect(existsSync(parent)).toBe(false);
  });

  it('refuses a target that is a file, in words, and leaves the file as it was', () => {
    const root = fresh();
    writeFileSync(root, 'a file\n');
    expect(writeContentDir(root, files)).toEqual({
      ok: false,
      reason: `${root} is a file, not a folder; export writes its files into a folder`,
    });
    expect(readFileSync(root, 'utf8')).toBe('a file\n');
  });

  it('refuses a target below a file', () => {
    const file = fresh();
    writeFileSync(file, 'a file\n');
    const result = writeContentDir(join(file, 'out'), files);
    expect(result).toEqual({ ok: false, reason: `${file} is a file, so no folder can be made in it` });
  });

  it('refuses a folder where a file goes, before writing any file', () => {
    const root = fresh();
    mkdirSync(join(root, 'windows-update/0x80244001.md'), { recursive: true });
    const result = writeContentDir(root, files);
    expect(result).toEqual({
      ok: false,
      reason: `${join(root, 'windows-update/0x80244001.md')} is a folder where the export writes the file windows-update/0x80244001.md`,
    });
    expect(tree(root)).toEqual(['windows-update', 'windows-update/0x80244001.md']);
  });

  it('refuses a file where a folder goes', () => {
    const root = fresh();
    mkdirSync(root);
    writeFileSync(join(root, 'procedures'), 'a file\n');
    const result = writeContentDir(root, files);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toBe(
      `${join(root, 'procedures')} is a file where the export needs a folder (for procedures/reset.md)`,
    );
    expect(tree(root)).toEqual(['procedures']);
  });
});
