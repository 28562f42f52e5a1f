import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fail, ok, type Result } from './core/result.js';

/** The project root, from `src/` (tests) and from `dist/` alike. */
export const PROJECT_ROOT = fileURLToPath(new URL('../', import.meta.url));
export const BUNDLED_CONTENT_DIR = resolve(PROJECT_ROOT, 'content');
export const BUNDLED_DATA_DIR = resolve(PROJECT_ROOT, 'data/windows');

export type DatabaseTarget = { kind: 'sqlite'; file: string } | { kind: 'memory' };

export interface Config {
  port: number;
  database: DatabaseTarget;
  /** Where the bundled articles, procedures and products.yaml live. */
  contentDir: string;
  dataDir: string;
  /** `REQUESTS_TOKEN`: lets an operator list article requests; unset switches that off. */
  requestsToken?: string | undefined;
}

export interface ConfigOverrides {
  port?: string | undefined;
  db?: string | undefined;
}

export const DEFAULT_DATABASE_URL = 'sqlite:./var/atlas.db';

const ACCEPTED_URLS =
  'accepted: sqlite:<path> (e.g. sqlite:./var/atlas.db), sqlite::memory:, or a bare file path';

/**
 * `DATABASE_URL`'s syntax: `sqlite:<path>`, `sqlite::memory:`, or a bare path (SQLite).
 * `postgres://…` is understood but refused until the PostgreSQL adapter exists.
 */
export function parseDatabaseUrl(url: string, cwd: string): Result<DatabaseTarget> {
  const value = url.trim();
  if (value === '') return fail(`DATABASE_URL is empty; ${ACCEPTED_URLS}`);
  if (/^postgres(ql)?:\/\//i.test(value)) {
    return fail(
      'DATABASE_URL is a PostgreSQL address, but this version of Error Atlas stores data in ' +
        `SQLite only (PostgreSQL support is planned); ${ACCEPTED_URLS}`,
    );
  }
  if (value === 'sqlite::memory:' || value === ':memory:') return ok({ kind: 'memory' });
  const scheme = /^([a-z][a-z0-9+.-]*):(?!\\)/i.exec(value);
  if (scheme && scheme[1]?.toLowerCase() !== 'sqlite' && scheme[1]?.length !== 1) {
    return fail(
      `DATABASE_URL "${value}" uses the unknown scheme "${scheme[1]}:"; ${ACCEPTED_URLS}`,
    );
  }
  const path = value.replace(/^sqlite:(\/\/)?/i, '');
  if (path === '') return fail(`DATABASE_URL "${value}" names no file; ${ACCEPTED_URLS}`);
  return ok({ kind: 'sqlite', file: resolve(cwd, path) });
}

export function parsePort(text: string, origin: string): Result<number> {
  const port = /^\d+$/.test(text.trim()) ? Number(text) : Number.NaN;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    return fail(`${origin} "${text}" is not a port; accepted: a whole number from 0 to 65535`);
  }
  return ok(port);
}

/** Environment first, CLI flags over it; every problem is reported, not just the first. */
export function loadConfig(
  env: NodeJS.ProcessEnv,
  overrides: ConfigOverrides = {},
  cwd: string = process.cwd(),
): Result<Config> {
  const problems: string[] = [];
  if (
    env.REQUESTS_TOKEN !== undefined &&
    env.REQUESTS_TOKEN.trim().length > 0 &&
    env.REQUESTS_TOKEN.trim().length < 16
  ) {
    problems.push('REQUESTS_TOKEN is too short to be secret; use at least 16 characters');
  }
  const portText = overrides.port ?? env.PORT ?? '3000';
  const port = parsePort(portText, overrides.port !== undefined ? '--port' : 'PORT');
  if (!port.ok) problems.push(port.reason);
  const database = parseDatabaseUrl(overrides.db ?? env.DATABASE_URL ?? DEFAULT_DATABASE_URL, cwd);
  if (!database.ok)
    problems.push(overrides.db !== undefined ? `--db: ${database.reason}` : database.reason);
  if (!port.ok || !database.ok) return fail(problems.join('\n'));
  return ok({
    port: port.value,
    database: database.value,
    contentDir: BUNDLED_CONTENT_DIR,
    dataDir: BUNDLED_DATA_DIR,
    requestsToken: env.REQUESTS_TOKEN?.trim() || undefined,
  });
}
