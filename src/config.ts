import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fail, ok, type Result } from './core/result.js';
import { type LogLevel, parseLogLevel } from './create-logger.js';
import { parseTrustProxy, type TrustProxy } from './trust-proxy.js';

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
  /** How the HTTP server faces the network: proxy trust, limits, timeouts. */
  server: ServerSettings;
  /** `LOG_LEVEL` for the server's log (default `info`). */
  logLevel?: LogLevel;
}

export interface ServerSettings {
  trustProxy: TrustProxy;
  /** A request body larger than this is refused (413) unless its route sets a smaller cap. */
  maxBodyBytes: number;
  /**
   * `MAX_LOG_UPLOAD_BYTES`: the cap of a log upload (`POST /api/v1/logs/analyze`, `POST /logs`),
   * which streams instead of buffering and so is not bound by `maxBodyBytes` (413 past it).
   */
  maxLogUploadBytes: number;
  /** Path and query together; longer is refused (414). */
  maxUrlBytes: number;
  /** Node's `maxHeaderSize`: the request line and all headers (431 beyond it). */
  maxHeaderBytes: number;
  /** Time a client has to send all its headers. */
  headersTimeoutMs: number;
  /** Time a client has to send the whole request. */
  requestTimeoutMs: number;
  /** How long an idle keep-alive connection stays open. */
  keepAliveTimeoutMs: number;
  /** At SIGTERM, how long in-flight requests get before their connections are closed. */
  shutdownTimeoutMs: number;
  /**
   * `PUBLIC_BASE_URL`: the site's public origin (`https://atlas.example`), for the absolute
   * addresses of the sitemap, robots.txt and structured data. Unset: each request's own origin.
   */
  publicBaseUrl?: string | undefined;
}

export const DEFAULT_SERVER_SETTINGS: ServerSettings = {
  trustProxy: { kind: 'none' },
  maxBodyBytes: 64 * 1024,
  maxLogUploadBytes: 1024 ** 3,
  maxUrlBytes: 2048,
  maxHeaderBytes: 16 * 1024,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  shutdownTimeoutMs: 10_000,
};

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

interface NumberSetting {
  name: string;
  key: Exclude<keyof ServerSettings, 'trustProxy' | 'publicBaseUrl'>;
  min: number;
  max: number;
  unit: 'bytes' | 'ms';
}

const NUMBER_SETTINGS: readonly NumberSetting[] = [
  { name: 'MAX_BODY_BYTES', key: 'maxBodyBytes', min: 1, max: 1024 ** 3, unit: 'bytes' },
  {
    name: 'MAX_LOG_UPLOAD_BYTES',
    key: 'maxLogUploadBytes',
    min: 1,
    max: 64 * 1024 ** 3,
    unit: 'bytes',
  },
  { name: 'MAX_URL_BYTES', key: 'maxUrlBytes', min: 256, max: 64 * 1024, unit: 'bytes' },
  { name: 'MAX_HEADER_BYTES', key: 'maxHeaderBytes', min: 1024, max: 1024 ** 2, unit: 'bytes' },
  { name: 'HEADERS_TIMEOUT_MS', key: 'headersTimeoutMs', min: 100, max: 3_600_000, unit: 'ms' },
  { name: 'REQUEST_TIMEOUT_MS', key: 'requestTimeoutMs', min: 100, max: 3_600_000, unit: 'ms' },
  {
    name: 'KEEP_ALIVE_TIMEOUT_MS',
    key: 'keepAliveTimeoutMs',
    min: 100,
    max: 3_600_000,
    unit: 'ms',
  },
  { name: 'SHUTDOWN_TIMEOUT_MS', key: 'shutdownTimeoutMs', min: 0, max: 3_600_000, unit: 'ms' },
];

/** The HTTP server's settings from the environment; every problem is reported. */
export function loadServerSettings(env: NodeJS.ProcessEnv): Result<ServerSettings> {
  const problems: string[] = [];
  const settings: ServerSettings = { ...DEFAULT_SERVER_SETTINGS };
  const trust = parseTrustProxy(env.TRUST_PROXY);
  if (trust.ok) settings.trustProxy = trust.value;
  else problems.push(trust.reason);
  for (const { name, key, min, max, unit } of NUMBER_SETTINGS) {
    const text = env[name]?.trim();
    if (text === undefined || text === '') continue;
    const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
    if (!(value >= min && value <= max)) {
      problems.push(
        `${name} "${env[name]}" is not accepted; accepted: a whole number of ${unit} from ` +
          `${min} to ${max} (default ${DEFAULT_SERVER_SETTINGS[key]})`,
      );
    } else settings[key] = value;
  }
  // Node refuses to start a server whose headers may take longer than the whole request.
  if (settings.headersTimeoutMs > settings.requestTimeoutMs) {
    problems.push(
      `HEADERS_TIMEOUT_MS (${settings.headersTimeoutMs}) is longer than REQUEST_TIMEOUT_MS ` +
        `(${settings.requestTimeoutMs}); the headers are part of the request, so it must not be`,
    );
  }
  // The request line counts against the header limit: a URL cap above it would never apply.
  if (settings.maxUrlBytes >= settings.maxHeaderBytes) {
    problems.push(
      `MAX_URL_BYTES (${settings.maxUrlBytes}) must be smaller than MAX_HEADER_BYTES ` +
        `(${settings.maxHeaderBytes}), which includes the request line`,
    );
  }
  const base = parsePublicBaseUrl(env.PUBLIC_BASE_URL);
  if (base.ok) settings.publicBaseUrl = base.value;
  else problems.push(base.reason);
  return problems.length > 0 ? fail(problems.join('\n')) : ok(settings);
}

/** `PUBLIC_BASE_URL`: an http(s) origin, optionally with a path prefix; no query or fragment. */
export function parsePublicBaseUrl(text: string | undefined): Result<string | undefined> {
  const value = (text ?? '').trim();
  if (value === '') return ok(undefined);
  const accepted = 'accepted: an http or https address such as https://atlas.example';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return fail(`PUBLIC_BASE_URL "${value}" is not an address; ${accepted}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return fail(`PUBLIC_BASE_URL "${value}" uses "${url.protocol}"; ${accepted}`);
  }
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    return fail(`PUBLIC_BASE_URL "${value}" has a query, fragment or user name; ${accepted}`);
  }
  // Stored without its trailing slash, so a path joins as `${base}${path}`.
  return ok(`${url.origin}${url.pathname.replace(/\/+$/, '')}`);
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
  const server = loadServerSettings(env);
  if (!server.ok) problems.push(server.reason);
  const logLevel = parseLogLevel(env.LOG_LEVEL);
  if (!logLevel.ok) problems.push(logLevel.reason);
  if (!port.ok || !database.ok || !server.ok || !logLevel.ok || problems.length > 0) {
    return fail(problems.join('\n'));
  }
  return ok({
    port: port.value,
    database: database.value,
    contentDir: BUNDLED_CONTENT_DIR,
    dataDir: BUNDLED_DATA_DIR,
    requestsToken: env.REQUESTS_TOKEN?.trim() || undefined,
    server: server.value,
    logLevel: logLevel.value,
  });
}
