import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

/**
 * The peer's address, for rate limits only (it is hashed with a daily salt, never stored).
 * A request made in process (tests, benchmarks) has no socket: it counts as one local client.
 */
export function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'local';
  } catch {
    return 'local';
  }
}
