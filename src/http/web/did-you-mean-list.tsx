import type { VNode } from 'preact';
import type { SuggestedCode } from '../../app/page-suggestions.js';
import { CodeListItem } from './code-list-item.js';

/** Codes the input may have meant, each with its name and whether a step-by-step article exists. */
export function DidYouMeanList({ suggestions }: { suggestions: readonly SuggestedCode[] }): VNode {
  return (
    <section aria-labelledby="did-you-mean">
      <h2 id="did-you-mean">Did you mean</h2>
      <ul class="did-you-mean">
        {suggestions.map((s) => (
          <CodeListItem item={s} unnamed="(no name in the tables)" />
        ))}
      </ul>
    </section>
  );
}
