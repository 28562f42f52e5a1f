import type { VNode } from 'preact';
import { Layout } from './layout.js';

/** An address no route knows: the look-up form (in the header) and the ways back in. */
export function NotFoundPage(): VNode {
  return (
    <Layout title="No page at this address">
      <h1>No page at this address</h1>
      <div class="error-box" role="alert">
        <p>There is no page here. The address may be mistyped, or the page has moved.</p>
      </div>
      <h2>Where to go from here</h2>
      <ul>
        <li>
          Type the error code into the look-up box above, in any form: <code>0x80244001</code>,{' '}
          <code>-2145107967</code> or a name such as <code>WU_E_PT_SOAPCLIENT_INITIALIZE</code>.
        </li>
        <li>
          <a href="/">The home page</a>, with every article.
        </li>
        <li>
          <a href="/families">The families of codes</a> and what generally helps with each.
        </li>
      </ul>
    </Layout>
  );
}
