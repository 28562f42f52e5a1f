// Benchmark: the article page over HTTP against a route of the same server that returns the
// same bytes from memory. autocannon loads both, in its own process, one after the other in
// this one run; the ratio (article / memory) is what counts, since absolute rates drift on a
// shared machine. Target: ratio >= 0.9.
//
//   npm run bench:article-page            (after `npm install`, which builds dist/)
//   DURATION=10 CONNECTIONS=50 ROUNDS=2 node bench/article-page.mjs
import { ARTICLE, loadRate, mean, startBenchServer } from './lib.mjs';

const options = {
  seconds: Number(process.env.DURATION ?? 10),
  connections: Number(process.env.CONNECTIONS ?? 50),
};
const ROUNDS = Number(process.env.ROUNDS ?? 2);
const MEMORY = '/__bench/memory';

// The baseline route exists only in this benchmark's wiring, and holds the very bytes the
// article route sends.
let bytes = new Uint8Array();
let headers = {};
const server = await startBenchServer({
  before: (app) => app.get(MEMORY, (c) => c.body(bytes, 200, headers)),
});
const page = await fetch(`${server.origin}${ARTICLE}`);
if (page.status !== 200) throw new Error(`the article page answered ${page.status}`);
bytes = new Uint8Array(await page.arrayBuffer());
headers = {
  'content-type': page.headers.get('content-type') ?? 'text/html',
  'cache-control': page.headers.get('cache-control') ?? '',
  etag: page.headers.get('etag') ?? '',
};

// Warm both paths, then alternate so that drift hits both alike.
await loadRate(`${server.origin}${ARTICLE}`, { ...options, seconds: 2 });
await loadRate(`${server.origin}${MEMORY}`, { ...options, seconds: 2 });
const rates = { article: [], memory: [] };
for (let round = 0; round < ROUNDS; round++) {
  rates.memory.push(await loadRate(`${server.origin}${MEMORY}`, options));
  rates.article.push(await loadRate(`${server.origin}${ARTICLE}`, options));
}
const article = mean(rates.article);
const memory = mean(rates.memory);
const list = (xs) => xs.map((r) => r.toFixed(0)).join(', ');
console.log(`page bytes:           ${bytes.length}`);
console.log(`memory route:         ${memory.toFixed(0)} req/s (${list(rates.memory)})`);
console.log(`article page:         ${article.toFixed(0)} req/s (${list(rates.article)})`);
console.log(`ratio article/memory: ${(article / memory).toFixed(3)} (target >= 0.9)`);
await server.stop();
