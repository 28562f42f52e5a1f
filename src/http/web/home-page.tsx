import type { VNode } from 'preact';
import type { ArticleRef } from '../../core/ports.js';
import { articlePath, familiesPath, homePath } from '../../app/urls.js';
import { Layout } from './layout.js';

export function HomePage({ articles }: { articles: readonly ArticleRef[] }): VNode {
  return (
    <Layout title="Windows error codes, explained" canonicalPath={homePath}>
      <h1>Windows error codes, explained</h1>
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
