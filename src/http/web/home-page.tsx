import type { VNode } from 'preact';
import type { HomeView } from '../../app/get-home.js';
import { familiesPath, homePath, lookupPath, searchPath } from '../../app/urls.js';
import { BreakAtUnderscores } from './break-at-underscores.js';
import { CodeListItem } from './code-list-item.js';
import { Layout } from './layout.js';

/** Home: the look-up first (what most people came with), then popular codes, then every article. */
export function HomePage({ view }: { view: HomeView }): VNode {
  return (
    <Layout
      title="Windows error codes, explained"
      description="Type the Windows error code you saw, in any form: Error Atlas says what it means in plain words and walks you through a safe fix, one step at a time."
      canonicalPath={homePath}
    >
      <h1>Windows error codes, explained</h1>
      <form action={lookupPath} method="get" class="lookup-large">
        <label for="home-code">The error code Windows showed you</label>
        <div class="field-row">
          <input
            id="home-code"
            name="q"
            type="text"
            inputMode="text"
            placeholder="e.g. 0x80244001"
            autoComplete="off"
            spellcheck={false}
            required
          />
          <button type="submit">Look up</button>
        </div>
        <p class="hint">
          Any form works: <code>0x80244001</code>, <code>-2145107967</code>, a Win32 number such as{' '}
          <code>5</code>, or a name.
        </p>
      </form>
      <form action={searchPath} method="get" role="search" class="search-large">
        <label for="home-q">No code? Describe what happens</label>
        <div class="field-row">
          <input
            id="home-q"
            name="q"
            type="search"
            placeholder="e.g. updates stuck at 0%"
            autoComplete="off"
          />
          <button type="submit">Search</button>
        </div>
      </form>

      {view.popular.length > 0 ? (
        <section aria-labelledby="popular">
          <h2 id="popular">Most looked-up codes</h2>
          <ul class="popular-codes">
            {view.popular.map((p) => (
              <CodeListItem item={p} />
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="articles">
        <h2 id="articles">Articles by family</h2>
        <p>
          Every Windows code has a page, with or without an article: what its number says, its
          names, and what generally helps with its <a href={familiesPath}>family of codes</a>.
        </p>
        {view.articleGroups.map((group) => (
          <>
            <h3>
              {group.family ? (
                <a href={group.family.url}>
                  <BreakAtUnderscores text={group.family.title} />
                </a>
              ) : (
                'Other codes'
              )}
            </h3>
            <ul class="articles">
              {group.articles.map((a) => (
                <li>
                  <a href={a.url}>
                    <BreakAtUnderscores text={a.title} />
                  </a>
                </li>
              ))}
            </ul>
          </>
        ))}
      </section>
    </Layout>
  );
}
