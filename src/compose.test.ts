import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compose } from './compose.js';
import { BUNDLED_CONTENT_DIR, BUNDLED_DATA_DIR } from './config.js';

const folder = mkdtempSync(join(tmpdir(), 'atlas-compose-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const start = (name: string, contentDir = BUNDLED_CONTENT_DIR) =>
  compose({
    port: 0,
    database: { kind: 'sqlite', file: join(folder, `${name}.db`) },
    contentDir,
    dataDir: BUNDLED_DATA_DIR,
  });

describe('start-up with the bundled content', () => {
  it('fills a new database on the first start, and a second start changes nothing', async () => {
    const first = await start('twice');
    // Every bundled procedure and article, each saved once: procedures first (articles use them).
    const bundled = (folder: string, prefix = '') =>
      readdirSync(join(BUNDLED_CONTENT_DIR, folder))
        .filter((name) => name.endsWith('.md'))
        .map((name) => `${prefix}${name.slice(0, -'.md'.length)}`);
    expect(first.synced.map((item) => item.key)).toEqual([
      ...bundled('procedures'),
      ...bundled('windows-update', 'windows-update/'),
    ]);
    expect(first.synced.length).toBeGreaterThan(2);
    await first.close();

    const second = await start('twice');
    expect(second.synced).toEqual([]);
    expect(await second.deps.store.listRevisions('windows-update', '0x80244001')).toHaveLength(1);
    await second.close();
  });

  it('keeps an edit made in the product while the bundled file is unchanged', async () => {
    const first = await start('edited');
    const stored = await first.deps.store.getArticle('windows-update', '0x80244001');
    if (!stored) throw new Error('not filled');
    await first.deps.store.saveArticle({
      article: { ...stored.article, title: 'Edited in the product' },
      contentHash: 'edited',
      baseRevision: stored.revision,
      at: '2026-11-26T00:00:00.000Z',
      author: 'editor',
      reason: 'better title',
    });
    await first.close();

    const second = await start('edited');
    const after = await second.deps.store.getArticle('windows-update', '0x80244001');
    expect(after?.article.title).toBe('Edited in the product');
    await second.close();
  });

  it('makes a new revision when a bundled file changes', async () => {
    const contentDir = join(folder, 'content');
    cpSync(BUNDLED_CONTENT_DIR, contentDir, { recursive: true });
    const first = await start('changed', contentDir);
    await first.close();
    const file = join(contentDir, 'windows-update/0x80244001.md');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(/^severity: moderate$/m, 'severity: high'),
    );
    const second = await start('changed', contentDir);
    expect(second.synced.map((item) => [item.key, item.revision])).toEqual([
      ['windows-update/0x80244001', 2],
    ]);
    await second.close();
  });
});
