import type { VNode } from 'preact';
import type { ArticleRef } from '../../core/ports.js';
import { articlePath, familiesPath, homePath, searchPath } from '../../app/urls.js';
import { Layout } from './layout.js';

export function HomePage({ articles }: { articles: readonly ArticleRef[] }): VNode {
  return (
    <Layout title="Windows error codes, explained" canonicalPath={homePath}>
      <h1>Windows error codes, explained</h1>
      <form action={searchPath} method="get" role="search" class="search-large">
        <label for="home-q">A code, a message Windows showed, or what happens</label>
        <input id="home-q" name="q" type="search" autoComplete="off" />
        <button type="submit">Search</button>
      </form>
      <p>
        Type the code Windows showed you, in any form, into the box above: Error Atlas says what it
        means and walks you through a safe fix, one step at a time.
      </p>
      <p>
        Every Windows code has a page, with or without an article: what its number says, its names,
        and what generally helps with its <a href={familiesPath}>family of codes</a>.
      </p>
      <h2>Articles</h2>
      <ul>
        {articles.map((a) => (
          <li>
            <a href={articlePath(a.product, a.code)}>{a.title}</a>
          </li>
        ))}
      </ul>
    </Layout>
  );
}
