import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseUpdateEndpoints, type UpdateEndpoint } from '../../core/diagnose/update-endpoints.js';
import { DEFAULT_TABLES_DIR } from './load-windows-tables.js';

/** The Windows Update endpoints the diagnostic script tests; a missing or bad file stops the start. */
export async function loadUpdateEndpoints(
  dir: string = DEFAULT_TABLES_DIR,
): Promise<UpdateEndpoint[]> {
  const path = join(dir, 'update-endpoints.tsv');
  const parsed = parseUpdateEndpoints(await readFile(path, 'utf8'));
  if (!parsed.ok) throw new Error(`${path}: ${parsed.reason}`);
  return parsed.value;
}
