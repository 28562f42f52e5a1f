// Shared by the benchmarks: a server on a fresh SQLite file filled with the bundled content,
// and autocannon run in its own process against it.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { compose } from '../dist/compose.js';
import { BUNDLED_CONTENT_DIR, BUNDLED_DATA_DIR } from '../dist/config.js';
import { createHttpApp } from '../dist/http/create-http-app.js';
import { listen } from '../dist/http/http-server.js';

const run = promisify(execFile);
const AUTOCANNON = createRequire(import.meta.url).resolve('autocannon/autocannon.js');

export const ARTICLE = '/windows-update/0x80244001';

/** Composes the app on a temporary database; `before` adds benchmark-only routes. */
export async function startBenchServer({ before } = {}) {
  const folder = mkdtempSync(join(tmpdir(), 'atlas-bench-'));
  const composed = await compose({
    port: 0,
    database: { kind: 'sqlite', file: join(folder, 'atlas.db') },
    contentDir: BUNDLED_CONTENT_DIR,
    dataDir: BUNDLED_DATA_DIR,
  });
  const app = createHttpApp(composed.deps, before ? { before } : {});
  const server = await listen(app, 0);
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

/** Requests per second of one URL under autocannon, in its own process. */
export async function loadRate(url, { seconds = 10, connections = 50 } = {}) {
  const { stdout } = await run(
    process.execPath,
    [AUTOCANNON, '--json', '-c', String(connections), '-d', String(seconds), url],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  const result = JSON.parse(stdout);
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  }
  return result.requests.average;
}

export const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
