import type { VNode } from 'preact';
import { fixOutcomePath } from '../../app/urls.js';
import type { InlineFix } from '../../core/articles/schema.js';

/** "Did this fix it?" under one fix of an article: a plain form, no walk-through needed. */
export function FixOutcomeForm({
  product,
  code,
  fix,
  platforms,
  platformName,
}: {
  product: string;
  code: string;
  fix: InlineFix;
  /** The platforms the fix applies on (the article's when the fix names none). */
  platforms: readonly string[];
  platformName: (id: string) => string;
}): VNode {
  // With no platform to name, an answer could not be counted anywhere: no form.
  if (platforms.length === 0) return <></>;
  const id = `outcome-${fix.id}`;
  return (
    <form method="post" action={fixOutcomePath(product, code, fix.id)} class="fix-outcome">
      <fieldset>
        <legend>Did this fix it?</legend>
        <label for={`${id}-platform`}>On</label>{' '}
        <select id={`${id}-platform`} name="platform">
          {platforms.map((platform) => (
            <option value={platform}>{platformName(platform)}</option>
          ))}
        </select>{' '}
        <button type="submit" name="answer" value="fixed">
          Yes, fixed
        </button>{' '}
        <button type="submit" name="answer" value="still-failing">
          No, still failing
        </button>{' '}
        <button type="submit" name="answer" value="could-not">
          I couldn't do it
        </button>
      </fieldset>
    </form>
  );
}
