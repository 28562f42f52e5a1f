import type { VNode } from 'preact';
import { groupCommandRuns } from '../../core/articles/command-runs.js';
import type { InlineFix } from '../../core/articles/schema.js';
import { CommandBlock } from './command-block.js';
import { FixBadges } from './fix-badges.js';
import { inline } from './markdown-html.js';

/**
 * What a fix says, under its heading: its attributes, its steps (a run of commands executed one
 * after another as one block), why it helps, how to check it worked and how to undo it.
 */
export function FixBody({
  fix,
  platformName,
}: {
  fix: InlineFix;
  platformName: (id: string) => string;
}): VNode {
  return (
    <>
      <FixBadges fix={fix} platformName={platformName} />
      <ol class="actions">
        {groupCommandRuns(fix.actions).map((group) =>
          group.kind === 'commands' ? (
            <li>
              <CommandBlock
                commands={group.commands}
                shell={group.shell}
                condition={group.condition}
              />
            </li>
          ) : (
            <li>{inline(group.step)}</li>
          ),
        )}
      </ol>
      {fix.why ? (
        <div class="why">
          <p>
            <strong>Why this helps: </strong>
            {inline(fix.why)}
          </p>
        </div>
      ) : null}
      {fix.verify ? (
        <div class="verify">
          <p>
            <strong>Check that it worked: </strong>
            {inline(fix.verify.text)}
          </p>
          {fix.verify.command ? (
            <CommandBlock
              commands={[fix.verify.command.command]}
              shell={fix.verify.command.shell}
            />
          ) : null}
        </div>
      ) : null}
      {fix.reversible && fix.undo ? (
        <p class="undo">
          <strong>To undo: </strong>
          {inline(fix.undo)}
        </p>
      ) : null}
    </>
  );
}
