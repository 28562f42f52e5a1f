// Benchmark: the article page over HTTP against a route of the same server that returns the
// same bytes from memory. Both are loaded by autocannon in its own process, one after the
// other, in this one run; the ratio (article / memory) is what counts, since absolute rates
// drift on a shared machine. Target: ratio >= 0.9.
//
//   npm run bench:article-page            (after `npm install`, which builds dist/)
//   DURATION=10 CONNECTIONS=50 node bench/article-page.mjs
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { compose } from '../dist/compose.js';
import { BUNDLED_CONTENT_DIR, BUNDLED_DATA_DIR } from '../dist/config.js';
import { createHttpApp } from '../dist/http/create-http-app.js';
import { listen } from '../dist/cli/commands/serve.js';

const run = promisify(execFile);
const AUTOCANNON = createRequire(import.meta.url).resolve('autocannon/autocannon.js');
const DURATION = Number(process.env.DURATION ?? 10);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 50);
const ROUNDS = Number(process.env.ROUNDS ?? 2);
const ARTICLE = '/windows-update/0x80244001';
const MEMORY = '/__bench/memory';

const folder = mkdtempSync(join(tmpdir(), 'atlas-bench-'));
const composed = await compose({
  port: 0,
  database: { kind: 'sqlite', file: join(folder, 'atlas.db') },
  contentDir: BUNDLED_CONTENT_DIR,
  dataDir: BUNDLED_DATA_DIR,
});
const app = createHttpApp(composed.deps);
const page = await app.request(ARTICLE);
if (page.status !== 200) throw new Error(`the article page answered ${page.status}`);
const bytes = new Uint8Array(await page.arrayBuffer());
const headers = {
  'content-type': page.headers.get('content-type') ?? 'text/html',
  'cache-control': page.headers.get('cache-control') ?? '',
  etag: page.headers.get('etag') ?? '',
};
// The baseline route exists only in this benchmark's wiring.
const bench = createHttpApp(composed.deps, {
  before: (app) => app.get(MEMORY, (c) => c.body(bytes, 200, headers)),
});
const server = await listen(bench, 0);
const origin = `http://127.0.0.1:${server.port}`;

async function load(path, seconds = DURATION) {
  const { stdout } = await run(
    process.execPath,
    [AUTOCANNON, '--json', '-c', String(CONNECTIONS), '-d', String(seconds), `${origin}${path}`],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  const result = JSON.parse(stdout);
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${path}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  }
  return result.requests.average;
}

// Warm both paths, then alternate so that drift hits both alike.
await load(ARTICLE, 2);
await load(MEMORY, 2);
const rates = { article: [], memory: [] };
for (let round = 0; round < ROUNDS; round++) {
  rates.memory.push(await load(MEMORY));
  rates.article.push(await load(ARTICLE));
}
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
const article = mean(rates.article);
const memory = mean(rates.memory);
console.log(`page bytes:           ${bytes.length}`);
console.log(
  `memory route:         ${memory.toFixed(0)} req/s (${rates.memory.map((r) => r.toFixed(0)).join(', ')})`,
);
console.log(
  `article page:         ${article.toFixed(0)} req/s (${rates.article.map((r) => r.toFixed(0)).join(', ')})`,
);
console.log(`ratio article/memory: ${(article / memory).toFixed(3)} (target >= 0.9)`);

await server.close();
await composed.close();
rmSync(folder, { recursive: true, force: true });
