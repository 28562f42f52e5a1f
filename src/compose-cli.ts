import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LintInput } from './app/lint-content.js';
import type { CliWiring } from './cli/cli-wiring.js';
import { BadInputError } from './cli/cli-io.js';
import { BUNDLED_CONTENT_DIR, PROJECT_ROOT } from './config.js';
import type { Procedure } from './core/articles/schema.js';
import type { HttpServer } from './http/http-server.js';
// Synchronous in CliWiring, and small (node:fs only): imported at start.
import { readContentFiles } from './adapters/content/read-content-dir.js';
import { writeContentDir } from './adapters/content/write-content-dir.js';

/**
 * The CLI's wiring: the adapters and the HTTP app that `runCli` gets handed instead of
 * importing them (the architecture test keeps cli/ from importing them itself). Every part is
 * imported when first called, not at start: a command loads only what it uses (`decode` neither
 * hono nor better-sqlite3), which is most of a short command's time.
 */

/** The bundled procedures, so an article being linted may use them. */
async function bundledProcedures(): Promise<Map<string, Procedure>> {
  const { readProcedureMarkdown } = await import('./core/articles/procedure-markdown.js');
  const procedures = new Map<string, Procedure>();
  for (const file of readContentFiles(join(BUNDLED_CONTENT_DIR, 'procedures'))) {
    const read = readProcedureMarkdown(file.text);
    if (read.ok) procedures.set(read.value.id, read.value);
  }
  return procedures;
}

const packageVersion = (): string =>
  (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string })
    .version;

/** A path the user named that cannot be read is their input's fault: the CLI exits 2. */
async function asBadInput(error: unknown): Promise<unknown> {
  const { LogInputError } = await import('./adapters/logs/read-log-sources.js');
  return error instanceof LogInputError ? new BadInputError(error.message) : error;
}

async function* badInputStream<T>(stream: AsyncIterable<T>): AsyncGenerator<T> {
  try {
    yield* stream;
  } catch (error) {
    throw await asBadInput(error);
  }
}

/** A stream whose module is imported when it is first iterated. */
async function* lazyStream<T>(open: () => Promise<AsyncIterable<T>>): AsyncGenerator<T> {
  yield* await open();
}

/** The same for the bytes of each source: a corrupt zip entry is found while it is read. */
async function* badInputSources<T extends { chunks: AsyncIterable<Uint8Array> } | object>(
  sources: AsyncIterable<T>,
): AsyncGenerator<T> {
  for await (const source of badInputStream(sources))
    yield 'chunks' in source ? { ...source, chunks: badInputStream(source.chunks) } : source;
}

/** What the CLI gets instead of importing adapters and the HTTP app itself. */
export function cliWiring(): CliWiring {
  return {
    version: packageVersion(),
    openDeps: async (config) => (await import('./compose.js')).compose(config),
    openReadOnlyDeps: async (config, options) =>
      (await import('./compose.js')).composeReadOnly(config, options),
    readContentFiles,
    lintInput: async (): Promise<LintInput> => {
      const [{ loadRegistry, systemClock }, { loadWindowsCatalog }, { dayOf }] = await Promise.all([
        import('./compose.js'),
        import('./adapters/catalog/load-windows-tables.js'),
        import('./core/products/platform-support.js'),
      ]);
      const [registry, catalog, procedures] = await Promise.all([
        loadRegistry(BUNDLED_CONTENT_DIR),
        loadWindowsCatalog(),
        bundledProcedures(),
      ]);
      return { registry, catalog, procedures, today: dayOf(systemClock.now()) };
    },
    writeContentDir,
    loadCatalog: async () =>
      (await import('./adapters/catalog/load-windows-tables.js')).loadWindowsCatalog(),
    readLogRules: async (dir) => {
      const { readLogRules } = await import('./adapters/logs/read-log-sources.js');
      try {
        return await readLogRules(dir ?? join(BUNDLED_CONTENT_DIR, 'log-rules'));
      } catch (error) {
        throw await asBadInput(error);
      }
    },
    readLogSources: (paths, cwd) =>
      badInputSources(
        lazyStream(async () =>
          (await import('./adapters/logs/read-log-sources.js')).readLogSources(paths, cwd),
        ),
      ),
    // A large file on disk on this thread and a worker when a core is idle (range-log-reading.ts:
    // the same answer, faster from 128 MiB, peak RSS within 150 MB for 1 GiB); else one thread.
    readLog: async (...args) =>
      (await import('./adapters/logs/range-log-reading.js')).rangeLogReader()(...args),
    startHttp: async (config) => {
      const [{ createLogger }, { compose }, { createHttpApp }, { startHttpServer }] =
        await Promise.all([
          import('./create-logger.js'),
          import('./compose.js'),
          import('./http/create-http-app.js'),
          import('./http/http-server.js'),
        ]);
      const logger = await createLogger(config.logLevel ?? 'info', process.stdout.isTTY);
      const composed = await compose(config);
      let server: HttpServer | undefined;
      const app = createHttpApp(composed.deps, {
        server: config.server,
        readiness: composed.readiness,
        draining: () => server?.draining === true,
        logger,
      });
      try {
        server = await startHttpServer(app, config.port, config.server);
      } catch (error) {
        await composed.close();
        throw error;
      }
      const running = server;
      let closing: Promise<{ drained: number; cut: number }> | undefined;
      return {
        port: running.port,
        synced: composed.synced,
        // Drain first, so the requests that finish still count, then flush and close.
        close: () =>
          (closing ??= running.close().then(async (outcome) => {
            await composed.close();
            return outcome;
          })),
      };
    },
  };
}
