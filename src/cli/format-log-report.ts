import { articlePath } from '../app/urls.js';
import type { Diagnosis } from '../core/logs/diagnose.js';
import { FORMAT_NAMES } from '../core/logs/log-format.js';

/** `erratlas logs`: the diagnosis first, then runs, codes, timeline and the findings behind them. */
export function formatLogReport(d: Diagnosis): string {
  const out: string[] = [];
  out.push(`Diagnosis: ${d.verdict}`, '');
  for (const m of d.matches) {
    out.push(`● ${m.title}  [rule ${m.rule}]`, `  cause: ${m.cause}`, `  fix:   ${m.fix}`);
    if (m.setup)
      out.push(
        `  setup: ${m.setup.result}${m.setup.extend ? ` - ${m.setup.extend}` : ''}${m.setup.phase ? `, phase ${m.setup.phase}` : ''}${m.setup.operation ? `, operation ${m.setup.operation}` : ''}`,
      );
    if (m.article)
      out.push(`  read:  ${articlePath('windows-update', m.article)}${m.step ? `#${m.step}` : ''}`);
    for (const e of m.evidence.slice(0, 3)) out.push(`  seen:  ${e.file}:${e.line}  ${e.text}`);
    out.push(`  source: ${m.source}`, '');
  }
  if (d.matches.length === 0 && d.failureFound)
    out.push('No rule matched: the findings below are the most telling first.', '');

  out.push('Files:');
  for (const f of d.files) {
    out.push(`  ${f.file}  ${FORMAT_NAMES[f.format]}, ${f.encoding}, ${f.lines} lines`);
    for (const n of f.notices) out.push(`    note: ${n}`);
  }
  for (const r of d.refused) out.push(`  ${r.file}  not read: ${r.reason}`);

  if (d.runs.length > 0) {
    out.push('', 'Runs:');
    for (const r of d.runs.slice(0, 30)) {
      const first = r.firstFailure
        ? `, first failure ${r.firstFailure.code} at line ${r.firstFailure.line}`
        : '';
      out.push(
        `  ${r.startTime ?? '?'}  ${r.kind}: ${r.label} → ${r.result}${r.resultCode ? ` (${r.resultCode})` : ''}${first}`,
      );
    }
  }
  if (d.groups.length > 0) {
    out.push('', 'Codes:');
    for (const g of d.groups.slice(0, 30)) {
      const noise =
        g.noiseCount === g.count
          ? '  (known-harmless)'
          : g.noiseCount > 0
            ? `  (${g.noiseCount} known-harmless)`
            : '';
      out.push(
        `  ${g.code} ${g.name ?? ''}  ×${g.count}  ${g.firstTime ?? '?'} … ${g.lastTime ?? '?'}${noise}`,
      );
    }
  }
  if (d.telling.length > 0) {
    out.push('', 'Findings, most telling first:');
    for (const f of d.telling.slice(0, 10)) {
      out.push(
        `  ${f.file}:${f.line}  ${f.time ?? ''}  ${f.component ?? ''}  ${f.code} ${f.name ?? ''}  via ${f.context}${f.noise ? `  (harmless: ${f.noise})` : ''}`,
        `    ${f.text}`,
      );
    }
  }
  if (d.timeline.length > 0) {
    out.push('', 'Timeline:');
    for (const t of d.timeline.slice(0, 40))
      out.push(`  ${t.time ?? '?'}  ${t.what}  (${t.file}:${t.line})`);
  }
  return `${out.join('\n')}\n`;
}
