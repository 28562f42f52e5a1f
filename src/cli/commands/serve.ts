import { compose } from '../../compose.js';
import { loadConfig } from '../../config.js';
import { createLogger, parseLogLevel } from '../../create-logger.js';
import { createHttpApp } from '../../http/create-http-app.js';
import { startHttpServer, type HttpServer } from '../../http/http-server.js';
import { type CliIo, UsageError } from '../cli-io.js';
import { parseCommandArgs } from '../parse-command-args.js';

const USAGE = 'erratlas serve [--port <n>] [--db <url>]';

export interface RunningServer {
  port: number;
  /** Drains in-flight requests (within SHUTDOWN_TIMEOUT_MS), flushes the look-up counts, closes the database. */
  close(): Promise<void>;
}

/**
 * `erratlas serve` (and `npm start`): opens and migrates the database, upserts the bundled
 * content, and serves pages and API until SIGINT or SIGTERM.
 */
export async function startServer(argv: readonly string[], io: CliIo): Promise<RunningServer> {
  const { values, positionals } = parseCommandArgs(
    argv,
    { port: { type: 'string' }, db: { type: 'string' } },
    USAGE,
  );
  if (positionals.length > 0) {
    throw new UsageError(
      `serve takes no arguments, got "${positionals.join(' ')}"\nusage: ${USAGE}`,
    );
  }
  const config = loadConfig(io.env, { port: values.port, db: values.db }, io.cwd);
  if (!config.ok) throw new UsageError(config.reason);
  const level = parseLogLevel(io.env.LOG_LEVEL);
  if (!level.ok) throw new UsageError(level.reason);
  const logger = await createLogger(level.value, process.stdout.isTTY);
  const composed = await compose(config.value);
  for (const item of composed.synced) io.stdout(`content: saved ${item.key}\n`);
  let server: HttpServer | undefined;
  const app = createHttpApp(composed.deps, {
    server: config.value.server,
    readiness: composed.readiness,
    draining: () => server?.draining === true,
    logger,
  });
  try {
    server = await startHttpServer(app, config.value.port, config.value.server);
  } catch (error) {
    await composed.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      throw new UsageError(
        `port ${config.value.port} is already in use; choose another with --port or PORT`,
      );
    }
    throw error;
  }
  const where =
    config.value.database.kind === 'sqlite' ? config.value.database.file : 'memory (not saved)';
  io.stdout(`Error Atlas listening on http://localhost:${server.port} (database: ${where})\n`);
  const running = server;
  return {
    port: running.port,
    close: async () => {
      const { drained, cut } = await running.close();
      io.stdout(
        `shutdown: ${drained} in-flight request(s) finished` +
          (cut > 0
            ? `, ${cut} cut off at the ${config.value.server.shutdownTimeoutMs} ms deadline`
            : '') +
          '\n',
      );
      await composed.close();
    },
  };
}

export async function runServe(argv: readonly string[], io: CliIo): Promise<number> {
  const server = await startServer(argv, io);
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await server.close();
  return 0;
}
