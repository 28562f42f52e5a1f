import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteArticleStore } from '../src/adapters/sqlite/sqlite-article-store.js';
import { sampleArticle } from '../src/test-support/sample-article.js';
import { ROOT } from './run-process.js';

const folder = mkdtempSync(join(tmpdir(), 'atlas-conflict-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const STORE_MODULE = pathToFileURL(join(ROOT, 'dist/adapters/sqlite/sqlite-article-store.js')).href;

/**
 * One editor in its own process: opens the file and reads the article, says "ready", and on
 * "go" (sent to every editor at once) saves its own title as an edit of what it read.
 */
const EDITOR = `
const { SqliteArticleStore } = await import(process.env.STORE_MODULE);
const [file, title] = process.argv.slice(1);
const store = SqliteArticleStore.open(file);
const stored = await store.getArticle('windows-update', '0x80244001');
console.log('ready');
await new Promise((resolve) => process.stdin.once('data', resolve));
try {
  const outcome = await store.saveArticle({
    article: { ...stored.article, title }, contentHash: title, baseRevision: stored.revision,
    at: new Date().toISOString(), author: title, reason: 'concurrent edit',
  });
  console.log(JSON.stringify({ title, read: stored.revision, ...outcome }));
} catch (error) {
  console.log(JSON.stringify({ title, read: stored.revision, error: error.code, details: error.details }));
}
await store.close();
process.exit(0);
`;

interface Editor {
  ready: Promise<void>;
  go(): void;
  outcome: Promise<Record<string, unknown>>;
}

function editor(file: string, title: string): Editor {
  const child = spawn(process.execPath, ['--input-type=module', '-e', EDITOR, file, title], {
    env: { ...process.env, STORE_MODULE },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let out = '';
  let onReady = (): void => undefined;
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString('utf8');
    if (out.startsWith('ready\n')) onReady();
  });
  const outcome = new Promise<Record<string, unknown>>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      const line = out.split('\n')[1] ?? '';
      if (code !== 0) reject(new Error(`editor ${title} exited with ${code}: ${out}`));
      else resolve(JSON.parse(line) as Record<string, unknown>);
    });
  });
  return { ready, go: () => child.stdin.end('go\n'), outcome };
}

describe('optimistic concurrency across processes (SQLite)', () => {
  it('lets exactly one of four processes editing revision 1 save; the others get revision_conflict', async () => {
    const file = join(folder, 'shared.db');
    const setup = SqliteArticleStore.open(file);
    await setup.saveArticle({
      article: sampleArticle(),
      contentHash: 'original',
      baseRevision: 0,
      at: '2026-11-26T00:00:00.000Z',
      author: 'setup',
      reason: 'first',
    });
    await setup.close();

    const editors = ['editor-a', 'editor-b', 'editor-c', 'editor-d'].map((t) => editor(file, t));
    // Every editor has read revision 1 before any of them saves.
    await Promise.all(editors.map((e) => e.ready));
    for (const e of editors) e.go();
    const outcomes = await Promise.all(editors.map((e) => e.outcome));
    expect(outcomes.map((o) => o.read)).toEqual([1, 1, 1, 1]);
    const saved = outcomes.filter((o) => o.changed === true);
    const refused = outcomes.filter((o) => o.error === 'revision_conflict');
    expect(saved, JSON.stringify(outcomes)).toEqual([expect.objectContaining({ revision: 2 })]);
    expect(refused).toHaveLength(3);
    for (const o of refused)
      expect(o.details).toMatchObject({ baseRevision: 1, currentRevision: 2 });

    const after = SqliteArticleStore.open(file);
    const stored = await after.getArticle('windows-update', '0x80244001');
    expect(stored).toMatchObject({ revision: 2, article: { title: saved[0]?.title } });
    expect(await after.listRevisions('windows-update', '0x80244001')).toHaveLength(2);
    await after.close();
  });
});
