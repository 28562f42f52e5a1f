import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadWindowsCatalog } from './adapters/catalog/load-windows-tables.js';
import { readContentFiles } from './adapters/content/read-content-dir.js';
import { writeContentDir } from './adapters/content/write-content-dir.js';
import { readLogWithBuffers } from './adapters/logs/buffer-ascii-text.js';
import { LogInputError, readLogRules, readLogSources } from './adapters/logs/read-log-sources.js';
import type { LintInput } from './app/lint-content.js';
import type { CliWiring } from './cli/cli-wiring.js';
import { BadInputError } from './cli/cli-io.js';
import { compose, composeReadOnly, loadRegistry, systemClock } from './compose.js';
import { dayOf } from './core/products/platform-support.js';
import { BUNDLED_CONTENT_DIR, PROJECT_ROOT } from './config.js';
import { readProcedureMarkdown } from './core/articles/procedure-markdown.js';
import type { Procedure } from './core/articles/schema.js';
import { createLogger } from './create-logger.js';
import { createHttpApp } from './http/create-http-app.js';
import { startHttpServer, type HttpServer } from './http/http-server.js';

/**
 * The CLI's wiring: the adapters and the HTTP app that `runCli` gets handed instead of
 * importing them (the architecture test keeps cli/ from importing them itself).
 */

/** The bundled procedures, so an article being linted may use them. */
function bundledProcedures(): Map<string, Procedure> {
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
async function asBadInput<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    throw error instanceof LogInputError ? new BadInputError(error.message) : error;
  }
}

async function* badInputStream<T>(stream: AsyncIterable<T>): AsyncGenerator<T> {
  try {
    yield* stream;
  } catch (error) {
    throw error instanceof LogInputError ? new BadInputError(error.message) : error;
  }
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
    openDeps: (config) => compose(config),
    openReadOnlyDeps: composeReadOnly,
    readContentFiles,
    lintInput: async (): Promise<LintInput> => {
      const [registry, catalog] = await Promise.all([
        loadRegistry(BUNDLED_CONTENT_DIR),
        loadWindowsCatalog(),
      ]);
      return {
        registry,
        catalog,
        procedures: bundledProcedures(),
        today: dayOf(systemClock.now()),
      };
    },
    writeContentDir,
    loadCatalog: loadWindowsCatalog,
    readLogRules: (dir) =>
      asBadInput(() => readLogRules(dir ?? join(BUNDLED_CONTENT_DIR, 'log-rules'))),
    readLogSources: (paths, cwd) => badInputSources(readLogSources(paths, cwd)),
    // One thread: the worker reader (adapters/logs/range-log-reading.ts) answers the same but
    // was not measured faster on this shared machine, and its peak memory is higher (DECISIONS.md).
    readLog: readLogWithBuffers,
    startHttp: async (config) => {
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
