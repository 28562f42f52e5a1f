import type { VNode } from 'preact';
import type { Shell } from '../../core/articles/schema.js';

const SHELL_LABEL: Record<Shell, string> = { cmd: 'Command Prompt', powershell: 'PowerShell' };

/** What the copy button says to a screen reader: the command itself, or how many and which. */
const copyLabel = (commands: readonly string[]): string =>
  commands.length === 1
    ? `Copy command: ${commands[0] ?? ''}`
    : `Copy ${commands.length} commands: ${commands.join('; ')}`;

/**
 * A command, or a run of commands executed one after another, in one block: one command per
 * line, as the data has them, and one copy button for the whole run (pasted into the shell,
 * each line runs in turn). The button is rendered hidden and shown by `/assets/copy.js`:
 * without JavaScript the commands are still there to select and copy.
 */
export function CommandBlock({
  commands,
  shell,
  condition,
}: {
  commands: readonly string[];
  shell: Shell;
  condition?: string | undefined;
}): VNode {
  return (
    <figure class="command">
      <figcaption>
        {condition ? <span class="condition">{condition}: </span> : null}
        <span class="shell">{SHELL_LABEL[shell]}</span>
        {commands.length > 1 ? (
          <span class="run-note">{commands.length} commands, run in this order</span>
        ) : null}
        <button type="button" class="copy" hidden aria-label={copyLabel(commands)}>
          Copy
        </button>
      </figcaption>
      {/* Focusable, so a keyboard can scroll a long command sideways. */}
      <pre tabIndex={0}>
        <code>{commands.join('\n')}</code>
      </pre>
    </figure>
  );
}
