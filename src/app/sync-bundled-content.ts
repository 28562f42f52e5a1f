import { contentHash } from './content-hash.js';
import { kindOfContent, type ContentFile } from './content-file.js';
import type { AppDeps } from './deps.js';
import { importContent, type ImportedItem } from './import-content.js';

/**
 * At every start: saves the bundled files that changed since the last sync, and only those.
 * A file is compared with its own hash at the last sync, not with the stored article, so an
 * edit made in the product survives every start until the bundled file itself changes.
 */
export async function syncBundledContent(
  deps: AppDeps,
  files: readonly ContentFile[],
): Promise<ImportedItem[]> {
  const synced = await deps.store.getBundledHashes();
  const changed = files
    // Families are read at every start from the files themselves, not stored.
    .filter((file) => kindOfContent(file) !== 'family')
    .map((file) => ({ file, hash: contentHash(file.text) }))
    .filter(({ file, hash }) => synced.get(file.path) !== hash);
  if (changed.length === 0) return [];
  const imported = await importContent(
    deps,
    changed.map(({ file }) => file),
    { author: 'bundled content', reason: 'bundled content changed', requireCanonicalPaths: true },
  );
  for (const { file, hash } of changed) await deps.store.recordBundledHash(file.path, hash);
  return imported.filter((item) => item.changed);
}
