import type { Catalog } from '../codes/catalog.js';
import type { LogRule } from './log-rule-schema.js';
import type { CodeGroup, FileAnalysis, Finding, RefusedFile, Run } from './log-types.js';
import { matchRules, type RuleMatch } from './match-rules.js';

export type TimelineEntry = { time?: string | undefined; file: string; line: number; what: string };

export type Diagnosis = {
  /** One sentence: what failed first and why, or that nothing failed, or that no rule matched. */
  verdict: string;
  failureFound: boolean;
  matches: RuleMatch[];
  groups: CodeGroup[];
  /** Findings, most telling first (not noise, a run's first failure, a setup result, errors). */
  telling: Finding[];
  runs: Run[];
  timeline: TimelineEntry[];
  files: Omit<FileAnalysis, 'signals' | 'groups' | 'findings' | 'runs'>[];
  refused: RefusedFile[];
};

const MAX_TIMELINE = 200;
const MAX_TELLING = 20;

/** Sorting key: earlier is more telling. */
function tellingScore(f: Finding, firstFailures: Set<Finding>): number {
  let score = 0;
  if (f.noise) score += 100;
  if (!firstFailures.has(f)) score += 10;
  if (f.extend === undefined && f.context !== 'SetupResult') score += 5;
  if (f.level !== 'Error' && f.level !== 'Fatal Error' && f.context !== '*FAILED* [..]') score += 1;
  return score;
}

/** Puts the files of one upload together: rules, groups by code, runs, timeline, verdict. */
export function diagnose(
  files: readonly FileAnalysis[],
  refused: readonly RefusedFile[],
  rules: readonly LogRule[],
  catalog: Catalog,
): Diagnosis {
  const matches = matchRules(rules, files, catalog);
  const groups = mergeGroups(files);
  const runs = files.flatMap((f) => f.runs);
  const firstFailures = new Set(runs.flatMap((r) => (r.firstFailure ? [r.firstFailure] : [])));
  const findings = files.flatMap((f) => f.findings);
  const telling = findings
    .map((f, i) => ({ f, i, s: tellingScore(f, firstFailures) }))
    .sort((a, b) => a.s - b.s || a.i - b.i)
    .map((x) => x.f)
    .filter((f, i, all) => all.findIndex((g) => g.value === f.value) === i)
    .slice(0, MAX_TELLING);
  const failures = findings.filter((f) => !f.noise);
  const failureFound =
    matches.length > 0 || failures.length > 0 || runs.some((r) => r.result === 'failed');
  const top = matches[0];
  const firstFailure = telling.find((f) => !f.noise);
  const verdict = top
    ? `${top.title}: ${top.cause}`
    : failureFound && firstFailure
      ? `No known failure pattern matched. The most telling failure is ${firstFailure.code}${firstFailure.name ? ` ${firstFailure.name}` : ''} (${firstFailure.file} line ${firstFailure.line}); the findings below are listed most telling first.`
      : findings.length > 0
        ? 'No failure found: every code in the log is known-harmless noise.'
        : 'No failure found: the log holds no error code in a context that names one.';
  return {
    verdict,
    failureFound,
    matches,
    groups,
    telling,
    runs,
    timeline: timeline(files, runs),
    files: files.map(({ signals: _s, groups: _g, findings: _f, runs: _r, ...rest }) => rest),
    refused: [...refused],
  };
}

function mergeGroups(files: readonly FileAnalysis[]): CodeGroup[] {
  const byCode = new Map<string, CodeGroup>();
  for (const g of files.flatMap((f) => f.groups)) {
    const seen = byCode.get(g.code);
    if (!seen) {
      byCode.set(g.code, { ...g });
      continue;
    }
    seen.count += g.count;
    seen.noiseCount += g.noiseCount;
    if (
      g.firstTime !== undefined &&
      (seen.firstTime === undefined || g.firstTime < seen.firstTime)
    ) {
      seen.firstTime = g.firstTime;
      seen.first = g.first;
    }
    if (g.lastTime !== undefined && (seen.lastTime === undefined || g.lastTime > seen.lastTime)) {
      seen.lastTime = g.lastTime;
      seen.last = g.last;
    }
  }
  // Failures before noise, then the most frequent.
  return [...byCode.values()].sort(
    (a, b) =>
      Number(a.count === a.noiseCount) - Number(b.count === b.noiseCount) || b.count - a.count,
  );
}

function timeline(files: readonly FileAnalysis[], runs: readonly Run[]): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  for (const run of runs) {
    entries.push({
      time: run.startTime,
      file: run.file,
      line: run.startLine,
      what: `${run.kind} started: ${run.label}`,
    });
    if (run.firstFailure)
      entries.push({
        time: run.firstFailure.time,
        file: run.file,
        line: run.firstFailure.line,
        what: `first failure of the ${run.kind}: ${run.firstFailure.code}${run.firstFailure.name ? ` ${run.firstFailure.name}` : ''}`,
      });
    entries.push({
      time: run.endTime ?? run.firstFailure?.time ?? run.startTime,
      file: run.file,
      line: run.endLine ?? run.startLine,
      what: `${run.kind} ${run.result}${run.resultCode ? ` (${run.resultCode})` : ''}`,
    });
  }
  for (const file of files) {
    if (file.setupResult) {
      const s = file.setupResult;
      entries.push({
        time: s.time,
        file: file.file,
        line: s.line,
        what: `setup result 0x${s.value.toString(16).toUpperCase()}${s.extend !== undefined ? ` - 0x${s.extend.toString(16).toUpperCase()}` : ''}`,
      });
    }
    if (file.runs.length === 0)
      for (const g of file.groups.filter((g) => g.count > g.noiseCount))
        entries.push({
          time: g.firstTime,
          file: file.file,
          line: g.first.line,
          what: `first ${g.code}${g.name ? ` ${g.name}` : ''} (${g.count}×)`,
        });
  }
  const dedup = entries.filter(
    (e, i) =>
      entries.findIndex((x) => x.file === e.file && x.line === e.line && x.what === e.what) === i,
  );
  return dedup
    .sort((a, b) => (a.time ?? '').localeCompare(b.time ?? '') || a.line - b.line)
    .slice(0, MAX_TIMELINE);
}
