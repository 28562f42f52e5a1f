import type { VNode } from 'preact';
import type { Shell } from '../../core/articles/schema.js';

const SHELL_LABEL: Record<Shell, string> = { cmd: 'Command Prompt', powershell: 'PowerShell' };

/**
 * One command in its own block. The copy button is rendered hidden and shown by
 * `/assets/copy.js`: without JavaScript the command is still there to select and copy.
 */
export function CommandBlock({
  command,
  shell,
  condition,
}: {
  command: string;
  shell: Shell;
  condition?: string | undefined;
}): VNode {
  return (
    <figure class="command">
      <figcaption>
        {condition ? <span class="condition">{condition}: </span> : null}
        <span class="shell">{SHELL_LABEL[shell]}</span>
        <button type="button" class="copy" hidden aria-label={`Copy command: ${command}`}>
          Copy
        </button>
      </figcaption>
      {/* Focusable, so a keyboard can scroll a long command sideways. */}
      <pre tabIndex={0}>
        <code>{command}</code>
      </pre>
    </figure>
  );
}
