import type { VNode } from 'preact';
import type { ReadingView } from '../../app/responses.js';
import { DecodePanel } from './decode-panel.js';
import { Layout } from './layout.js';

/** One code without a single article: what it is, and the articles about it if there are several. */
export function CodePage({ reading, input }: { reading: ReadingView; input: string }): VNode {
  const title = reading.names[0]
    ? `${reading.code}: ${reading.names[0].name}`
    : `${reading.code}: an unknown code`;
  return (
    <Layout title={title} canonicalPath={reading.url} query={input}>
      <h1>{title}</h1>
      {reading.known ? (
        <p>
          Windows' own tables define this code. Below is what its number says; the names are the
          symbolic names Windows' headers give it.
        </p>
      ) : (
        <p>
          This number is not in the tables Error Atlas knows. It can still be decoded: the bits
          below say what kind of code it would be.
        </p>
      )}
      <h2 id="articles">Articles</h2>
      {reading.articles.length > 0 ? (
        <ul>
          {reading.articles.map((a) => (
            <li>
              <a href={a.url}>{a.title}</a>
            </li>
          ))}
        </ul>
      ) : (
        <p>No article about this code has been written yet.</p>
      )}
      <DecodePanel reading={reading} headingId="about-code" />
    </Layout>
  );
}

/** A notation with several readings: every one, best first, with why it ranks there. */
export function ReadingsPage({
  input,
  readings,
}: {
  input: string;
  readings: ReadingView[];
}): VNode {
  return (
    <Layout title={`"${input}" can mean several codes`} query={input}>
      <h1>
        "{input}" can mean {readings.length} codes
      </h1>
      <p>The most likely reading comes first. Pick the one that matches where you saw it.</p>
      <ol class="readings">
        {readings.map((r) => (
          <li>
            <h2>
              <a href={r.url}>
                <code>{r.code}</code>
              </a>
              {r.names[0] ? ` ${r.names[0].name}` : ' (not in the tables)'}
            </h2>
            <p>{r.reason}</p>
            {r.articles.map((a) => (
              <p>
                <a href={a.url}>{a.title}</a>
              </p>
            ))}
          </li>
        ))}
      </ol>
    </Layout>
  );
}
