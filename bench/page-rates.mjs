// The honest page-rate measurement that bench/article-page.mjs and bench/codes.mjs share.
// Each route is loaded against a "memory route" of the same app (registered in the route's
// sub-app through createHttpApp's `within` hook, behind the same middleware) that answers the very bytes and
// headers the route answered; and, in the same run, a plain node:http server answering the
// article's bytes shows what the load generator can drive at all. When that plain server is
// not clearly faster than the memory route, the generator is the bottleneck and the run is
// "load-generator bound": its ratios are the generator's ceiling, not a result.
import { Buffer } from 'node:buffer';
import { createServer, get } from 'node:http';
import { availableParallelism, loadavg } from 'node:os';
import {
  ARTICLE,
  BENCH_LOG_LEVEL,
  describeGenerator,
  loadRate,
  mean,
  startBenchServer,
} from './lib.mjs';
import { plainResponse } from '../dist/http/middleware/plain-head.js';
import { offerToLane } from '../dist/http/kept-lane.js';

export const ROUTES = {
  'article-raw': { path: ARTICLE, headers: {}, label: 'article page' },
  'article-compressed': {
    path: ARTICLE,
    headers: { 'accept-encoding': 'gzip, br' },
    label: 'article page (gzip, br)',
  },
  // 0x80240023 (WU_E_EULAS_DECLINED) has no article: its page is the decode, names,
  // family and related codes, the page most people land on.
  'code-page': { path: '/codes/0x80240023', headers: {}, label: 'code page, no article' },
  'api-lookup': { path: '/api/v1/codes/0x80244001', headers: {}, label: 'API look-up' },
};

export const TARGETS = { routeOverMemory: 0.9, memoryOverPlain: 0.6, compressedShare: 0.3 };
/**
 * For the run to count, the plain server must beat the memory route by this much, and the
 * load generator must have had time to spare (busy less than GENERATOR_BUSY of its threads'
 * time while it loaded the memory route). Both say the generator could send more than the
 * memory route answered. (1.25 alone served while the memory route ran at 0.4 of plain; with
 * kept answers given in front of Hono it runs at ~0.8, and wrk was then busy ~40% of its
 * thread: the server, not wrk, set the rate.)
 */
const CLEARLY_FASTER = 1.1;
const GENERATOR_BUSY = 0.9;

export const KEPT_HEADERS = ['content-type', 'cache-control', 'etag', 'content-encoding', 'vary'];

/** Where the memory route of a route answers: in the same sub-app as the route. */
export const memoryPathOf = (name) =>
  ROUTES[name].path.startsWith('/api/') ? `/api/__bench/memory/${name}` : `/__bench/memory/${name}`;

/** The same memory route, not offered to the kept-answer lane: every request goes through Hono. */
const unkeptPathOf = (name) => memoryPathOf(name).replace('/memory/', '/unkept/');

/**
 * The memory routes of `names`, for startBenchServer's `within`: each answers what `memory`
 * holds for it (the route's bytes and headers), behind the same middleware as the route
 * (request id, log, security headers, limits; then CSRF, ETag and compression). The answer's
 * head is a plain record, as every kept answer of the app has (`plainResponse`, used by
 * sendCached): the memory route stands for the stack with no route work, and a fetch `Headers`
 * built per answer (what `c.body` with headers makes) is work no kept answer does.
 */
export function memoryRoutes(names, memory) {
  const holds = (api) => (app) => {
    for (const name of names) {
      if (memoryPathOf(name).startsWith('/api/') !== api) continue;
      const answer = () => {
        const held = memory.get(name);
        // A copy: the node adapter writes Content-Length into the record it is given.
        return plainResponse(held.bytes, 200, { ...held.headers });
      };
      // Kept as the routes keep theirs (`offerToLane`), always current: from the second
      // request on, the lane answers it, as it answers the routes' kept answers.
      app.get(memoryPathOf(name), (c) => {
        offerToLane(c, { current: () => true });
        return answer();
      });
      app.get(unkeptPathOf(name), answer);
    }
  };
  return { web: holds(false), api: holds(true) };
}

/** One answer's exact bytes on the wire (fetch would decompress them) and its headers. */
export function sample(url, headers) {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode,
          headers: response.headers,
          bytes: Buffer.concat(chunks),
        }),
      );
    }).on('error', reject);
  });
}

function startPlainServer(bytes, headers) {
  const server = createServer((_request, response) => {
    response.writeHead(200, { ...headers, 'content-length': bytes.length });
    response.end(bytes);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        origin: `http://127.0.0.1:${server.address().port}`,
        stop: () => new Promise((done) => server.close(done)),
      }),
    ),
  );
}

