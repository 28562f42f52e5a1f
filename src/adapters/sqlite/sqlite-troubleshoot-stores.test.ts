import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { describeTroubleshootStoresContract } from '../contract/troubleshoot-stores.contract.js';
import { openSqliteStorage } from './sqlite-storage.js';

const folder = mkdtempSync(join(tmpdir(), 'atlas-troubleshoot-'));
let counter = 0;
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describeTroubleshootStoresContract('sqlite', () => {
  const storage = openSqliteStorage(join(folder, `troubleshoot-${++counter}.db`));
  return { ...storage, close: () => storage.store.close() };
});
