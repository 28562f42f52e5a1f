import type { AppDeps } from '../app/deps.js';
import { compose } from '../compose.js';
import { loadConfig } from '../config.js';
import { type CliIo, UsageError } from './cli-io.js';

/** Opens the configured database (env, `--db` over it) for one command, and always closes it. */
export async function withDeps<T>(
  io: CliIo,
  db: string | undefined,
  run: (deps: AppDeps) => Promise<T>,
): Promise<T> {
  const config = loadConfig(io.env, { db }, io.cwd);
  if (!config.ok) throw new UsageError(config.reason);
  const composed = await compose(config.value);
  try {
    return await run(composed.deps);
  } finally {
    await composed.close();
  }
}
