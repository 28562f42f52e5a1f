import type { VNode } from 'preact';
import { BreakAtUnderscores } from './break-at-underscores.js';

export interface ListedCode {
  code: string;
  /** The first name the tables give it. */
  name: string | undefined;
  url: string;
  hasArticle: boolean;
}

/**
 * One code in a list of codes (did-you-mean, most looked-up): the code as a link, its name
 * (wrapping at `_` on a phone) and a mark when a step-by-step article exists. `unnamed` is
 * what stands in place of a name the tables do not give.
 */
export function CodeListItem({ item, unnamed }: { item: ListedCode; unnamed?: string }): VNode {
  return (
    <li>
      <a href={item.url}>
        <code>{item.code}</code>
      </a>
      {item.name ? (
        <>
          {' '}
          <span class="code-name">
            <BreakAtUnderscores text={item.name} />
          </span>
        </>
      ) : unnamed ? (
        <span class="meta"> {unnamed}</span>
      ) : null}
      {item.hasArticle ? (
        <>
          {' '}
          <span class="badge has-article">step-by-step article</span>
        </>
      ) : null}
    </li>
  );
}