/**
 * Loads each named route and its memory route, alternating round by round so that drift on a
 * shared machine hits both alike, plus the plain node:http server once a round.
 */
export async function measurePages({
  names = Object.keys(ROUTES),
  seconds = 10,
  rounds = 2,
  connections = 50,
} = {}) {
  const loadBefore = loadavg()[0];
  const memory = new Map();
  const server = await startBenchServer({ within: memoryRoutes(names, memory) });
  const samples = {};
  for (const name of names) {
    const route = ROUTES[name];
    const answer = await sample(`${server.origin}${route.path}`, route.headers);
    if (answer.status !== 200) throw new Error(`${route.path} answered ${answer.status}, not 200`);
    const headers = Object.fromEntries(
      KEPT_HEADERS.filter((h) => answer.headers[h] !== undefined).map((h) => [
        h,
        answer.headers[h],
      ]),
    );
    memory.set(name, { bytes: new Uint8Array(answer.bytes), headers });
    samples[name] = { bytes: answer.bytes.length, encoding: answer.headers['content-encoding'] };
  }
  const plainBytes = memory.get(names[0]);
  const plain = await startPlainServer(plainBytes.bytes, plainBytes.headers);

  const options = (name) => ({ seconds, connections, headers: ROUTES[name].headers });
  const urls = (name) => ({
    route: `${server.origin}${ROUTES[name].path}`,
    memory: `${server.origin}${memoryPathOf(name)}`,
  });
  for (const name of names) {
    await loadRate(urls(name).route, { ...options(name), seconds: 2 });
    await loadRate(urls(name).memory, { ...options(name), seconds: 2 });
  }
  await loadRate(plain.origin, { seconds: 2, connections });

  const rates = Object.fromEntries(names.map((n) => [n, { route: [], memory: [] }]));
  const cpu = Object.fromEntries(names.map((n) => [n, { route: [], memory: [] }]));
  const plainRates = [];
  const plainCpu = [];
  const unkept = { rates: [], cpuUs: [] };
  const generatorBusy = [];
  for (let round = 0; round < rounds; round++) {
    const p = await loadRate(plain.origin, { seconds, connections });
    plainRates.push(p.perSecond);
    plainCpu.push(p.cpuUs);
    const u = await loadRate(`${server.origin}${unkeptPathOf(names[0])}`, options(names[0]));
    unkept.rates.push(u.perSecond);
    unkept.cpuUs.push(u.cpuUs);
    for (const name of names) {
      const m = await loadRate(urls(name).memory, options(name));
      const r = await loadRate(urls(name).route, options(name));
      if (name === names[0]) generatorBusy.push(m.generatorBusy);
      rates[name].memory.push(m.perSecond);
      rates[name].route.push(r.perSecond);
      cpu[name].memory.push(m.cpuUs);
      cpu[name].route.push(r.cpuUs);
    }
  }
  await plain.stop();
  await server.stop();

  const plainRate = mean(plainRates);
  const results = Object.fromEntries(
    names.map((name) => {
      const route = mean(rates[name].route);
      const mem = mean(rates[name].memory);
      const cpuUs = { route: mean(cpu[name].route), memory: mean(cpu[name].memory) };
      return [
        name,
        { ...samples[name], route, memory: mem, ratio: route / mem, rounds: rates[name], cpuUs },
      ];
    }),
  );
  const baselineMemory = results[names[0]].memory;
  return {
    generator: describeGenerator(),
    seconds,
    rounds,
    connections,
    plain: { rate: plainRate, rounds: plainRates, of: names[0], cpuUs: mean(plainCpu) },
    unkept: { rate: mean(unkept.rates), cpuUs: mean(unkept.cpuUs) },
    results,
    // Other work on the machine: with more runnable processes than cores, rates drift by
    // more than the differences measured.
    load: { before: loadBefore, after: loadavg()[0], cores: availableParallelism() },
    // How busy the generator was while it loaded the first memory route (share of its threads).
    generatorBusy: Math.max(...generatorBusy),
    // Not a result when the generator cannot drive a server that does less than ours.
    generatorBound:
      plainRate < CLEARLY_FASTER * baselineMemory || Math.max(...generatorBusy) >= GENERATOR_BUSY,
  };
}

const f0 = (n) => n.toFixed(0);
const pass = (ok) => (ok ? 'PASS' : 'FAIL');

