// Benchmark: code intelligence, in one run.
// - look-ups per second and p99 (per-call timing, >= 100,000 samples) for a realistic mix of
//   bare codes, decimals, names and log lines, single-threaded in process;
// - did-you-mean the same way, on mistyped codes;
// - beside them, the article page over HTTP, measured as bench/article-page.mjs measures it
//   (page-rates.mjs: wrk or autocannon workers, with a memory route and a plain node:http
//   server in the same run; a load-generator-bound run is said to be one);
// - start-up: median of >= 10 starts on a filled database, each timed to the first 200
//   answer, with all tables and with the tables switched off (benchmark-only wiring).
// Cost = 1/throughput. Targets: look-up <= 1/50 of a page, did-you-mean <= 1/5 of a page,
// start-up with tables <= 2x without.
//
//   npm run bench:codes        SAMPLES=200000 STARTS=10 DURATION=10 node bench/codes.mjs
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadWindowsCatalog } from '../dist/adapters/catalog/load-windows-tables.js';
import { readNotation } from '../dist/core/codes/read-notation.js';
import { suggestNearCodes } from '../dist/core/codes/did-you-mean.js';
import { measurePages, printPageRates } from './page-rates.mjs';

const SAMPLES = Number(process.env.SAMPLES ?? 200_000);
const STARTS = Number(process.env.STARTS ?? 10);
const DURATION = Number(process.env.DURATION ?? 10);
const DATA = fileURLToPath(new URL('../data/windows/', import.meta.url));

// A seeded generator, so every run uses the same mix.
let seed = 42;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = (xs) => xs[Math.floor(random() * xs.length)];

function rows(file) {
  const [header, ...lines] = readFileSync(join(DATA, file), 'utf8').trim().split('\n');
  const columns = header.split('\t');
  return lines.map((line) => Object.fromEntries(line.split('\t').map((v, i) => [columns[i], v])));
}

const wu = rows('wu-errors.tsv');
const hresults = rows('hresults.tsv');
const win32 = rows('win32-errors.tsv');
const ntstatus = rows('ntstatus.tsv');
const signed = (hex) => Number.parseInt(hex, 16) | 0;
const unsigned = (hex) => Number.parseInt(hex, 16) >>> 0;

/** The mix people type and paste: codes in every notation, names, and log lines. */
function makeLookupInputs(n) {
  const makers = [
    () => pick(wu).hex,
    () => pick(hresults).hex.slice(2),
    () => pick(wu).hex.toLowerCase(),
    () => String(signed(pick(wu).hex)),
    () => String(unsigned(pick(hresults).hex)),
    () => pick(win32).code,
    () => pick(wu).symbolic_name,
    () => pick(hresults).name.toLowerCase(),
    () => pick(win32).name,
    () => `error ${pick(wu).hex} on Windows 11`,
    () =>
      `2026-11-26 10:00:01 Agent  * WARNING: Exit code = ${pick(wu).hex}; hr=${pick(hresults).hex}`,
    () => `Error CSI 00000001 (F) STATUS_SOMETHING gle=0x${Number(pick(win32).code).toString(16)}`,
    () =>
      `Failed to do the thing [HRESULT = ${pick(hresults).hex.toLowerCase()} - ${pick(hresults).name}]`,
    () => `NTSTATUS ${signed(pick(ntstatus).hex)}`,
    () => `Exception from HRESULT: ${pick(wu).hex}`,
  ];
  // Flat strings, as a request or a command line delivers them (a template literal makes a
  // rope that the first trim() would flatten inside the timing).
  return Array.from({ length: n }, () => JSON.parse(JSON.stringify(pick(makers)())));
}

/** Codes with one slip: a letter O for a zero, a dropped, doubled or swapped digit. */
function makeTypos(n) {
  const slips = [
    (d) => d.replace('0', 'O'),
    (d) => d.slice(0, 3) + d.slice(4),
    (d) => d.slice(0, 5) + d[5] + d.slice(5),
    (d) => d.slice(0, 4) + d[5] + d[4] + d.slice(6),
    (d) => d.slice(1),
  ];
  return Array.from({ length: n }, () => pick(slips)(pick(wu).hex.slice(2)));
}

/**
 * Calls per second from a plain loop, and p99 in microseconds from a second loop that times
 * every call (its clock reads would otherwise count against the rate). `cpuUs`: the CPU time
 * of a call in the plain loop, which other work on a shared machine hardly changes (the rate,
 * by the wall clock, drops with every process that takes a core away).
 */
