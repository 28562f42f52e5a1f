import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ContentFile } from '../../app/content-file.js';
import { bundledArticlesByCode } from './bundled-articles-by-code.js';
import { readContentFiles } from './read-content-dir.js';

const folder = mkdtempSync(join(tmpdir(), 'atlas-by-code-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
let counter = 0;

/** A content folder with these files (path → text). */
function contentDir(files: Record<string, string>): string {
  const root = join(folder, `content-${++counter}`);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const SHIPPED = {
  'products.yaml': 'products: []\n',
  'procedures/reset-proxy.md': '# procedure\n',
  'families/wu-pt.md': '# family\n',
  'windows-update/0x80244001.md': '---\ncode: 0x80244001\n',
  'windows-update/0x80070005.md': '---\ncode: 0x80070005\n',
  'windows-server/0x80244001.md': '---\ncode: 0x80244001 on server\n',
};

/** A sync that records each batch of paths it was handed; `failing` paths make it reject. */
function recordingSync(failing: readonly string[] = []) {
  const batches: string[][] = [];
  const sync = (files: readonly ContentFile[]): Promise<void> => {
    batches.push(files.map((file) => file.path));
    return files.some((file) => failing.includes(file.path))
      ? Promise.reject(new Error('refused'))
      : Promise.resolve();
  };
  return { batches, sync };
}

describe('bundledArticlesByCode', () => {
  it("reads a code's article files in every product and the procedures, nothing else", async () => {
    const root = contentDir(SHIPPED);
    const { batches, sync } = recordingSync();
    const loader = bundledArticlesByCode(root, sync);
    expect(batches).toEqual([]);
    await loader.code('0x80244001');
    expect(batches).toEqual([
      ['procedures/reset-proxy.md', 'windows-server/0x80244001.md', 'windows-update/0x80244001.md'],
    ]);
  });

  it("takes a procedure or family file named like a code for what its folder says, not that code's article", async () => {
    const root = contentDir({
      ...SHIPPED,
      'procedures/0x80070005.md': '# procedure\n',
      'families/0x80070005.md': '# family\n',
    });
    const { batches, sync } = recordingSync();
    await bundledArticlesByCode(root, sync).code('0x80070005');
    expect(batches).toEqual([
      ['procedures/0x80070005.md', 'procedures/reset-proxy.md', 'windows-update/0x80070005.md'],
    ]);
  });

  it('hands over the files with their text, as readContentFiles reads them', async () => {
    const root = contentDir(SHIPPED);
    const handed: ContentFile[] = [];
    await bundledArticlesByCode(root, (files) => {
      handed.push(...files);
      return Promise.resolve();
    }).code('0x80070005');
    const all = readContentFiles(root);
    expect(handed).toEqual(
      all.filter((f) => f.path === 'procedures/reset-proxy.md' || f.path.includes('0x80070005')),
    );
  });

  it('syncs a code once, and a code without a file gets the procedures only', async () => {
    const { batches, sync } = recordingSync();
    const loader = bundledArticlesByCode(contentDir(SHIPPED), sync);
    await Promise.all([loader.code('0x80070005'), loader.code('0x80070005')]);
    await loader.code('0x80070005');
    await loader.code('0x00000005');
    expect(batches).toEqual([
      ['procedures/reset-proxy.md', 'windows-update/0x80070005.md'],
      ['procedures/reset-proxy.md'],
    ]);
  });

  it('all syncs every file once, and a code asked after it syncs nothing more', async () => {
    const root = contentDir(SHIPPED);
    const { batches, sync } = recordingSync();
    const loader = bundledArticlesByCode(root, sync);
    await loader.all();
    await loader.all();
    await loader.code('0x80244001');
    expect(batches).toEqual([readContentFiles(root).map((file) => file.path)]);
  });

  it.each([
    ['a file not named by a code', 'windows-update/notes.md'],
    ['page text', 'windows-update/0x80244002.txt'],
    ['a lower-case code', 'windows-update/0x8024a001.md'],
    ['a nested folder', 'windows-update/old/0x80244001.md'],
  ])('syncs everything for any code when the content has %s', async (_, stray) => {
    const root = contentDir({ ...SHIPPED, [stray]: '---\ncode: 0x80244003\n' });
    const { batches, sync } = recordingSync();
    await bundledArticlesByCode(root, sync).code('0x80070005');
    expect(batches).toEqual([readContentFiles(root).map((file) => file.path)]);
    expect(batches[0]).toContain(stray);
  });

  it("syncs everything when a code's own files are refused, and gives the whole sync's outcome", async () => {
    const root = contentDir(SHIPPED);
    const { batches, sync } = recordingSync(['windows-update/0x80070005.md']);
    const loader = bundledArticlesByCode(root, sync);
    await expect(loader.code('0x80070005')).rejects.toThrow('refused');
    expect(batches).toEqual([
      ['procedures/reset-proxy.md', 'windows-update/0x80070005.md'],
      readContentFiles(root).map((file) => file.path),
    ]);
  });
});
