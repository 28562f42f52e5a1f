import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { describeSharedReportStoreContract } from '../contract/shared-report-store.contract.js';
import { openSqliteStorage } from './sqlite-storage.js';

const folder = mkdtempSync(join(tmpdir(), 'atlas-reports-'));
let counter = 0;
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describeSharedReportStoreContract('sqlite', () => {
  const storage = openSqliteStorage(join(folder, `reports-${++counter}.db`));
  return { reports: storage.reports, close: () => storage.store.close() };
});
