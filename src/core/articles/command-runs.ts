import type { Action, Shell } from './schema.js';
import { isCommandAction } from './schema.js';

/** One piece of a fix as a person walks it: a step to do, or commands to run one after another. */
export type ActionGroup =
  | { kind: 'step'; step: string }
  | {
      kind: 'commands';
      shell: Shell;
      /** The condition every command of the run shares ("On Windows 10 and 11"), if any. */
      condition?: string;
      /** In the data's order, one command each: the block shows one per line. */
      commands: string[];
    };

const sameRun = (
  group: ActionGroup | undefined,
  shell: Shell,
  condition: string | undefined,
): group is Extract<ActionGroup, { kind: 'commands' }> =>
  group?.kind === 'commands' && group.shell === shell && group.condition === condition;

/**
 * Consecutive commands of a fix grouped into runs (the reset's stops, renames and starts), so a
 * page shows each run as one block with one copy button. A run breaks at a step, at another
 * shell (a Command Prompt line cannot be pasted into PowerShell as is) and at another condition
 * (the condition labels the block, so it must hold for every line in it).
 */
export function groupCommandRuns(actions: readonly Action[]): ActionGroup[] {
  const groups: ActionGroup[] = [];
  for (const action of actions) {
    if (!isCommandAction(action)) {
      groups.push({ kind: 'step', step: action.step });
      continue;
    }
    const last = groups.at(-1);
    if (sameRun(last, action.shell, action.condition)) {
      last.commands.push(action.command);
      continue;
    }
    groups.push({
      kind: 'commands',
      shell: action.shell,
      ...(action.condition === undefined ? {} : { condition: action.condition }),
      commands: [action.command],
    });
  }
  return groups;
}
