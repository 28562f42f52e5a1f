import type { InlineFix } from '../core/articles/schema.js';

const SHELL = { cmd: 'Command Prompt', powershell: 'PowerShell' } as const;

/** One fix as the terminal shows it: what to do, its commands, its attributes, how to check. */
export function formatFixStep(fix: InlineFix, position: number, of: number, code: string): string {
  const lines = [``, `Step ${position} of ${of} for ${code}: ${fix.title}`];
  const about: string[] = [];
  if (fix.admin !== undefined)
    about.push(fix.admin ? 'needs administrator rights' : 'no administrator rights needed');
  if (fix.restart !== undefined) about.push(fix.restart ? 'restart needed' : 'no restart needed');
  if (fix.risk) about.push(`risk: ${fix.risk}`);
  if (fix.reversible !== undefined)
    about.push(fix.reversible ? 'can be undone' : 'cannot be undone');
  if (fix.minutes !== undefined) about.push(`about ${fix.minutes} min`);
  if (about.length > 0) lines.push(`  (${about.join('; ')})`);
  fix.actions.forEach((action, index) => {
    if ('step' in action) lines.push(`  ${index + 1}. ${action.step}`);
    else {
      const where = action.condition
        ? `${action.condition}, in ${SHELL[action.shell]}`
        : `In ${SHELL[action.shell]}`;
      lines.push(`  ${index + 1}. ${where}:`, `       ${action.command}`);
    }
  });
  if (fix.why) lines.push(`  Why: ${fix.why}`);
  if (fix.verify) {
    lines.push(`  Check: ${fix.verify.text}`);
    if (fix.verify.command) lines.push(`       ${fix.verify.command.command}`);
  }
  if (fix.reversible && fix.undo) lines.push(`  To undo: ${fix.undo}`);
  return `${lines.join('\n')}\n`;
}
