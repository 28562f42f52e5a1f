import type { LogSource, ReadLog } from '../app/analyze-logs.js';
import type { AppDeps } from '../app/deps.js';
import type { ContentFile } from '../app/content-file.js';
import type { ImportedItem } from '../app/import-content.js';
import type { LintInput } from '../app/lint-content.js';
import type { Config } from '../config.js';
import type { Catalog } from '../core/codes/catalog.js';
import type { LogRule } from '../core/logs/log-rule-schema.js';
import type { Result } from '../core/result.js';

/** Use cases' dependencies opened for one command, and how to let them go. */
export interface OpenedDeps {
  deps: AppDeps;
  close(): Promise<void>;
}

/** What a look-up answers from, said on stderr when it is a database. */
export type ArticleSource =
  { kind: 'database'; file: string } | { kind: 'bundled'; reason?: string | undefined };

/** How a drain ended: requests that finished in it, and those cut at the deadline. */
export interface DrainOutcome {
  drained: number;
  cut: number;
}

/** A server that listens, on the database it opened. */
export interface RunningHttp {
  port: number;
  /** What the start-up sync saved ([] when nothing changed). */
  synced: ImportedItem[];
  /**
   * Stops accepting connections and drains in-flight requests within the configured shutdown
   * deadline (readiness answers 503 meanwhile), then flushes the look-up counts and closes the
   * database. Idempotent.
   */
  close(): Promise<DrainOutcome>;
}

/**
 * Everything the CLI needs from the outside world, handed in by the wiring (`compose.ts`,
 * built in `bin.ts` and `server.ts`), so that no command imports an adapter or the HTTP app.
 */
export interface CliWiring {
  /** package.json's version. */
  version: string;
  /** Opens (creating and migrating) the configured database and syncs the bundled content. */
  openDeps(config: Config): Promise<OpenedDeps & { synced: ImportedItem[] }>;
  /**
   * The bundled tables, families and registry, writing nothing anywhere. With `articles`, the
   * articles of the configured database opened read-only when its file exists, else the
   * bundled content read into memory; without, no article at all.
   */
  openReadOnlyDeps(
    config: Config,
    options: { articles: boolean },
  ): Promise<OpenedDeps & { articles: ArticleSource }>;
  /** Every `.md`/`.txt` file under a path (or the path itself when it is a file). */
  readContentFiles(path: string): ContentFile[];
  /** What `lint` checks against: the bundled registry, tables and procedures. */
  lintInput(): Promise<LintInput>;
  /** Writes files under a folder all or nothing; the reason is in plain words. */
  writeContentDir(root: string, files: readonly ContentFile[]): Result<void>;
  /** The bundled Windows tables, for `logs` to name the codes it finds. */
  loadCatalog(): Promise<Catalog>;
  /**
   * The rule files (`*.yaml`/`*.yml`) of a folder, each validated, problems naming the file;
   * without a folder, the bundled rules. Rejects with a BadInputError when the folder cannot
   * be read.
   */
  readLogRules(dir?: string): Promise<{ rules: LogRule[]; problems: string[] }>;
  /**
   * Every file named, every log under every folder named and inside every .zip named, as
   * streamed sources in name order with their sizes when known (a .cab and other archives
   * refused with the reason). Iterating (the sources or their chunks) throws a BadInputError
   * for a path that does not exist or a corrupt zip entry.
   */
  readLogSources(
    paths: readonly string[],
    cwd: string,
  ): AsyncIterable<LogSource & { size?: number | undefined }>;
  /** How one log file is read (in this thread, or on worker threads: the same answer). */
  readLog: ReadLog;
  /**
   * Opens the configured database (as `openDeps`), builds the HTTP app on it (with the
   * configured limits, readiness and draining) and listens on `config.port` (0: any free one)
   * with the configured socket limits and timeouts. A port in use rejects with `EADDRINUSE`, having closed
   * the database again.
   */
  startHttp(config: Config): Promise<RunningHttp>;
}
