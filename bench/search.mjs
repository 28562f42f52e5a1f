// Benchmark: search, in process, in one run.
// - search() (codes, typos, synonyms, prefixes, ranking, snippets, facets) over the bundled
//   articles and every catalogued code on the real wiring with a SQLite store (FTS5 index);
// - beside it, the baseline: a raw FTS5 query (the query's words OR-ed, bm25, LIMIT 10) on the
//   same index, same queries, same process.
// Prints queries per second and p50/p95/p99 latency of both, and their ratio.
// Not done yet (issue 9): the 100,000 generated articles and the HTTP round trip.
//
//   npm run bench:search        ROUNDS=20 node bench/search.mjs
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import BetterSqlite3 from 'better-sqlite3';
import { compose } from '../dist/compose.js';
import { BUNDLED_CONTENT_DIR, BUNDLED_DATA_DIR } from '../dist/config.js';
import { parseSearchParams, search } from '../dist/app/search.js';
import { analyze } from '../dist/core/search/analyze-text.js';
import { syncSearchIndex } from '../dist/app/sync-search-index.js';

const ROUNDS = Number(process.env.ROUNDS ?? 20);
const QUERIES = [
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
];

const folder = mkdtempSync(join(tmpdir(), 'atlas-bench-search-'));
const composed = await compose({
  port: 0,
  database: { kind: 'sqlite', file: join(folder, 'atlas.db') },
  contentDir: BUNDLED_CONTENT_DIR,
  dataDir: BUNDLED_DATA_DIR,
});
const { deps } = composed;
let started = performance.now();
await syncSearchIndex(deps);
console.log(
  `index build (22 articles + every catalogued code): ${(performance.now() - started).toFixed(0)} ms`,
);

// The baseline reads the same FTS5 table through a second handle on a copy: the adapter's
// database is private, so the baseline builds the same table from the same analysed terms.
const raw = new BetterSqlite3(':memory:');
raw.exec(
  `CREATE VIRTUAL TABLE fts USING fts5(name, title, causes, body, tokenize = 'unicode61 remove_diacritics 0')`,
);
const insert = raw.prepare('INSERT INTO fts (name, title, causes, body) VALUES (?, ?, ?, ?)');
const all = [
  ...(await deps.search.candidates(
    [...(await deps.search.stats()).vocabulary.keys()],
    { kind: 'article' },
    1e9,
  )),
];
raw.transaction(() => {
  for (const d of all)
    insert.run(...['name', 'title', 'causes', 'body'].map((f) => analyze(d.fields[f]).join(' ')));
})();
const rawQuery = raw.prepare(
  `SELECT rowid FROM fts WHERE fts MATCH ? ORDER BY bm25(fts, 10, 8, 4, 1) LIMIT 10`,
);
const rawSearch = (q) => {
  const terms = [...new Set(analyze(q))].map((t) => `"${t.replace(/"/g, '""')}"`);
  return terms.length === 0 ? [] : rawQuery.all(terms.join(' OR '));
};

async function measure(label, run) {
  const times = [];
  for (let r = 0; r < ROUNDS; r++) {
    for (const q of QUERIES) {
      const t = performance.now();
      await run(q);
      times.push(performance.now() - t);
    }
  }
  times.sort((a, b) => a - b);
  const at = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
  const total = times.reduce((a, b) => a + b, 0);
  const result = {
    label,
    qps: (times.length / total) * 1000,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
  };
  console.log(
    `${label.padEnd(34)} ${result.qps.toFixed(0).padStart(7)} q/s  p50 ${result.p50.toFixed(2)} ms  p95 ${result.p95.toFixed(2)} ms  p99 ${result.p99.toFixed(2)} ms`,
  );
  return result;
}

// Warm up: analysis caches and prepared statements.
for (const q of QUERIES) await search(deps, parseSearchParams(deps, { q }));
const full = await measure('search() (codes, typos, ranking)', (q) =>
  search(deps, parseSearchParams(deps, { q })),
);
const baseline = await measure('raw FTS5 query (articles only)', rawSearch);
console.log(`p95 ratio search()/raw FTS5: ${(full.p95 / baseline.p95).toFixed(1)}x (target 1.5x)`);
await composed.close();
raw.close();
rmSync(folder, { recursive: true, force: true });
