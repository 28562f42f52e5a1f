import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { erratlas } from './run-process.js';

const folder = mkdtempSync(join(tmpdir(), 'atlas-cli-export-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
let n = 0;
/** A database of its own per test (the bundled content is synced into it on first use). */
const freshDb = (): Record<string, string> => ({
  DATABASE_URL: `sqlite:${join(folder, `export-${++n}.db`)}`,
});

/** Every path below `root`, hidden ones (a staging folder) included. */
const tree = (root: string): string[] => readdirSync(root, { recursive: true }).map(String).sort();

const ARTICLE = 'windows-update/0x80244001.md';

describe('erratlas export into a target that cannot take it', () => {
  it('a target that is a file: exit 2 in words, the file untouched, nothing written', async () => {
    const dir = mkdtempSync(join(folder, 'file-'));
    const target = join(dir, 'out');
    writeFileSync(target, 'mine\n');
    const result = await erratlas(['export', target], freshDb());
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(
      `erratlas export: nothing was exported: ${target} is a file, not a folder; export writes its files into a folder`,
    );
    expect(result.stderr).not.toMatch(/ENOTDIR|EISDIR|EEXIST/);
    expect(readFileSync(target, 'utf8')).toBe('mine\n');
    expect(readdirSync(dir)).toEqual(['out']);
  });

  it('a target below a file: exit 2, nothing made', async () => {
    const dir = mkdtempSync(join(folder, 'below-'));
    writeFileSync(join(dir, 'file'), 'mine\n');
    const result = await erratlas(['export', join(dir, 'file/out')], freshDb());
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `${join(dir, 'file')} is a file, so no folder can be made in it`,
    );
    expect(readdirSync(dir)).toEqual(['file']);
  });

  it('a folder where a file goes: exit 2, and not one file of the export is left', async () => {
    const target = mkdtempSync(join(folder, 'clash-'));
    mkdirSync(join(target, ARTICLE), { recursive: true });
    const result = await erratlas(['export', target], freshDb());
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `${join(target, ARTICLE)} is a folder where the export writes the file ${ARTICLE}`,
    );
    expect(result.stderr).not.toMatch(/EISDIR/);
    expect(tree(target)).toEqual(['windows-update', ARTICLE]);
  });

  // Tests run as root here, and root may write into a folder whatever its mode says, so a
  // chmod'ed folder proves nothing. /sys is a folder no process may create files in, root
  // included (EPERM); the first assertion checks that this machine is such a one.
  it.each([
    ['a new folder in a folder that may not be written', '/sys/erratlas-export-test'],
    ['an existing folder that may not be written', '/sys/kernel'],
  ])('%s: exit 2 saying so, nothing left', async (_what, target) => {
    expect(() => mkdtempSync('/sys/erratlas-probe-')).toThrow(/EPERM|EACCES|EROFS/);
    const before = readdirSync('/sys');
    const result = await erratlas(['export', target], freshDb());
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^erratlas export: nothing was exported: \/sys(\/kernel)? (may not be written to \(permission denied\)|is on a read-only file system)$/m,
    );
    expect(result.stderr).not.toMatch(/EPERM|EACCES|EROFS/);
    expect(readdirSync('/sys')).toEqual(before);
  });
});

describe('erratlas export into a folder that exists', () => {
  it('replaces the files it writes, keeps the others, and leaves no staging folder', async () => {
    const target = mkdtempSync(join(folder, 'again-'));
    mkdirSync(join(target, 'windows-update'));
    writeFileSync(join(target, ARTICLE), 'old\n');
    writeFileSync(join(target, 'notes.txt'), 'mine\n');
    const result = await erratlas(['export', target], freshDb());
    expect(result.code).toBe(0);
    expect(readFileSync(join(target, ARTICLE), 'utf8')).toContain('title: ');
    expect(readFileSync(join(target, 'notes.txt'), 'utf8')).toBe('mine\n');
    expect(
      tree(target).filter((path) => path.startsWith('.') || path.endsWith('.partial')),
    ).toEqual([]);
    expect(result.stdout.split('\n')).toContain(ARTICLE);
  });
});