/** Prints the rates and the targets with pass/fail; returns whether every target passed. */
export function printPageRates(run) {
  const lines = [];
  lines.push(
    `load generator: ${run.generator}; ${run.connections} connections, ${run.rounds} rounds of ${run.seconds} s; ` +
      `request log at ${BENCH_LOG_LEVEL}`,
  );
  lines.push(
    `plain node:http, same bytes as ${run.plain.of}: ${f0(run.plain.rate)} req/s (${run.plain.rounds.map(f0).join(', ')}); ` +
      `${(run.plain.rate / run.results[run.plain.of].memory).toFixed(2)}× its memory route ` +
      `(>= ${CLEARLY_FASTER} needed); the generator busy ${(run.generatorBusy * 100).toFixed(0)}% of its time ` +
      `on that memory route (< ${GENERATOR_BUSY * 100}% needed)`,
  );
  let allPass = true;
  for (const [name, r] of Object.entries(run.results)) {
    const ok = r.ratio >= TARGETS.routeOverMemory;
    allPass &&= ok;
    lines.push(
      `${ROUTES[name].label.padEnd(26)} ${String(r.bytes).padStart(6)} B${r.encoding ? ` ${r.encoding}` : ''}: ` +
        `${f0(r.route)} req/s, memory route ${f0(r.memory)} req/s, ratio ${r.ratio.toFixed(3)} ` +
        `(target >= ${TARGETS.routeOverMemory}) ${pass(ok)}`,
    );
  }
  const first = Object.values(run.results)[0];
  const memoryOverPlain = first.memory / run.plain.rate;
  const memOk = memoryOverPlain >= TARGETS.memoryOverPlain;
  allPass &&= memOk;
  lines.push(
    `memory route / plain node:http: ${memoryOverPlain.toFixed(3)} (target >= ${TARGETS.memoryOverPlain}) ${pass(memOk)}`,
  );
  lines.push(
    `memory route outside the lane (Hono and the middleware on every request): ` +
      `${f0(run.unkept.rate)} req/s, / plain node:http ${(run.unkept.rate / run.plain.rate).toFixed(3)}, ` +
      `${run.unkept.cpuUs.toFixed(1)} µs CPU per request (not a target: what an answer no route keeps costs)`,
  );
  // The same comparisons in CPU time per request (µs of this process, which runs the servers;
  // the generator runs in its own): steadier than rates when other work shares the machine.
  lines.push(
    `server CPU per request: plain node:http ${run.plain.cpuUs.toFixed(1)} µs; ` +
      Object.entries(run.results)
        .map(
          ([name, r]) =>
            `${name} ${r.cpuUs.route.toFixed(1)} µs (memory route ${r.cpuUs.memory.toFixed(1)}, ` +
            `ratio ${(r.cpuUs.memory / r.cpuUs.route).toFixed(3)})`,
        )
        .join('; ') +
      `; memory route / plain ${(run.plain.cpuUs / first.cpuUs.memory).toFixed(3)}`,
  );
  const raw = run.results['article-raw'];
  const compressed = run.results['article-compressed'];
  if (raw && compressed) {
    const share = compressed.bytes / raw.bytes;
    const ok = share <= TARGETS.compressedShare;
    allPass &&= ok;
    lines.push(
      `compressed transfer: ${compressed.bytes} of ${raw.bytes} bytes = ${(share * 100).toFixed(1)}% ` +
        `(${compressed.encoding ?? 'not compressed'}; target <= ${TARGETS.compressedShare * 100}%) ${pass(ok)}`,
    );
  }
  const spread = (xs) => (Math.max(...xs) - Math.min(...xs)) / Math.max(...xs);
  const noisy = Object.values(run.results).some(
    (r) => spread(r.rounds.route) > 0.2 || spread(r.rounds.memory) > 0.2,
  );
  const busy = Math.max(run.load.before, run.load.after) > run.load.cores;
  lines.push(
    `machine load (1 min) ${run.load.before.toFixed(1)} before, ${run.load.after.toFixed(1)} after, ${run.load.cores} cores`,
  );
  if (busy || noisy) {
    lines.push(
      `NOISY RUN: ${busy ? 'the machine was busier than its cores' : ''}${busy && noisy ? '; ' : ''}` +
        `${noisy ? 'rounds of one route differ by more than 20%' : ''}; read the ratios as rough.`,
    );
  }
  if (run.generatorBound) {
    lines.push(
      'LOAD-GENERATOR BOUND: plain node:http was not clearly faster than the memory route, or the ' +
        'generator was busy nearly all the time, so the ' +
        "ratios above are the load generator's ceiling (or other work on this machine), not a " +
        'result. Use wrk, more autocannon workers, or a quieter machine.',
    );
  }
  console.log(lines.join('\n'));
  return allPass && !run.generatorBound && !busy && !noisy;
}
