// Benchmark: search at scale, in one run (issue 9).
// - Index: the bundled articles and every catalogued code, plus ARTICLES (default 100,000)
//   articles generated from the real content's vocabulary (each field's words drawn from the
//   same field of the bundled articles), on the real wiring with a SQLite store (FTS5 index).
//   Prints the build time and the memory it took.
// - In process: 1,000 mixed queries (people's phrasings, typos, codes, half-typed words,
//   generated word pairs) through search() — codes, typos, synonyms, prefixes, ranking,
//   snippets, facets — beside the baseline, a raw FTS5 query (the query's analysed words
//   OR-ed, bm25, LIMIT 10) on the same FTS5 table in the same process, the two taken in turns
//   query by query. p50/p95/p99 of both and the p95 ratio (target 1.5x).
// - Over HTTP (the same composed app on a real server): requests per second of
//   GET /api/v1/search, and the search-as-you-type round trip (GET /api/v1/search/suggest,
//   each request a prefix not asked before, so never the suggest cache) beside an article
//   page's, one request at a time, the two in turns; the p50 ratio (target 2x). The load
//   generator runs in its own process (bench/lib.mjs).
//
//   npm run bench:search      ARTICLES=20000 QUERIES=500 DURATION=5 node bench/search.mjs
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { compose } from '../dist/compose.js';
import { BUNDLED_CONTENT_DIR, BUNDLED_DATA_DIR, DEFAULT_SERVER_SETTINGS } from '../dist/config.js';
import { parseSearchParams, search } from '../dist/app/search.js';
import { analyze } from '../dist/core/search/analyze-text.js';
import { syncSearchIndex } from '../dist/app/sync-search-index.js';
import { createHttpApp } from '../dist/http/create-http-app.js';
import { startHttpServer } from '../dist/http/http-server.js';
import { ARTICLE, describeGenerator, loadRate } from './lib.mjs';

const ARTICLES = Number(process.env.ARTICLES ?? 100_000);
const QUERY_COUNT = Number(process.env.QUERIES ?? 1_000);
const DURATION = Number(process.env.DURATION ?? 10);
const ROUND_TRIPS = Number(process.env.ROUND_TRIPS ?? 300);

const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');
console.log(
  `load average at start: ${load()} (2 cores, shared with other work: figures are noisy)`,
);

/** A seeded generator, so every run indexes and asks the same. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const next = random(9);
const pick = (list) => list[Math.floor(next() * list.length)];
const words = (list, n) => Array.from({ length: n }, () => pick(list)).join(' ');

const folder = mkdtempSync(join(tmpdir(), 'atlas-bench-search-'));
const composed = await compose({
  port: 0,
  database: { kind: 'sqlite', file: join(folder, 'atlas.db') },
  contentDir: BUNDLED_CONTENT_DIR,
  dataDir: BUNDLED_DATA_DIR,
});
const { deps } = composed;
await syncSearchIndex(deps);

// The real content's words, per field, as written (the index analyses them as it would any).
const bundled = await deps.search.candidates(
  [...(await deps.search.stats()).vocabulary.keys()],
  { kind: 'article' },
  1e9,
);
const vocabulary = { title: [], causes: [], body: [] };
for (const document of bundled)
  for (const field of Object.keys(vocabulary))
    vocabulary[field].push(...(document.fields[field].match(/[\p{L}\p{N}]+/gu) ?? []));
const platforms = ['windows-11', 'windows-10', 'windows-8.1', 'windows-7', 'windows-server-2022'];
const severities = ['low', 'moderate', 'high', 'critical'];

const generated = Array.from({ length: ARTICLES }, (_, i) => {
  const code = `0x9${i.toString(16).toUpperCase().padStart(7, '0')}`;
  const title = `Windows Update error ${code}: ${words(vocabulary.title, 6 + (i % 5))}`;
  return {
    id: `article:windows-update/${code}`,
    kind: 'article',
    code,
    title,
    product: 'windows-update',
    severity: severities[i % severities.length],
    platforms: platforms.slice(0, 1 + (i % platforms.length)),
    families: [],
    fields: {
      name: code,
      title,
      causes: words(vocabulary.causes, 12 + (i % 10)),
      body: words(vocabulary.body, 120 + (i % 80)),
    },
  };
});

globalThis.gc?.();
const rssBefore = process.memoryUsage().rss;
let started = performance.now();
// Indexed at the store's content version, so search() does not re-index the bundled articles
// over the generated ones.
await deps.search.replaceKind(
  'article',
  [...bundled, ...generated],
  await deps.store.contentVersion(),
);
const buildMs = performance.now() - started;
await deps.search.stats();
const rssAfter = process.memoryUsage().rss;
const documents = (await deps.search.stats()).documents;
console.log(
  `index build: ${documents} documents (${ARTICLES} generated articles, ${bundled.length} bundled, the codes) in ${(buildMs / 1000).toFixed(1)} s; ` +
    `resident memory +${((rssAfter - rssBefore) / 2 ** 20).toFixed(0)} MiB (now ${(rssAfter / 2 ** 20).toFixed(0)} MiB)`,
);

// The same FTS5 table the adapter fills (its connection is private to TypeScript, not to JS).
const db = deps.search.db;
const rawQuery = db.prepare(
  `SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY bm25(search_fts, 10, 8, 4, 1) LIMIT 10`,
);
const rawSearch = (q) => {
  const terms = [...new Set(analyze(q))].map((t) => `"${t.replace(/"/g, '""')}"`);
  return terms.length === 0 ? [] : rawQuery.all(terms.join(' OR '));
};

const PHRASES = [
  'windows update error soap client',
  '0x8024402f windows 10',
  'updat stuck proxy',
  'wuauserv wont start',
  'WinHttpReceiveResponse failed: 12002',
  '1900101-40017',
  'updates download but never install',
  'windows update says service not running',
  'acces denied',
  'component store corupt',
  'The system cannot find the path specified.',
  'servicing stack',
  'soapcli',
  'rpc server unavailable',
  'not enough disk space',
  'installer fatal error',
  'PT_HTTP_STATUS_DENIED_ERROR',
  'Das System kann den angegebenen Pfad nicht finden',
];
const typo = (word) =>
  word.length < 6 ? word : word.slice(0, 2) + word[3] + word[2] + word.slice(4);
const queries = Array.from({ length: QUERY_COUNT }, (_, i) => {
  switch (i % 5) {
    case 0:
      return pick(PHRASES);
    case 1:
      return words(vocabulary.title, 2 + (i % 3));
    case 2:
      return typo(pick(vocabulary.causes)) + ' ' + pick(vocabulary.body);
    case 3:
      return pick(generated).code + ' ' + pick(vocabulary.title);
    default:
      return pick(vocabulary.body).slice(0, 4);
  }
});

/**
 * Both sides on the same queries, taken in turns (which one goes first alternates), so that a
 * change of load on the shared machine during the run weighs on both alike.
 */
