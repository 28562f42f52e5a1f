import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { describeDemandStoreContract } from '../contract/demand-store.contract.js';
import { openSqliteStorage } from './sqlite-storage.js';

const folder = mkdtempSync(join(tmpdir(), 'atlas-demand-'));
let counter = 0;
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describeDemandStoreContract(
  'sqlite',
  () => openSqliteStorage(join(folder, `demand-${++counter}.db`)).demand,
);
