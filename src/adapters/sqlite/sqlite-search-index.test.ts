import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { readPrefixQuery } from '../../core/search/prefix-query.js';
import type { SearchDocument } from '../../core/search/search-document.js';
import { describeSearchIndexContract } from '../contract/search-index.contract.js';
import { SqliteSearchIndex } from './sqlite-search-index.js';

const folder = mkdtempSync(join(tmpdir(), 'atlas-search-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
let counter = 0;

describeSearchIndexContract('SQLite FTS5 in memory', () => new SqliteSearchIndex());
describeSearchIndexContract(
  'SQLite FTS5 in a file',
  () => new SqliteSearchIndex(join(folder, `search-${++counter}.db`)),
);

it('completes from a file indexed by an earlier run, without indexing it again', async () => {
  const file = join(folder, 'earlier-run.db');
  const title = 'Behind a proxy server';
  const document: SearchDocument = {
    id: 'article:windows-update/0x80244001',
    kind: 'article',
    code: '0x80244001',
    title,
    product: 'windows-update',
    platforms: [],
    families: [],
    fields: { name: '0x80244001', title, causes: '', body: '' },
  };
  const earlier = new SqliteSearchIndex(file);
  await earlier.replaceKind('article', [document], 'v1');
  await earlier.close();
  const later = new SqliteSearchIndex(file);
  const matches = await later.prefixMatches(readPrefixQuery('proxy ser'), 'article', 5);
  expect(matches.map((m) => m.document)).toEqual([document]);
  await later.close();
});

it('indexes a file of the earlier layout again (a code among the articles’ rowids)', async () => {
  const file = join(folder, 'earlier-layout.db');
  const earlier = new SqliteSearchIndex(file);
  await earlier.replaceKind('code', [], 'c1');
  await earlier.close();
  const raw = new BetterSqlite3(file);
  raw
    .prepare(
      "INSERT INTO search_docs (rowid, id, kind, platforms, families, document) VALUES (5, 'code:0x1', 'code', '', '', '{}')",
    )
    .run();
  raw.close();
  const later = new SqliteSearchIndex(file);
  // Asked again by the sync, so every kind is indexed into its own rowid range.
  expect(await later.indexedVersion('code')).toBeUndefined();
  expect((await later.stats()).documents).toBe(0);
  await later.close();
});
