import type { Diagnosis } from '../app/diagnose-report.js';

/**
 * A diagnosis for a terminal: what was read, then each finding in plain words with the fix it
 * calls for, where to read it, and how to start the walk-through at it.
 */
export function formatDiagnosis(diagnosis: Diagnosis, baseUrl: string): string[] {
  const lines: string[] = [];
  const { name, build } = diagnosis.windows;
  lines.push(`Windows: ${name ?? 'unknown'}${build ? ` (build ${build})` : ''}`);
  if (diagnosis.findings.length === 0) {
    lines.push('', 'Nothing in the report points at a cause: the services, proxy, connections and');
    lines.push('settings it checked look right. Follow the article of the code you see.');
  }
  diagnosis.findings.forEach((finding, index) => {
    lines.push(
      '',
      `${index + 1}. ${finding.severity === 'problem' ? 'Problem' : 'Note'}: ${finding.title}`,
    );
    lines.push(`   ${finding.detail}`);
    const fix = finding.fix;
    if (!fix) return;
    if (fix.fixTitle) lines.push(`   Fix: ${fix.fixTitle}`);
    lines.push(`   Read: ${baseUrl}${fix.readUrl}`);
    lines.push(
      `   Walk through it: erratlas fix ${fix.code}${fix.fixId && finding.kind !== 'update-error' ? ` --from ${fix.fixId}` : ''}  (or ${baseUrl}${fix.walkUrl})`,
    );
  });
  if (diagnosis.problems.length > 0) {
    lines.push('', 'The script could not read everything on that PC:');
    for (const problem of diagnosis.problems) lines.push(`  - ${problem}`);
  }
  return lines;
}