async function measureBoth(first, second) {
  const times = [[], []];
  const sides = [first.run, second.run];
  for (const [i, q] of queries.entries()) {
    for (const side of i % 2 === 0 ? [0, 1] : [1, 0]) {
      const t = performance.now();
      await sides[side](q);
      times[side].push(performance.now() - t);
    }
  }
  return [summarize(first.label, times[0]), summarize(second.label, times[1])];
}
function summarize(label, times) {
  times.sort((a, b) => a - b);
  const at = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
  const total = times.reduce((a, b) => a + b, 0);
  const result = { qps: (times.length / total) * 1000, p50: at(0.5), p95: at(0.95), p99: at(0.99) };
  console.log(
    `${label.padEnd(44)} ${result.qps.toFixed(0).padStart(6)}/s  p50 ${result.p50.toFixed(2)} ms  p95 ${result.p95.toFixed(2)} ms  p99 ${result.p99.toFixed(2)} ms`,
  );
  return result;
}

// Warm up: analysis caches, prepared statements, the term statistics.
for (const q of queries.slice(0, 50)) await search(deps, parseSearchParams(deps, { q }));
for (const q of queries.slice(0, 50)) rawSearch(q);
console.log(`in process, ${queries.length} mixed queries (load ${load()}):`);
const [full, baseline] = await measureBoth(
  {
    label: 'search() (codes, typos, ranking, snippets)',
    run: (q) => search(deps, parseSearchParams(deps, { q })),
  },
  { label: 'raw FTS5 query (same table, bm25, LIMIT 10)', run: rawSearch },
);
console.log(`p95 ratio search()/raw FTS5: ${(full.p95 / baseline.p95).toFixed(2)}x (target 1.5x)`);

// Over HTTP: the same composed app on a real server.
const app = createHttpApp(deps, { readiness: composed.readiness });
const server = await startHttpServer(app, 0, DEFAULT_SERVER_SETTINGS, '127.0.0.1');
const origin = `http://127.0.0.1:${server.port}`;

async function roundTrip(path) {
  const t = performance.now();
  const response = await fetch(origin + path);
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
  return performance.now() - t;
}
// Prefixes as a person types them, each asked once (the suggest cache never answers).
const typed = [];
for (const phrase of [...PHRASES, ...queries]) {
  for (let end = 3; end <= phrase.length && typed.length < ROUND_TRIPS; end += 2)
    typed.push(phrase.slice(0, end));
  if (typed.length >= ROUND_TRIPS) break;
}
const uniquePrefixes = [...new Set(typed)].map(
  (q) => `/api/v1/search/suggest?q=${encodeURIComponent(q)}`,
);
for (let i = 0; i < 20; i++) await fetch(origin + ARTICLE).then((r) => r.arrayBuffer());
console.log(`over HTTP, one request at a time (load ${load()}):`);
// In turns, as in process: an article page, a new prefix, a new prefix, an article page, …
const articleTimes = [];
const suggestTimes = [];
for (const [i, prefix] of uniquePrefixes.entries()) {
  if (i % 2 === 0) articleTimes.push(await roundTrip(ARTICLE));
  suggestTimes.push(await roundTrip(prefix));
  if (i % 2 === 1) articleTimes.push(await roundTrip(ARTICLE));
}
const article = summarize(`article page ${ARTICLE}`, articleTimes);
const suggest = summarize('suggest, a new prefix each time', suggestTimes);
console.log(
  `p50 ratio suggest/article page: ${(suggest.p50 / article.p50).toFixed(2)}x, p95 ${(suggest.p95 / article.p95).toFixed(2)}x (target 2x)`,
);

console.log(`over HTTP, ${DURATION} s each with ${describeGenerator()} (load ${load()}):`);
for (const path of [
  ARTICLE,
  '/api/v1/search?q=updat+stuck+proxy',
  '/api/v1/search?q=windows+update+error+soap+client',
  '/api/v1/search/suggest?q=soapcl',
]) {
  const { perSecond } = await loadRate(origin + path, { seconds: DURATION, connections: 20 });
  console.log(`  ${path.padEnd(52)} ${perSecond.toFixed(0).padStart(7)} req/s`);
}
console.log(`load average at the end: ${load()}`);

await server.close();
await composed.close();
rmSync(folder, { recursive: true, force: true });
