// Benchmark: the article page (plain and compressed), a code page without an article and the
// API look-up, each against a memory route of the same app that returns the same bytes, with
// a plain node:http server beside them to show the run is not bound by the load generator
// (see page-rates.mjs). Targets, printed with pass/fail: each route >= 0.9 of its memory
// route; the memory route >= 0.6 of plain node:http; compressed transfer <= 30% of the raw.
//
//   npm run bench:article-page            (after `npm install`, which builds dist/)
//   DURATION=10 CONNECTIONS=50 ROUNDS=2 ROUTES=article-raw,api-lookup node bench/article-page.mjs
//   LOAD_GENERATOR=autocannon node bench/article-page.mjs   (autocannon even where wrk is)
import { measurePages, printPageRates, ROUTES } from './page-rates.mjs';

const run = await measurePages({
  names: process.env.ROUTES ? process.env.ROUTES.split(',') : Object.keys(ROUTES),
  seconds: Number(process.env.DURATION ?? 10),
  connections: Number(process.env.CONNECTIONS ?? 50),
  rounds: Number(process.env.ROUNDS ?? 2),
});
printPageRates(run);
