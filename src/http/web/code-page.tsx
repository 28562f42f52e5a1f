import type { VNode } from 'preact';
import type { CodeDetails, ReadingView } from '../../app/responses.js';
import { codePath } from '../../app/urls.js';
import { DecodePanel } from './decode-panel.js';
import { Layout } from './layout.js';
import { definedTerm } from './structured-data.js';
import { MarkdownBlocks } from './markdown-html.js';

const WHY_TEXT = {
  'named-together': 'named with it in an article',
  neighbour: 'next to it in its family',
  'same-family': 'same family',
} as const;

export interface CodePageProps {
  reading: ReadingView;
  details: CodeDetails;
  input: string;
  /** After the request form: whether the request was counted or had been made already today. */
  requested?: 'yes' | 'again' | undefined;
}

function RequestArticle({ reading, details, requested }: CodePageProps): VNode {
  const others =
    details.requests === 1 ? '1 request so far' : `${details.requests} requests so far`;
  return (
    <section aria-labelledby="request-title">
      <h2 id="request-title">No article yet</h2>
      <p>
        Nobody has written a step-by-step guide for this code yet. Ask for one: requests decide what
        gets written next. Only a count is kept, nothing about you.
      </p>
      {requested ? (
        <p role="status" class="notice">
          {requested === 'yes'
            ? 'Thank you: your request is counted.'
            : 'You asked for this article today already; it is counted once.'}
        </p>
      ) : null}
      <form method="post" action={reading.url}>
        <button type="submit">Request an article</button> <span class="meta">({others})</span>
      </form>
    </section>
  );
}

/** One code: what it is, what its family means and what generally helps, and where to go next. */
export function CodePage(props: CodePageProps): VNode {
  const { reading, details, input } = props;
  const name = reading.names[0]?.name ?? reading.label ?? reading.knownVia;
  const title = name ? `${reading.code}: ${name}` : `${reading.code}: an unknown code`;
  const [primary, ...otherFamilies] = details.families;
  return (
    <Layout
      title={title}
      canonicalPath={reading.url}
      query={input}
      description={details.note}
      structuredData={[definedTerm(reading.code, name, details.note)]}
    >
      <h1>{title}</h1>
      {details.note ? <p class="lead">{details.note}</p> : null}
      {!reading.known ? (
        <p>
          This number is not in the tables Error Atlas knows. It can still be decoded: the bits
          below say what kind of code it would be.
        </p>
      ) : reading.knownVia ? (
        <p>Known through what it carries: {reading.knownVia}.</p>
      ) : null}
      {/* What the number says comes first: it is all some codes have. */}
      <DecodePanel reading={reading} headingId="about-code" />
      {reading.suggestions && reading.suggestions.length > 0 ? (
        <>
          <h2 id="did-you-mean">Did you mean</h2>
          <ul>
            {reading.suggestions.map((code) => (
              <li>
                <a href={codePath(code)}>
                  <code>{code}</code>
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {reading.extend ? (
        <>
          <h2 id="extend">Where setup stopped</h2>
          <p>
            Extend code <code>{reading.extend.hex}</code>: phase {reading.extend.phase.number}
            {reading.extend.phase.name ? ` (${reading.extend.phase.name})` : ''}, operation{' '}
            {reading.extend.operation.number}
            {reading.extend.operation.name ? ` (${reading.extend.operation.name})` : ''}.
          </p>
        </>
      ) : null}
      {reading.articles.length > 0 ? (
        <>
          <h2 id="articles">Articles</h2>
          <ul>
            {reading.articles.map((a) => (
              <li>
                <a href={a.url}>{a.title}</a>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <RequestArticle {...props} />
      )}
      {primary ? (
        <section aria-labelledby="family-title">
          <h2 id="family-title">{primary.title}</h2>
          <MarkdownBlocks text={primary.description} />
          <h3 id="helps">What generally helps</h3>
          <MarkdownBlocks text={primary.helps} />
          <p>
            <a href={primary.url}>Every code of this family</a>
          </p>
        </section>
      ) : null}
      {otherFamilies.length > 0 ? (
        <>
          <h2 id="also">Also belongs to</h2>
          <ul>
            {otherFamilies.map((f) => (
              <li>
                <a href={f.url}>{f.title}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {details.related.length > 0 ? (
        <>
          <h2 id="related">Related codes</h2>
          <ul class="related">
            {details.related.map((r) => (
              <li>
                <a href={r.url}>
                  <code>{r.code}</code>
                </a>{' '}
                {r.names[0] ?? ''} <span class="meta">({WHY_TEXT[r.why]})</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
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
              {r.names[0]
                ? ` ${r.names[0].name}`
                : r.label
                  ? ` ${r.label}`
                  : ' (not in the tables)'}
            </h2>
            <p>{r.reason}</p>
            {r.note ? <p>{r.note}</p> : null}
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
