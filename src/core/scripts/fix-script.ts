import type { InlineFix } from '../articles/schema.js';
import { fail, ok, type Result } from '../result.js';
import { renderCmdScript } from './cmd-script.js';
import { renderPs1Script } from './ps1-script.js';
import { planFixScript, type PlanInput } from './script-plan.js';
import { scriptBaseName, unscriptableCharacter } from './script-text.js';

export const SCRIPT_FORMATS = ['cmd', 'ps1'] as const;
export type ScriptFormat = (typeof SCRIPT_FORMATS)[number];

export interface FixScript {
  fileName: string;
  /** The media type a download is sent with. */
  contentType: string;
  text: string;
}

const CONTENT_TYPE: Record<ScriptFormat, string> = {
  cmd: 'application/x-bat',
  ps1: 'text/plain',
};

/** Every command of the fixes (actions and verify commands), for the check below and for tests. */
export function commandsOf(fix: InlineFix): string[] {
  const commands = fix.actions.flatMap((a) => ('command' in a ? [a.command] : []));
  if (fix.verify?.command) commands.push(fix.verify.command.command);
  return commands;
}

/**
 * The script for the chosen fixes, in the order given. Refused (with the fix and the character)
 * when a command holds a character a script cannot carry as written: see script-text.ts.
 */
export function buildFixScript(input: PlanInput, format: ScriptFormat): Result<FixScript> {
  for (const fix of input.fixes) {
    for (const command of commandsOf(fix)) {
      const bad = unscriptableCharacter(command);
      if (bad)
        return fail(
          `fix "${fix.id}" has a command with ${bad}, which a script cannot carry as written (printable ASCII on one line only): ${JSON.stringify(command)}`,
        );
    }
  }
  const fileName = `${scriptBaseName(input.code)}.${format}`;
  const plan = planFixScript(input);
  const text = format === 'cmd' ? renderCmdScript(plan, fileName) : renderPs1Script(plan, fileName);
  return ok({ fileName, contentType: CONTENT_TYPE[format], text });
}
