import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadWindowsCatalog } from './adapters/catalog/load-windows-tables.js';
import { readContentFiles } from './adapters/content/read-content-dir.js';
import { memoryStorage } from './adapters/memory/memory-storage.js';
import { openSqliteDatabase } from './adapters/sqlite/sqlite-connection.js';
import { sqliteStorage } from './adapters/sqlite/sqlite-storage.js';
import { SqliteStorageHealth } from './adapters/sqlite/sqlite-storage-health.js';
import { checkReadiness, type Readiness } from './app/check-readiness.js';
import type { StorageHealth } from './core/health-ports.js';
import { OutcomeRateLimit } from './app/outcome-rate-limit.js';
import { LookupCounter } from './app/lookup-counter.js';
import { ArticleMentions } from './app/article-mentions.js';
import { loadFamilyIndex } from './app/load-families.js';
import { readFamilyFiles } from './adapters/content/read-families.js';
import type { FamilyIndex } from './core/families/family-index.js';
import type { DemandStore } from './core/demand-ports.js';
import type { OutcomeStore, RandomSource, SessionStore } from './core/troubleshoot-ports.js';
import { randomBytes } from 'node:crypto';
import type { AppDeps } from './app/deps.js';
import type { ImportedItem } from './app/import-content.js';
import { syncBundledContent } from './app/sync-bundled-content.js';
import type { Config, DatabaseTarget } from './config.js';
import type { Catalog } from './core/codes/catalog.js';
import type { ArticleStore, Clock, UnitOfWork } from './core/ports.js';
import { parseRegistryYaml, type ProductRegistry } from './core/products/registry.js';

/** The wiring: the one place that picks adapters and builds what the use cases need. */

export const systemClock: Clock = { now: () => new Date() };
/** Session ids and one-off outcome ids come from here: the operating system's CSPRNG. */
export const systemRandom: RandomSource = { bytes: (count) => randomBytes(count) };

export interface Storage {
  store: ArticleStore;
  demand: DemandStore;
  sessions: SessionStore;
  outcomes: OutcomeStore;
  unitOfWork: UnitOfWork;
  health: StorageHealth;
}

/** Process memory is always reachable and has no schema to migrate. */
const memoryHealth: StorageHealth = {
  ping: () => Promise.resolve(),
  pendingMigrations: () => Promise.resolve([]),
};

/** Both stores and their unit of work on one database; closing the article store closes it. */
export function openStorage(target: DatabaseTarget): Storage {
  if (target.kind === 'memory') return { ...memoryStorage(), health: memoryHealth };
  const db = openSqliteDatabase(target.file);
  return { ...sqliteStorage(db), health: new SqliteStorageHealth(db) };
}

/** How often counted look-ups are written. */
const LOOKUP_FLUSH_MS = 10_000;

export async function loadRegistry(contentDir: string): Promise<ProductRegistry> {
  const file = join(contentDir, 'products.yaml');
  const parsed = parseRegistryYaml(await readFile(file, 'utf8'));
  if (!parsed.ok) throw new Error(`${file}: ${parsed.reason}`);
  return parsed.value;
}

export interface ComposeOptions {
  /** Benchmark-only wiring may pass a catalog of its own (e.g. one with no tables)… */
  catalog?: Catalog;
  /** …and the families that go with it. */
  families?: FamilyIndex;
  /** Upsert the bundled content (default true: every start does it, by content hash). */
  syncBundledContent?: boolean;
}

export interface Composed {
  deps: AppDeps;
  /** What the start-up sync saved ([] when nothing changed). */
  synced: ImportedItem[];
  /** For `/readyz`: database reachable, migrations applied, bundled content synced. */
  readiness: () => Promise<Readiness>;
  close(): Promise<void>;
}

/** Opens storage, loads the tables and the registry, and upserts the bundled content. */
export async function compose(
  config: Omit<Config, 'server'>,
  options: ComposeOptions = {},
): Promise<Composed> {
  const [registry, catalog] = await Promise.all([
    loadRegistry(config.contentDir),
    options.catalog ?? loadWindowsCatalog(config.dataDir),
  ]);
  const families =
    options.families ??
    loadFamilyIndex(readFamilyFiles(join(config.contentDir, 'families')), catalog);
  const { store, demand, sessions, outcomes, unitOfWork, health } = openStorage(config.database);
  const lookups = new LookupCounter(demand);
  const deps: AppDeps = {
    store,
    demand,
    sessions,
    outcomes,
    unitOfWork,
    random: systemRandom,
    outcomeLimit: new OutcomeRateLimit(systemClock),
    catalog,
    registry,
    clock: systemClock,
    lookups,
    families,
    mentions: new ArticleMentions(store),
    requestsToken: config.requestsToken ?? undefined,
  };
  let synced: ImportedItem[] = [];
  let contentSynced = false;
  try {
    if (options.syncBundledContent !== false) {
      synced = await syncBundledContent(deps, readContentFiles(config.contentDir));
      contentSynced = true;
    }
  } catch (error) {
    await store.close();
    throw error;
  }
  const timer = setInterval(() => void lookups.flush(), LOOKUP_FLUSH_MS);
  timer.unref();
  return {
    deps,
    synced,
    readiness: () => checkReadiness(health, () => contentSynced),
    close: async () => {
      clearInterval(timer);
      await lookups.flush();
      await store.close();
    },
  };
}
