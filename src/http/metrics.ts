import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import { fold, type Step } from './middleware/fold.js';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/** What the page cache reports; see `PageCache`'s observer. */
export type PageCacheResult = 'hit' | 'miss';

export interface Metrics {
  /** This app's own registry: two apps in one process (tests) never share counters. */
  registry: Registry;
  /** Times and counts every request; mount it first so it sees every answer. */
  middleware: MiddlewareHandler;
  /** The same as a step of the app-wide middleware (see `fold`). */
  step: Step<number>;
  pageCache: (result: PageCacheResult) => void;
  /**
   * Counts and times one request answered outside the app's middleware (the kept-answer lane:
   * `kept-lane.ts`), in the same series as the step's: `route` is its matched pattern.
   */
  countKept: (method: string, route: string, status: number, startedMs: number) => void;
}

/** HTTP's own methods; any other would make a series per made-up verb, so it counts as OTHER. */
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** Matched route patterns, never raw paths: `/codes/:notation{.+}` is one series, not millions. */
const UNMATCHED = '(unmatched)';

/** The route pattern a request's series is labelled with. */
export function metricsRouteOf(c: Context): string {
  const routes = matchedRoutes(c);
  // The handler that answered is the last one dispatched; middleware mounted with `use`
  // shows as method ALL, which is not a route of ours.
  const route = routes[c.req.routeIndex];
  if (route === undefined || route.method === 'ALL') return UNMATCHED;
  return route.path;
}

/** better-sqlite3 throws `SqliteError` with a `SQLITE_…` code; a PostgreSQL driver would add its own test here. */
export function isDatabaseError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  return error.name === 'SqliteError' || (typeof code === 'string' && code.startsWith('SQLITE_'));
}

/** One series of the request counter and histogram. */
interface Series {
  labels: { method: string; route: string; status: string };
  /** Requests counted here and not yet handed to prom-client. */
  uncounted: number;
  observe: (seconds: number) => void;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  // Counts are kept as plain numbers per series and handed to prom-client when /metrics is
  // read (its `collect` hook): prom-client validates and hashes the labels on every `inc`,
  // which cost more per request than the rest of this middleware. The totals are the same.
  const series = new Map<string, Series>();
  // Registered in `registry` by the constructor; read only through its collect hook.
  new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
    collect() {
      for (const one of series.values()) {
        if (one.uncounted === 0) continue;
        this.inc(one.labels, one.uncounted);
        one.uncounted = 0;
      }
    },
  });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time from the request reaching the app to the response being handed to Node, by route pattern.',
    labelNames: ['method', 'route'] as const,
    // A cached page answers in well under a millisecond; a cold render or a database wait takes more.
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const uncountedLookups = { hit: 0, miss: 0 };
  const pageCache = new Counter({
    name: 'page_cache_lookups_total',
    help: 'Rendered-page cache look-ups, by result (hit or miss).',
    labelNames: ['result'] as const,
    registers: [registry],
    collect() {
      for (const result of ['hit', 'miss'] as const) {
        this.inc({ result }, uncountedLookups[result]);
        uncountedLookups[result] = 0;
      }
    },
  });
  let uncountedKept = 0;
  new Counter({
    name: 'http_kept_lane_answers_total',
    help: 'Requests answered from the kept-answer lane, in front of the app (also in http_requests_total).',
    registers: [registry],
    collect() {
      this.inc(uncountedKept);
      uncountedKept = 0;
    },
  });
  const databaseErrors = new Counter({
    name: 'database_errors_total',
    help: 'Requests that failed on a database error.',
    registers: [registry],
  });
  // Both series exist from the start, so a rate() over them is defined before the first miss.
  pageCache.inc({ result: 'hit' }, 0);
  pageCache.inc({ result: 'miss' }, 0);
  databaseErrors.inc(0);

  // Per label set, looked up once: the histogram's child, and the count not yet handed over.
  const seriesOf = (method: string, route: string, status: string): Series => {
    const key = `${method} ${status} ${route}`;
    let found = series.get(key);
    if (found === undefined) {
      const histogram = duration.labels(method, route);
      found = {
        labels: { method, route, status },
        uncounted: 0,
        observe: (seconds) => histogram.observe(seconds),
      };
      series.set(key, found);
    }
    return found;
  };

  /** One request in its series; `started` from `performance.now()`. */
  const count = (method: string, route: string, status: number, started: number): void => {
    const seconds = (performance.now() - started) / 1e3;
    const one = seriesOf(METHODS.has(method) ? method : 'OTHER', route, String(status));
    one.uncounted += 1;
    one.observe(seconds);
  };

  const step: Step<number> = {
    // Monotonic, in milliseconds with sub-microsecond digits (no BigInt made per request).
    before: () => performance.now(),
    after(c, started) {
      count(c.req.method, metricsRouteOf(c), c.res.status, started);
      if (isDatabaseError(c.error)) databaseErrors.inc();
    },
  };

  return {
    registry,
    middleware: fold([step]),
    step,
    pageCache: (result) => {
      uncountedLookups[result] += 1;
    },
    countKept: (method, route, status, started) => {
      uncountedKept += 1;
      count(method, route, status, started);
    },
  };
}
