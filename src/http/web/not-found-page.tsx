import type { VNode } from 'preact';
import type { SuggestedCode } from '../../app/page-suggestions.js';
import { familiesPath, homePath } from '../../app/urls.js';
import { AcceptedNotations } from './accepted-notations.js';
import { DidYouMeanList } from './did-you-mean-list.js';
import { Layout } from './layout.js';

/** An address no route knows: codes its last part may have meant, and the ways back in. */
export function NotFoundPage({
  suggestions = [],
}: {
  suggestions?: readonly SuggestedCode[];
}): VNode {
  return (
    <Layout
      title="No page at this address"
      description="There is no page at this address. Look the error code up, or start from the home page or the families of codes."
    >
      <h1>No page at this address</h1>
      <div class="error-box" role="alert">
        <p>There is no page here. The address may be mistyped, or the page has moved.</p>
      </div>
      {suggestions.length > 0 ? <DidYouMeanList suggestions={suggestions} /> : null}
      <h2 id="next">Where to go from here</h2>
      <ul>
        <li>Type the error code into the search box above, in any of the forms below.</li>
        <li>
          <a href={homePath}>The home page</a>, with every article.
        </li>
        <li>
          <a href={familiesPath}>The families of codes</a> and what generally helps with each.
        </li>
      </ul>
      <AcceptedNotations />
    </Layout>
  );
}
