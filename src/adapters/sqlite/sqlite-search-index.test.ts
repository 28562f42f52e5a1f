import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
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
