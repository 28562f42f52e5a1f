// Benchmark: the log analyser against `LC_ALL=C grep -coE '0x[0-9a-fA-F]{8}'`, in one run.
// - generates a log of SIZE_MB (default 200) in the CBS layout and one in the
//   Get-WindowsUpdateLog layout, with codes in context, noise, message ids and hashes;
// - times the real analyser (dist/, every shipped rule, the diagnosis included) in a child
//   process on each file, once in one thread (readLogWithBuffers) and once with a worker thread reading pieces
//   of the file beside this one (adapters/logs/range-log-reading.ts, as the CLI reads a file on disk from
//   128 MiB), and grep on
//   the same file (and ripgrep's `rg -c` when installed),
//   and prints MiB/s, the ratios, and each one's CPU time (on a shared machine the wall rate
//   says as much about the neighbours as about the code: the load average is printed too);
// - then analyses a PEAK_MB (default 1024) CBS log both ways and prints the child's peak RSS (workers included).
// Target (issue 11): >= 0.5 of grep's rate; peak RSS <= 150 MB for 1 GiB.
//
//   npm run build && node bench/logs.mjs        SIZE_MB=50 PEAK_MB=256 node bench/logs.mjs
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Buffer } from 'node:buffer';
import { performance } from 'node:perf_hooks';
import { cbsLine, wuLine } from './log-lines.mjs';

const SIZE_MB = Number(process.env.SIZE_MB ?? 200);
const PEAK_MB = Number(process.env.PEAK_MB ?? 1024);
const ROOT = fileURLToPath(new URL('../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'atlas-bench-logs-'));

async function generate(name, lineOf, megabytes) {
  const path = join(dir, name);
  const out = createWriteStream(path);
  const target = megabytes * 1024 * 1024;
  let written = 0;
  let i = 0;
  while (written < target) {
    let block = '';
    for (let k = 0; k < 2000; k++) block += `${lineOf(i++)}\r\n`;
    written += Buffer.byteLength(block);
    if (!out.write(block)) await new Promise((r) => out.once('drain', r));
  }
  await new Promise((r) => out.end(r));
  return path;
}

/**
 * The analyser in a child process, so its peak RSS is its own (worker threads included): read
 * in one thread, or as the CLI reads a large file, on two worker threads.
 */
function analyse(path, mode) {
  const script = `
    const { analyzeLogs } = await import(${JSON.stringify(join(ROOT, 'dist/app/analyze-logs.js'))});
    const { rangeLogReader, RANGE_DEFAULTS } = await import(${JSON.stringify(join(ROOT, 'dist/adapters/logs/range-log-reading.js'))});
    const stats = { pieces: 0, byWorkers: 0, here: 0, mine: 0 };
    const { readLogSources, readLogRules } = await import(${JSON.stringify(join(ROOT, 'dist/adapters/logs/read-log-sources.js'))});
    const { loadWindowsCatalog } = await import(${JSON.stringify(join(ROOT, 'dist/adapters/catalog/load-windows-tables.js'))});
    const catalog = await loadWindowsCatalog();
    const { rules } = await readLogRules(${JSON.stringify(join(ROOT, 'content/log-rules'))});
    const cpu0 = process.cpuUsage();
    const started = performance.now();
    const { readLogWithBuffers } = await import(${JSON.stringify(join(ROOT, 'dist/adapters/logs/buffer-ascii-text.js'))});
    // The worker row reads with a worker whatever SIZE_MB and the load (the CLI starts one from
    // 128 MiB, and only while the load average leaves a core to spare).
    const readLog = ${JSON.stringify(mode)} === 'workers' ? rangeLogReader({ ...RANGE_DEFAULTS, minBytes: 0, maxLoad: Infinity, stats }) : readLogWithBuffers;
    const d = await analyzeLogs(readLogSources([${JSON.stringify(path)}], '/'), { catalog, rules, readLog });
    const ms = performance.now() - started;
    const cpu = process.cpuUsage(cpu0);
    process.stdout.write(JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, maxRssKb: process.resourceUsage().maxRSS, verdict: d.verdict, stats }));
  `;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.on('close', (code) =>
      code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`analyser exit ${code}`)),
    );
  });
}

/** A command on the file: its wall time and its count (undefined when it cannot run). */
function timed(command, args) {
  const started = performance.now();
  const r = spawnSync(command, args, { env: { ...process.env, LC_ALL: 'C' } });
  const ms = performance.now() - started;
  if (r.error || r.status > 1) return undefined;
  return { ms, count: Number(String(r.stdout).trim()) };
}
const grep = (path) => timed('grep', ['-coE', '0x[0-9a-fA-F]{8}', path]);
const hasRg = spawnSync('rg', ['--version']).status === 0;
const rg = (path) => (hasRg ? timed('rg', ['-c', '0x[0-9a-fA-F]{8}', path]) : undefined);
const load = () =>
  `load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`;

try {
  console.log(`start: ${load()}, node ${process.version}`);
  for (const [name, lineOf] of [
    ['CBS.log', cbsLine],
    ['WindowsUpdate.log', wuLine],
  ]) {
    const path = await generate(name, lineOf, SIZE_MB);
    const mib = statSync(path).size / 1048576;
    const g = grep(path);
    const r = rg(path);
    const rate = (ms) => mib / (ms / 1000);
    const row = (label, ms, extra = '') =>
      console.log(`  ${label.padEnd(22)}${rate(ms).toFixed(0).padStart(6)} MiB/s${extra}`);
    console.log(`${name} ${mib.toFixed(0)} MiB (${load()})`);
    row('grep -coE (LC_ALL=C)', g.ms, `  (${g.count} lines)`);
    if (r) row('rg -c', r.ms, `  (${r.count} lines)`);
    else console.log('  rg -c                 not installed');
    for (const mode of ['one thread', 'workers']) {
      const a = await analyse(path, mode);
      const pieces =
        mode === 'workers'
          ? `  pieces: ${a.stats.mine} read by this thread, ${a.stats.pieces} merged from workers, ${a.stats.here} re-read here`
          : '';
      row(
        `analyser, ${mode}`,
        a.ms,
        `  (CPU ${(a.cpuMs / 1000).toFixed(2)} s for ${(a.ms / 1000).toFixed(2)} s wall)  peak RSS ${(a.maxRssKb / 1024).toFixed(0)} MB${pieces}  (${load()})`,
      );
      console.log(`  ratio to grep         ${(g.ms / a.ms).toFixed(3)}  (target >= 0.5)`);
      if (r) console.log(`  ratio to rg           ${(r.ms / a.ms).toFixed(3)}`);
      console.log(`  verdict: ${a.verdict}`);
    }
    rmSync(path);
  }
  const big = await generate('CBS-big.log', cbsLine, PEAK_MB);
  for (const mode of ['one thread', 'workers']) {
    const b = await analyse(big, mode);
    console.log(
      `peak RSS for a ${PEAK_MB} MiB CBS log (${mode}): ${(b.maxRssKb / 1024).toFixed(0)} MB (target <= 150 MB), ${(PEAK_MB / (b.ms / 1000)).toFixed(0)} MiB/s (${load()})`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
