import { contentHash } from './content-hash.js';
import { kindOfContent, type ContentFile } from './content-file.js';
import type { AppDeps } from './deps.js';
import { parseContent, saveContent, type ImportedItem } from './import-content.js';

const OPTIONS = {
  author: 'bundled content',
  reason: 'bundled content changed',
  requireCanonicalPaths: true,
};

/**
 * At every start: saves the bundled files that changed since the last sync, and only those.
 * A file is compared with its own hash at the last sync, not with the stored article, so an
 * edit made in the product survives every start until the bundled file itself changes. The
 * hashes are read, the files saved and the new hashes recorded in one unit of work: two
 * instances starting together cannot both save, and a crash leaves the last sync whole.
 */
export function syncBundledContent(
  deps: Pick<AppDeps, 'registry' | 'clock' | 'unitOfWork'>,
  files: readonly ContentFile[],
): Promise<ImportedItem[]> {
  // Families are read at every start from the files themselves, not stored.
  const hashed = files
    .filter((file) => kindOfContent(file) !== 'family')
    .map((file) => ({ file, hash: contentHash(file.text) }));
  return deps.unitOfWork.run(async (tx) => {
    const synced = await tx.articles.getBundledHashes();
    const changed = hashed.filter(({ file, hash }) => synced.get(file.path) !== hash);
    if (changed.length === 0) return [];
    const parsed = parseContent(
      deps,
      changed.map(({ file }) => file),
      OPTIONS,
    );
    const imported = await saveContent(tx, parsed, deps.clock.now(), OPTIONS);
    for (const { file, hash } of changed) await tx.articles.recordBundledHash(file.path, hash);
    return imported.filter((item) => item.changed);
  });
}
