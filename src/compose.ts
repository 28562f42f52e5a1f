import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadWindowsCatalog } from './adapters/catalog/load-windows-tables.js';
import { loadUpdateEndpoints } from './adapters/catalog/load-update-endpoints.js';
import { readContentFiles } from './adapters/content/read-content-dir.js';
import { memoryStorage } from './adapters/memory/memory-storage.js';
import { loadedFirst, OnDemandArticleStore } from './adapters/memory/on-demand-article-store.js';
import { bundledArticlesByCode } from './adapters/content/bundled-articles-by-code.js';
import { checkReadiness, type Readiness } from './app/check-readiness.js';
import type { StorageHealth } from './core/health-ports.js';
import { OutcomeRateLimit } from './app/outcome-rate-limit.js';
import { LookupCounter } from './app/lookup-counter.js';
import { SearchMissLog } from './app/search-miss-log.js';
import { ArticleMentions } from './app/article-mentions.js';
import { loadFamilyIndex } from './app/load-families.js';
import { readFamilyFiles } from './adapters/content/read-families.js';
import type { FamilyIndex } from './core/families/family-index.js';
import type { DemandStore } from './core/demand-ports.js';
import type { OutcomeStore, RandomSource, SessionStore } from './core/troubleshoot-ports.js';
import { randomBytes } from 'node:crypto';
import type { SharedReportStore } from './core/logs-report-ports.js';
import type { LogRule } from './core/logs/log-rule-schema.js';
import type { AppDeps } from './app/deps.js';
import type { ImportedItem } from './app/import-content.js';
import type { Config, DatabaseTarget } from './config.js';
import type { Catalog } from './core/codes/catalog.js';
import type { ArticleStore, Clock, UnitOfWork } from './core/ports.js';
import { MemorySearchIndex } from './adapters/memory/memory-search-index.js';
import { parseRegistryYaml, type ProductRegistry } from './core/products/registry.js';
import type { ArticleSource } from './cli/cli-wiring.js';
import type { LogSource } from './app/analyze-logs.js';

// SQLite (better-sqlite3), the log rules' reader, the zip reader and the Markdown reader
// (syncBundledContent) are imported where they
// are used, not at the top: the CLI's read-only commands (`decode`, `lookup` without a
// database) run in a fresh process each time and would pay for loading them (DECISIONS.md).
const sqlite = () =>
  Promise.all([
    import('./adapters/sqlite/sqlite-connection.js'),
    import('./adapters/sqlite/sqlite-storage.js'),
    import('./adapters/sqlite/sqlite-storage-health.js'),
  ]);

/** The wiring: the one place that picks adapters and builds what the use cases need. */

export const systemClock: Clock = { now: () => new Date() };
/** Session ids and one-off outcome ids come from here: the operating system's CSPRNG. */
export const systemRandom: RandomSource = { bytes: (count) => randomBytes(count) };

export interface Storage {
  store: ArticleStore;
  demand: DemandStore;
  sessions: SessionStore;
  outcomes: OutcomeStore;
  reports: SharedReportStore;
  unitOfWork: UnitOfWork;
  health: StorageHealth;
}

/** Process memory is always reachable and has no schema to migrate. */
const memoryHealth: StorageHealth = {
  ping: () => Promise.resolve(),
  pendingMigrations: () => Promise.resolve([]),
};

/** Both stores and their unit of work on one database; closing the article store closes it. */
export async function openStorage(target: DatabaseTarget): Promise<Storage> {
  if (target.kind === 'memory') return { ...memoryStorage(), health: memoryHealth };
  const [{ openSqliteDatabase }, { sqliteStorage }, { SqliteStorageHealth }] = await sqlite();
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
  const [registry, catalog, updateEndpoints] = await Promise.all([
    loadRegistry(config.contentDir),
    options.catalog ?? loadWindowsCatalog(config.dataDir),
    loadUpdateEndpoints(config.dataDir),
  ]);
  const logRules = onFirstUse(() => loadLogRules(config.contentDir));
  const families =
    options.families ??
    loadFamilyIndex(readFamilyFiles(join(config.contentDir, 'families')), catalog);
  const { store, demand, sessions, outcomes, reports, unitOfWork, health } = await openStorage(
    config.database,
  );
  const lookups = new LookupCounter(demand);
  const searchMisses = new SearchMissLog(demand);
  const deps = assembleDeps(
    { store, demand, sessions, outcomes, reports, unitOfWork },
    { catalog, registry, families, lookups, searchMisses, updateEndpoints, logRules },
    {
      // Derived data, rebuilt by content version: FTS5 with a SQLite store, memory without.
      search:
        config.database.kind === 'memory'
          ? new MemorySearchIndex()
          : new (await import('./adapters/sqlite/sqlite-search-index.js')).SqliteSearchIndex(),
      requestsToken: config.requestsToken ?? undefined,
    },
  );

  let synced: ImportedItem[] = [];
  let contentSynced = false;
  try {
    if (options.syncBundledContent !== false) {
      const { syncBundledContent } = await import('./app/sync-bundled-content.js');
      synced = await syncBundledContent(deps, readContentFiles(config.contentDir));
      contentSynced = true;
    }
  } catch (error) {
    await deps.search.close();
    await store.close();
    throw error;
  }
  const timer = setInterval(() => {
    void lookups.flush();
    void searchMisses.flush();
  }, LOOKUP_FLUSH_MS);
  timer.unref();
  return {
    deps,
    synced,
    readiness: () => checkReadiness(health, () => contentSynced),
    close: async () => {
      clearInterval(timer);
      await lookups.flush();
      await searchMisses.flush();
      await deps.search.close();
      await store.close();
    },
  };
}

