import type { VNode } from 'preact';
import type { SuggestedCode } from '../../app/page-suggestions.js';
import { BreakAtUnderscores } from './break-at-underscores.js';

/** Codes the input may have meant, each with its name and whether a step-by-step article exists. */
export function DidYouMeanList({ suggestions }: { suggestions: readonly SuggestedCode[] }): VNode {
  return (
    <section aria-labelledby="did-you-mean">
      <h2 id="did-you-mean">Did you mean</h2>
      <ul class="did-you-mean">
        {suggestions.map((s) => (
          <li>
            <a href={s.url}>
              <code>{s.code}</code>
            </a>
            {s.name ? (
              <>
                {' '}
                <span class="code-name">
                  <BreakAtUnderscores text={s.name} />
                </span>
              </>
            ) : (
              <span class="meta"> (no name in the tables)</span>
            )}
            {s.hasArticle ? (
              <>
                {' '}
                <span class="badge has-article">step-by-step article</span>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
