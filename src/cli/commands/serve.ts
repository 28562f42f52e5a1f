import { loadConfig } from '../../config.js';
import { BadInputError } from '../cli-io.js';
import type { RunningHttp } from '../cli-wiring.js';
import { defineCommand, type CommandContext } from '../command-spec.js';
import { describeDatabase } from '../with-deps.js';
import { COMMAND_SUMMARIES } from '../command-summaries.js';

export interface ServeOptions {
  port?: string | undefined;
  db?: string | undefined;
}

/** A listening server whose close says how the drain went. */
export interface RunningServer {
  port: number;
  /** Drains in-flight requests (within SHUTDOWN_TIMEOUT_MS), flushes the look-up counts, closes the database. */
  close(): Promise<void>;
}

/**
 * Opens and migrates the database, upserts the bundled content, and serves pages and API,
 * all through the wiring's HTTP start. Resolves once it listens.
 */
export async function startServer(
  options: ServeOptions,
  context: CommandContext,
): Promise<RunningServer> {
  const config = loadConfig(context.io.env, options, context.io.cwd);
  if (!config.ok) throw new BadInputError(config.reason);
  let server: RunningHttp;
  try {
    server = await context.wiring.startHttp(config.value);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new BadInputError(
        `port ${config.value.port} is already in use; choose another with --port or PORT`,
      );
    }
    throw error;
  }
  for (const item of server.synced) context.print.out(`content: saved ${item.key}`);
  context.print.out(
    `Error Atlas listening on http://localhost:${server.port} ` +
      `(database: ${describeDatabase(config.value.database)})`,
  );
  const running = server;
  return {
    port: running.port,
    close: async () => {
      const { drained, cut } = await running.close();
      context.print.out(
        `shutdown: ${drained} in-flight request(s) finished` +
          (cut > 0
            ? `, ${cut} cut off at the ${config.value.server.shutdownTimeoutMs} ms deadline`
            : ''),
      );
    },
  };
}

/** `erratlas serve` (and `npm start`): serves until SIGINT or SIGTERM, then drains and exits 0. */
export const serveCommand = defineCommand({
  name: 'serve',
  summary: COMMAND_SUMMARIES.serve,
  arguments: '',
  count: { min: 0, max: 0, what: 'no arguments' },
  options: {
    port: {
      type: 'string',
      value: 'n',
      description: 'the port (default PORT, else 3000; 0: any free one)',
    },
    db: { type: 'string', value: 'url', description: 'the database (DATABASE_URL syntax)' },
  },
  async run({ values }, context) {
    const server = await startServer({ port: values.port, db: values.db }, context);
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
  },
});