function measure(inputs, call, samples) {
  // Warm the JIT over the whole mix twice: the first pass runs at half speed.
  for (let i = 0; i < 2 * inputs.length; i++) call(inputs[i % inputs.length]);
  const cpuBefore = process.cpuUsage();
  const started = process.hrtime.bigint();
  for (let i = 0; i < samples; i++) call(inputs[i % inputs.length]);
  const total = Number(process.hrtime.bigint() - started);
  const cpu = process.cpuUsage(cpuBefore);
  const times = new Float64Array(samples);
  for (let i = 0; i < samples; i++) {
    const t0 = process.hrtime.bigint();
    call(inputs[i % inputs.length]);
    times[i] = Number(process.hrtime.bigint() - t0);
  }
  times.sort();
  return {
    perSecond: samples / (total / 1e9),
    p99us: times[Math.floor(samples * 0.99)] / 1e3,
    cpuUs: (cpu.user + cpu.system) / samples,
  };
}

async function timeStart(env) {
  const started = process.hrtime.bigint();
  const child = spawn(
    process.execPath,
    [fileURLToPath(new URL('startup-entry.mjs', import.meta.url))],
    {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const port = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /listening (\d+)/.exec(out);
      if (match) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`start-up entry exited with ${code}`)));
  });
  for (;;) {
    const response = await fetch(`http://127.0.0.1:${port}/api/v1/codes/0x80244001`).catch(
      () => undefined,
    );
    if (response?.status === 200) break;
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  return ms;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const catalog = await loadWindowsCatalog();
const lookupInputs = makeLookupInputs(20_000);
for (const input of lookupInputs.slice(0, 200)) {
  if (!readNotation(input, catalog).ok)
    throw new Error(`the mix has an input that does not read: ${input}`);
}
const lookups = measure(lookupInputs, (input) => readNotation(input, catalog), SAMPLES);
const typos = makeTypos(20_000);
const dym = measure(
  typos,
  (input) => suggestNearCodes(input, catalog),
  Math.max(100_000, SAMPLES / 2),
);

const pageRun = await measurePages({ names: ['article-raw'], seconds: DURATION, rounds: 1 });
const page = pageRun.results['article-raw'].route;

const folder = mkdtempSync(join(tmpdir(), 'atlas-startup-'));
const env = { DATABASE_URL: `sqlite:${join(folder, 'atlas.db')}` };
await timeStart(env); // fills the database; the measured starts find it filled
const withTables = [];
const withoutTables = [];
for (let i = 0; i < STARTS; i++) {
  withTables.push(await timeStart(env));
  withoutTables.push(await timeStart({ ...env, BENCH_NO_TABLES: '1' }));
}
rmSync(folder, { recursive: true, force: true });

const f = (n, digits = 0) => n.toFixed(digits);
console.log(
  `look-ups:        ${f(lookups.perSecond)} /s, p99 ${f(lookups.p99us, 2)} µs, ${f(lookups.cpuUs, 2)} µs CPU each (${SAMPLES} samples, mixed notations)`,
);
console.log(`did-you-mean:    ${f(dym.perSecond)} /s, p99 ${f(dym.p99us, 2)} µs`);
printPageRates(pageRun);
// The page rate is only a yardstick when the load generator was not the limit.
const bound = pageRun.generatorBound ? ' [LOAD-GENERATOR BOUND: not a result]' : '';
const verdict = (ratio, target) => (bound ? bound : ratio <= target ? ' PASS' : ' FAIL');
const lookupRatio = page / lookups.perSecond;
const dymRatio = page / dym.perSecond;
console.log(
  `look-up cost / page cost:      ${f(lookupRatio, 4)} (target <= ${f(1 / 50, 4)})${verdict(lookupRatio, 1 / 50)}`,
);
// The same comparison in CPU time (a look-up's in this process against a page's server CPU per
// request): for information, steadier than the rates when other work shares the machine.
const pageCpuUs = pageRun.results['article-raw'].cpuUs.route;
console.log(
  `  in CPU time: ${f(lookups.cpuUs, 2)} µs / ${f(pageCpuUs, 1)} µs = ${f(lookups.cpuUs / pageCpuUs, 4)} (for information)`,
);
console.log(
  `did-you-mean cost / page cost: ${f(dymRatio, 4)} (target <= ${f(1 / 5, 4)})${verdict(dymRatio, 1 / 5)}`,
);
console.log(
  `start-up to first 200, median of ${STARTS}: ${f(median(withTables))} ms with tables, ${f(median(withoutTables))} ms without`,
);
console.log(
  `start-up ratio with/without:   ${f(median(withTables) / median(withoutTables), 3)} (target <= 2)`,
);
