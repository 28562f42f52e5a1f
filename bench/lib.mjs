// Shared by the benchmarks: a server on a fresh SQLite file filled with the bundled content,
// and the load generator, run in its own process: wrk when it is installed (Debian's
// `apt-get install wrk`), else autocannon with several workers. One Node process of
// autocannon tops out near 7,500 req/s here whatever it loads, which is below what the
// server does: a ratio measured with it would be the generator's ceiling, not the server's.
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { compose } from '../dist/compose.js';
import { BUNDLED_CONTENT_DIR, BUNDLED_DATA_DIR, DEFAULT_SERVER_SETTINGS } from '../dist/config.js';
import { createLogger } from '../dist/create-logger.js';
import { createHttpApp } from '../dist/http/create-http-app.js';
import { startHttpServer } from '../dist/http/http-server.js';

const run = promisify(execFile);
const AUTOCANNON = createRequire(import.meta.url).resolve('autocannon/autocannon.js');

export const ARTICLE = '/windows-update/0x80244001';

/**
 * The request log as `npm start` writes it (one JSON line per request at `info`), to
 * /dev/null: the writes are real, the disk stays empty. BENCH_LOG_LEVEL=silent leaves it out.
 */
export const BENCH_LOG_LEVEL = process.env.BENCH_LOG_LEVEL ?? 'info';

/** Composes the app on a temporary database; `within` adds benchmark-only routes to its sub-apps. */
export async function startBenchServer({ within } = {}) {
  const folder = mkdtempSync(join(tmpdir(), 'atlas-bench-'));
  const composed = await compose({
    port: 0,
    database: { kind: 'sqlite', file: join(folder, 'atlas.db') },
    contentDir: BUNDLED_CONTENT_DIR,
    dataDir: BUNDLED_DATA_DIR,
  });
  const logger = await createLogger(BENCH_LOG_LEVEL, false, { file: '/dev/null' });
  const app = createHttpApp(composed.deps, {
    ...(within ? { within } : {}),
    readiness: composed.readiness,
    logger,
  });
  const server = await startHttpServer(app, 0, DEFAULT_SERVER_SETTINGS, '127.0.0.1');
  return {
    composed,
    app,
    origin: `http://127.0.0.1:${server.port}`,
    async stop() {
      await server.close();
      await composed.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

function hasWrk() {
  if (process.env.LOAD_GENERATOR === 'autocannon') return false;
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' });
    return true;
  } catch (error) {
    // `wrk --version` prints its usage and exits 1; only a missing binary is ENOENT.
    return error.code !== 'ENOENT';
  }
}

export const GENERATOR = hasWrk()
  ? { name: 'wrk', threads: 1 }
  : { name: 'autocannon', workers: Math.max(2, availableParallelism() - 1) };

export const describeGenerator = () =>
  GENERATOR.name === 'wrk'
    ? `wrk (${GENERATOR.threads} thread)`
    : `autocannon with ${GENERATOR.workers} workers (wrk not installed: apt-get install wrk)`;

/** wrk's `12.34MB`, `812.5KB`. */
const bytesOf = (text) => {
  const match = /^([\d.]+)([KMGT]?)B$/.exec(text);
  if (!match) return Number.NaN;
  return Number(match[1]) * 1024 ** ' KMGT'.indexOf(match[2] || ' ');
};

/**
 * A command's output and the CPU time it used (user + system, its children included), read
 * with the shell's `times`: how busy the load generator was tells whether it was the limit.
 */
async function runTimed(command, args, options) {
  const script = '"$@"; code=$?; times >&2; exit $code';
  const { stdout, stderr } = await run('bash', ['-c', script, 'bash', command, ...args], options);
  // `times` prints the shell's own times, then its children's: `0m0.546s 0m2.507s`.
  const children = stderr.trim().split('\n').at(-1) ?? '';
  const cpuSeconds = [...children.matchAll(/(\d+)m([\d.]+)s/g)].reduce(
    (sum, m) => sum + Number(m[1]) * 60 + Number(m[2]),
    0,
  );
  return { stdout, cpuSeconds };
}

async function wrkRate(url, { seconds, connections, headers }) {
  const args = ['-t', String(GENERATOR.threads), '-c', String(connections), '-d', `${seconds}s`];
  for (const [name, value] of Object.entries(headers)) args.push('-H', `${name}: ${value}`);
  const { stdout, cpuSeconds } = await runTimed('wrk', [...args, url], {
    maxBuffer: 16 * 1024 * 1024,
  });
  const rate = /Requests\/sec:\s+([\d.]+)/.exec(stdout);
  const total = /(\d+) requests in/.exec(stdout);
  const transfer = /Transfer\/sec:\s+(\S+)/.exec(stdout);
  if (!rate) throw new Error(`wrk printed no rate for ${url}:\n${stdout}`);
  const bad = /Non-2xx or 3xx responses:\s+(\d+)/.exec(stdout);
  const errors = /Socket errors:.*/.exec(stdout);
  if (bad || (errors && /[1-9]/.test(errors[0].replace(/timeout \d+/, '')))) {
    throw new Error(`${url}: ${bad ? `${bad[1]} non-2xx answers` : errors[0]}`);
  }
  return {
    perSecond: Number(rate[1]),
    requests: total ? Number(total[1]) : Number.NaN,
    bytesPerSecond: transfer ? bytesOf(transfer[1]) : Number.NaN,
    generatorBusy: cpuSeconds / seconds / GENERATOR.threads,
  };
}

async function autocannonRate(url, { seconds, connections, headers }) {
  const args = ['--json', '-w', String(GENERATOR.workers), '-c', String(connections)];
  args.push('-d', String(seconds));
  for (const [name, value] of Object.entries(headers)) args.push('-H', `${name}: ${value}`);
  const { stdout, cpuSeconds } = await runTimed(process.execPath, [AUTOCANNON, ...args, url], {
    maxBuffer: 64 * 1024 * 1024,
  });
  const result = JSON.parse(stdout);
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  }
  return {
    perSecond: result.requests.average,
    requests: result.requests.total,
    bytesPerSecond: result.throughput.average,
    generatorBusy: cpuSeconds / seconds / GENERATOR.workers,
  };
}

/**
 * Requests per second of one URL, the load generator in its own process; and, for a server
 * in this process, the CPU time this process spent per request meanwhile (`cpuUs`). On a
 * shared machine the rate drifts with whatever else runs, while the CPU a request costs
 * hardly does: the two together tell a slow server from a busy machine.
 */
export async function loadRate(url, { seconds = 10, connections = 50, headers = {} } = {}) {
  const before = process.cpuUsage();
  const result = await (GENERATOR.name === 'wrk'
    ? wrkRate(url, { seconds, connections, headers })
    : autocannonRate(url, { seconds, connections, headers }));
  const used = process.cpuUsage(before);
  return { ...result, cpuUs: (used.user + used.system) / result.requests };
}

export const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
