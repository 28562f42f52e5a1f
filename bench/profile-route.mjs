// Where a route's server time goes: the bench server (as page-rates.mjs starts it, with the
// memory routes) under wrk for one path, profiled with node:inspector; prints the functions
// with the most self time, grouped by file.  node bench/profile-route.mjs PATH [seconds]
//   PATH: a real path, or memory:<route name> for that route's memory route.
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
import { KEPT_HEADERS, memoryPathOf, memoryRoutes, ROUTES, sample } from './page-rates.mjs';
import { loadRate, startBenchServer } from './lib.mjs';

const [target = 'memory:article-raw', secondsText = '8'] = process.argv.slice(2);
const held = new Map();
const server = await startBenchServer({ within: memoryRoutes(Object.keys(ROUTES), held) });
for (const [name, route] of Object.entries(ROUTES)) {
  const answer = await sample(`${server.origin}${route.path}`, route.headers);
  const headers = Object.fromEntries(
    KEPT_HEADERS.filter((h) => answer.headers[h] !== undefined).map((h) => [h, answer.headers[h]]),
  );
  held.set(name, { bytes: new Uint8Array(answer.bytes), headers });
}
const name = target.startsWith('memory:') ? target.slice(7) : undefined;
const path = name ? memoryPathOf(name) : target;
const headers = name
  ? ROUTES[name].headers
  : (Object.values(ROUTES).find((r) => r.path === path)?.headers ?? {});
await loadRate(`${server.origin}${path}`, { seconds: 2, headers });
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 100 });
await session.post('Profiler.start');
const rate = await loadRate(`${server.origin}${path}`, { seconds: Number(secondsText), headers });
const { profile } = await session.post('Profiler.stop');
writeFileSync('/tmp/hs/last.cpuprofile', JSON.stringify(profile));
await server.stop();
const self = new Map();
const total = profile.samples.length;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const counts = new Map();
for (const s of profile.samples) counts.set(s, (counts.get(s) ?? 0) + 1);
const byFile = new Map();
for (const [id, n] of counts) {
  const f = byId.get(id).callFrame;
  const key = `${f.functionName || '(anon)'} ${f.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/dist\//, 'dist/')}:${f.lineNumber + 1}`;
  self.set(key, (self.get(key) ?? 0) + n);
  const file =
    f.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/dist\//, 'dist/') ||
    f.functionName;
  byFile.set(file, (byFile.get(file) ?? 0) + n);
}
console.log(
  `${path}: ${rate.perSecond.toFixed(0)} req/s, ${rate.cpuUs.toFixed(1)} µs CPU per request, ${total} samples`,
);
const top = (m, k) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, k)
    .map(([key, n]) => `${((100 * n) / total).toFixed(1).padStart(5)}%  ${key}`)
    .join('\n');
console.log('--- by file\n' + top(byFile, 30));
console.log('--- by function\n' + top(self, 45));