/** Runs `load` once, when first asked; a failure is asked again next time. */
function onFirstUse<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
}

/** The bundled log rules; one that does not match the schema is a fault of ours (500). */
async function loadLogRules(contentDir: string): Promise<LogRule[]> {
  const { readLogRules } = await import('./adapters/logs/read-log-sources.js');
  const { rules, problems } = await readLogRules(join(contentDir, 'log-rules'));
  if (problems.length > 0) throw new Error(`log rules: ${problems.join('; ')}`);
  return rules;
}

/** The tables, families and registry: what every composition shares. */
async function loadReference(
  config: Config,
): Promise<Pick<AppDeps, 'registry' | 'catalog' | 'families' | 'updateEndpoints' | 'logRules'>> {
  const [registry, catalog, updateEndpoints] = await Promise.all([
    loadRegistry(config.contentDir),
    loadWindowsCatalog(config.dataDir),
    loadUpdateEndpoints(config.dataDir),
  ]);
  const logRules = onFirstUse(() => loadLogRules(config.contentDir));
  const families = loadFamilyIndex(readFamilyFiles(join(config.contentDir, 'families')), catalog);
  return { registry, catalog, families, updateEndpoints, logRules };
}

/**
 * For questions that write nothing (`lookup`, `decode`): no file is created, nothing is
 * migrated, nothing is counted. Articles come from the configured database opened read-only
 * when its file exists (so what was imported shows), else from the bundled content in memory.
 */
export async function composeReadOnly(
  config: Config,
  options: { articles: boolean },
): Promise<{ deps: AppDeps; articles: ArticleSource; close(): Promise<void> }> {
  const { registry, catalog, families, updateEndpoints, logRules } = await loadReference(config);
  let storage: Omit<Storage, 'health'> | undefined;
  let articles: ArticleSource = { kind: 'bundled' };
  // An absent file (no database made yet) is the usual case: answered without loading SQLite,
  // as openSqliteReadOnly would answer it (`absent`, the bundled content, nothing said).
  if (options.articles && config.database.kind === 'sqlite' && existsSync(config.database.file)) {
    const [{ openSqliteReadOnly }, [, { sqliteStorage }]] = await Promise.all([
      import('./adapters/sqlite/open-read-only.js'),
      sqlite(),
    ]);
    const opened = openSqliteReadOnly(config.database.file);
    if (opened.kind === 'opened') {
      storage = sqliteStorage(opened.db);
      articles = { kind: 'database', file: config.database.file };
    } else if (opened.kind === 'unusable') {
      articles = {
        kind: 'bundled',
        reason: `${config.database.file} cannot be read (${opened.reason})`,
      };
    }
  }
  const { store, demand, sessions, outcomes, reports, unitOfWork } =
    storage ?? bundledStores(config, registry, options.articles);
  // A read-only composition starts no session and records no outcome: they are in the deps
  // because AppDeps has them (a write through them fails on the read-only handle). Its
  // look-ups and search misses are never flushed: a look-up or search from the CLI is not counted.
  const deps = assembleDeps(
    { store, demand, sessions, outcomes, reports, unitOfWork },
    {
      catalog,
      registry,
      families,
      lookups: new LookupCounter(demand),
      searchMisses: new SearchMissLog(demand),
      updateEndpoints,
      logRules,
    },
    // The CLI's search index: in memory, built on first search from what this wiring reads.
    { search: new MemorySearchIndex(), requestsToken: undefined },
  );
  return { deps, articles, close: () => store.close() };
}

/**
 * Memory stores for a read-only composition without a database. With articles, the bundled
 * content goes in as it is asked for: a look-up of one code reads that code's files (and the
 * procedures), not all of them; a search or a listing syncs everything first
 * (`OnDemandArticleStore`, `bundledArticlesByCode`). Without, no article at all.
 */
function bundledStores(
  config: Config,
  registry: ProductRegistry,
  articles: boolean,
): Omit<Storage, 'health'> {
  const memory = memoryStorage();
  if (!articles) return memory;
  const loader = bundledArticlesByCode(config.contentDir, (files) =>
    // Imported when a look-up first needs an article: `decode` never reads Markdown.
    import('./app/sync-bundled-content.js').then(({ syncBundledContent }) =>
      syncBundledContent({ registry, clock: systemClock, unitOfWork: memory.unitOfWork }, files),
    ),
  );
  return {
    ...memory,
    store: new OnDemandArticleStore(memory.store, loader),
    unitOfWork: loadedFirst(memory.unitOfWork, loader),
  };
}

/** The use cases' dependencies from storage, the loaded reference data and what differs per caller. */
function assembleDeps(
  storage: Pick<AppDeps, 'store' | 'demand' | 'sessions' | 'outcomes' | 'reports' | 'unitOfWork'>,
  loaded: Pick<
    AppDeps,
    | 'catalog'
    | 'registry'
    | 'families'
    | 'lookups'
    | 'searchMisses'
    | 'updateEndpoints'
    | 'logRules'
  >,
  own: Pick<AppDeps, 'search' | 'requestsToken'>,
): AppDeps {
  return {
    ...storage,
    ...loaded,
    ...own,
    random: systemRandom,
    outcomeLimit: new OutcomeRateLimit(systemClock),
    clock: systemClock,
    mentions: new ArticleMentions(storage.store),
    openUploadedZip: (name, bytes) => uploadedZip(name, bytes),
  };
}

async function* uploadedZip(
  name: string,
  bytes: AsyncIterable<Uint8Array>,
): AsyncGenerator<LogSource> {
  const { uploadedZipSources } = await import('./adapters/logs/uploaded-zip.js');
  yield* uploadedZipSources(name, bytes);
}
