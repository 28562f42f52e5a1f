import type { AppDeps } from '../app/deps.js';
import { loadConfig, type Config, type DatabaseTarget } from '../config.js';
import { BadInputError } from './cli-io.js';
import type { CommandContext } from './command-spec.js';

/** The configuration from the environment, `--db` over it; a bad one is bad input. */
export function cliConfig(context: CommandContext, db: string | undefined): Config {
  const config = loadConfig(context.io.env, { db }, context.io.cwd);
  if (!config.ok) throw new BadInputError(config.reason);
  return config.value;
}

export const describeDatabase = (target: DatabaseTarget): string =>
  target.kind === 'sqlite' ? target.file : 'in memory (sqlite::memory:, nothing is kept)';

/**
 * Opens the configured database for one command, says on stderr which one (so `--json`
 * stdout stays clean), and always closes it.
 */
export async function withDatabase<T>(
  context: CommandContext,
  command: string,
  db: string | undefined,
  run: (deps: AppDeps) => Promise<T>,
): Promise<T> {
  const config = cliConfig(context, db);
  context.print.err(`erratlas ${command}: database ${describeDatabase(config.database)}`);
  const opened = await context.wiring.openDeps(config);
  try {
    return await run(opened.deps);
  } finally {
    await opened.close();
  }
}
