import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadWindowsCatalog } from './adapters/catalog/load-windows-tables.js';
import { readContentFiles } from './adapters/content/read-content-dir.js';
import { MemoryArticleStore } from './adapters/memory/memory-article-store.js';
import { SqliteArticleStore } from './adapters/sqlite/sqlite-article-store.js';
import type { AppDeps } from './app/deps.js';
import type { ImportedItem } from './app/import-content.js';
import { syncBundledContent } from './app/sync-bundled-content.js';
import type { Config, DatabaseTarget } from './config.js';
import type { Catalog } from './core/codes/catalog.js';
import type { ArticleStore, Clock } from './core/ports.js';
import { parseRegistryYaml, type ProductRegistry } from './core/products/registry.js';

/** The wiring: the one place that picks adapters and builds what the use cases need. */

export const systemClock: Clock = { now: () => new Date() };

export function openStore(target: DatabaseTarget): ArticleStore {
  return target.kind === 'memory' ? new MemoryArticleStore() : SqliteArticleStore.open(target.file);
}

export async function loadRegistry(contentDir: string): Promise<ProductRegistry> {
  const file = join(contentDir, 'products.yaml');
  const parsed = parseRegistryYaml(await readFile(file, 'utf8'));
  if (!parsed.ok) throw new Error(`${file}: ${parsed.reason}`);
  return parsed.value;
}

export interface ComposeOptions {
  /** Benchmark-only wiring may pass a catalog of its own (e.g. one with no tables). */
  catalog?: Catalog;
  /** Upsert the bundled content (default true: every start does it, by content hash). */
  syncBundledContent?: boolean;
}

export interface Composed {
  deps: AppDeps;
  /** What the start-up sync saved ([] when nothing changed). */
  synced: ImportedItem[];
  close(): Promise<void>;
}

/** Opens storage, loads the tables and the registry, and upserts the bundled content. */
export async function compose(config: Config, options: ComposeOptions = {}): Promise<Composed> {
  const [registry, catalog] = await Promise.all([
    loadRegistry(config.contentDir),
    options.catalog ?? loadWindowsCatalog(config.dataDir),
  ]);
  const store = openStore(config.database);
  const deps: AppDeps = { store, catalog, registry, clock: systemClock };
  let synced: ImportedItem[] = [];
  try {
    if (options.syncBundledContent !== false) {
      synced = await syncBundledContent(deps, readContentFiles(config.contentDir));
    }
  } catch (error) {
    await store.close();
    throw error;
  }
  return { deps, synced, close: () => store.close() };
}
