// Benchmark: how fast the CLI answers, start to exit, as a script calling it once per code
// sees it. In one run and in turns (one start of each command, then the next round), so that
// load from other work on the machine falls on every command alike: `node -e 0` (the
// baseline: Node's own start), `--version`, `decode`, `lookup`, `lookup --json`, `search`.
// Prints each command's median and its ratio to the baseline's median, with the load average.
// Timed with spawnSync in plain node; HYPERFINE=1 runs hyperfine instead when it is installed.
//
// COMPARE=<another checkout's dist/bin.js> adds the same commands of that build to the turns
// (a before/after in one run).
//
//   npm run bench:cli          RUNS=15 node bench/cli-start.mjs          (dist/ must be built)
//   COMPARE=/tmp/main/dist/bin.js node bench/cli-start.mjs
import { spawnSync } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';

const RUNS = Number(process.env.RUNS ?? 15);
const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = 'dist/bin.js';
// A database that does not exist: lookup and search answer from the bundled content.
const env = { ...process.env, DATABASE_URL: 'sqlite:./var/bench-cli-none.db' };

const cliCommands = (bin, label) => [
  [`${label}--version`, [bin, '--version']],
  [`${label}decode 0x80244001`, [bin, 'decode', '0x80244001']],
  [`${label}lookup 0x80244001`, [bin, 'lookup', '0x80244001']],
  [`${label}lookup 0x80244001 --json`, [bin, 'lookup', '0x80244001', '--json']],
  [`${label}search proxy`, [bin, 'search', 'proxy']],
];
const COMMANDS = [
  ['node -e 0', ['-e', '0']],
  ...cliCommands(BIN, ''),
  ...(process.env.COMPARE ? cliCommands(process.env.COMPARE, 'COMPARE ') : []),
];

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

function runOnce(args) {
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, args, { cwd: ROOT, env, stdio: 'ignore' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  // decode and lookup exit 0 for a known code; a failure would time an error path instead.
  if (run.status !== 0) throw new Error(`${args.join(' ')} exited ${run.status}`);
  return ms;
}

const median = (xs) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

function withHyperfine() {
  const found = spawnSync('hyperfine', ['--version'], { stdio: 'ignore' });
  if (found.status !== 0) return false;
  const commands = COMMANDS.map(([, args]) =>
    [process.execPath, ...args].map((a) => `'${a}'`).join(' '),
  );
  spawnSync('hyperfine', ['-N', '--warmup', '2', '--runs', String(RUNS), ...commands], {
    cwd: ROOT,
    env,
    stdio: 'inherit',
  });
  return true;
}

console.log(`cli-start: ${RUNS} runs each, in turns; ${availableParallelism()} cores`);
console.log(`load average before: ${load()}`);
if (process.env.HYPERFINE === '1' && withHyperfine()) process.exit(0);

// One warm-up round (file cache), not counted.
for (const [, args] of COMMANDS) runOnce(args);
const times = COMMANDS.map(() => []);
for (let round = 0; round < RUNS; round++) {
  COMMANDS.forEach(([, args], i) => times[i].push(runOnce(args)));
}
const base = median(times[0]);
const width = Math.max(...COMMANDS.map(([name]) => name.length));
for (const [i, [name]] of COMMANDS.entries()) {
  const m = median(times[i]);
  console.log(
    `${name.padEnd(width)}  median ${m.toFixed(0).padStart(5)} ms  ` +
      `min ${Math.min(...times[i])
        .toFixed(0)
        .padStart(5)} ms  ${(m / base).toFixed(2)}x node -e 0`,
  );
}
console.log(`load average after: ${load()}`);
