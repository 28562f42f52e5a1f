import type { StepRecord, WalkState } from './walk.js';

/** Names a summary needs that the state only holds as ids. */
export interface SummaryNames {
  platformName: (id: string) => string;
  fixTitle: (leg: number, fixId: string) => string;
}

const ANSWER_TEXT: Record<StepRecord['answer'], string> = {
  fixed: 'fixed it',
  'still-failing': 'still failing',
  'could-not': 'could not do this step',
};

const REASON_TEXT: Record<NonNullable<StepRecord['reason']>, string> = {
  'no-admin': 'no administrator rights',
  'command-failed': 'a command failed',
  other: 'another reason',
};

/**
 * What to hand a professional: the code (and codes that came up on the way), the platform and
 * every step tried with its result. Plain text, so it prints and downloads as it is.
 */
export function professionalSummary(state: WalkState, names: SummaryNames): string {
  const first = state.path[0];
  const lines = [
    `Troubleshooting summary for error ${first?.code ?? '?'} (${first?.product ?? '?'})`,
    `Platform: ${state.platform === undefined ? 'not chosen' : names.platformName(state.platform)}`,
    `Result: ${state.status === 'fixed' ? 'fixed' : state.status === 'exhausted' ? 'not fixed: every step was tried' : 'unfinished'}`,
  ];
  if (state.path.length > 1)
    lines.push(`Codes seen on the way: ${state.path.map((leg) => leg.code).join(' -> ')}`);
  lines.push('', 'Steps tried:');
  if (state.steps.length === 0) lines.push('  (none)');
  state.steps.forEach((step, index) => {
    const leg = state.path[step.leg];
    let line = `  ${index + 1}. [${leg?.code ?? '?'}] ${names.fixTitle(step.leg, step.fixId)}: ${ANSWER_TEXT[step.answer]}`;
    if (step.reason) line += ` (${REASON_TEXT[step.reason]})`;
    lines.push(line);
    if (step.message) lines.push(`     It printed: ${step.message.replace(/\s+/g, ' ').trim()}`);
    if (step.decodedCode) lines.push(`     Code in that message: ${step.decodedCode}`);
  });
  return `${lines.join('\n')}\n`;
}
