import type { VNode } from 'preact';
import type { TypedNumberView } from '../../app/describe-other-readings.js';
import type { CodeDetails, ReadingView } from '../../app/responses.js';
import { codePath } from '../../app/urls.js';
import { BreakAtUnderscores } from './break-at-underscores.js';
import { DecodePanel } from './decode-panel.js';
import { Layout } from './layout.js';
import { definedTerm } from './structured-data.js';
import { MarkdownBlocks } from './markdown-html.js';

/** The groups of related codes, in the order they are shown, each with why its codes are there. */
const RELATED_GROUPS = [
  { why: 'named-together', id: 'related-articles', title: 'Named with it in articles' },
  { why: 'same-family', id: 'related-family', title: 'In the same family' },
  { why: 'neighbour', id: 'related-neighbours', title: 'Next to it in number' },
] as const;

export interface CodePageProps {
  reading: ReadingView;
  details: CodeDetails;
  input: string;
  /** After the request form: whether the request was counted or had been made already today. */
  requested?: 'yes' | 'again' | undefined;
  /** A typed bare number read one way among several: how, and the other ways. */
  typed?: TypedNumberView | undefined;
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

/** How a typed number was read, and the other codes its digits could be. */
function HowItWasRead({ typed, code }: { typed: TypedNumberView; code: string }): VNode {
  return (
    <aside class="how-read" aria-labelledby="how-read-title">
      <p id="how-read-title">
        <strong>
          You typed <code>{typed.input}</code>; this page reads it as <code>{code}</code>.
        </strong>{' '}
        {typed.reason}
      </p>
      <p>If you meant another reading of the same digits:</p>
      <ul>
        {typed.others.map((other) => (
          <li>
            <a href={other.url}>
              <code>{other.code}</code>
            </a>{' '}
            {other.how}
            {other.name ? (
              <>
                {' '}
                (<SymbolicName name={other.name} />)
              </>
            ) : (
              <span class="meta-inline"> (in none of the tables)</span>
            )}
          </li>
        ))}
      </ul>
    </aside>
  );
}

/** A symbolic name that may break after each `_` on a narrow screen. */
function SymbolicName({ name }: { name: string }): VNode {
  return (
    <span class="symbol">
      <BreakAtUnderscores text={name} />
    </span>
  );
}

/** Related codes in groups by why, each code with its name and whether it has an article. */
function RelatedCodes({ related }: { related: CodeDetails['related'] }): VNode | null {
  if (related.length === 0) return null;
  return (
    <section aria-labelledby="related">
      <h2 id="related">Related codes</h2>
      {RELATED_GROUPS.map(({ why, id, title }) => {
        const codes = related.filter((r) => r.why === why);
        if (codes.length === 0) return null;
        return (
          <>
            <h3 id={id}>{title}</h3>
            <ul class="related" aria-labelledby={id}>
              {codes.map((r) => (
                <li>
                  <a href={r.url}>
                    <code>{r.code}</code>
                  </a>{' '}
                  {r.names[0] ? (
                    <SymbolicName name={r.names[0]} />
                  ) : (
                    <span class="meta-inline">no name</span>
                  )}
                  {r.hasArticle ? (
                    <span class="has-article"> · has a step-by-step guide</span>
                  ) : null}
                </li>
              ))}
            </ul>
          </>
        );
      })}
    </section>
  );
}

/**
 * One code, answering first: what it means in plain words, what generally helps, the article or
 * the request for one; then its family, related codes, and last the decode, folded.
 */
export function CodePage(props: CodePageProps): VNode {
  const { reading, details, input, typed } = props;
  const name = reading.names[0]?.name ?? reading.label ?? reading.knownVia;
  const title = name ? `${reading.code}: ${name}` : `${reading.code}: an unknown code`;
  const meaning = reading.plainMeaning ?? details.note;
  const [primary, ...otherFamilies] = details.families;
  return (
    <Layout
      title={title}
      canonicalPath={reading.url}
      query={input}
      description={meaning}
      structuredData={[definedTerm(reading.code, name, meaning)]}
    >
      <h1>
        <BreakAtUnderscores text={title} />
      </h1>
      {typed ? <HowItWasRead typed={typed} code={reading.code} /> : null}
      {meaning ? (
        <p class="lead plain-meaning">{meaning}</p>
      ) : (
        <p class="lead">
          This number is not in the tables Error Atlas knows. It can still be decoded: the details
          at the end of the page say what kind of code it would be.
        </p>
      )}
      {reading.knownVia ? <p>Known through what it carries: {reading.knownVia}.</p> : null}
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
      {primary ? (
        <section aria-labelledby="helps">
          <h2 id="helps">What generally helps</h2>
          <p class="meta">For every code of its family: {primary.title}.</p>
          <MarkdownBlocks text={primary.helps} />
        </section>
      ) : null}
      {reading.articles.length > 0 ? (
        <section aria-labelledby="articles">
          <h2 id="articles">Step-by-step guide</h2>
          <ul>
            {reading.articles.map((a) => (
              <li>
                <a href={a.url}>{a.title}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : (
        <RequestArticle {...props} />
      )}
      {primary ? (
        <section aria-labelledby="family-title">
          <h2 id="family-title">{primary.title}</h2>
          <MarkdownBlocks text={primary.description} />
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
      <RelatedCodes related={details.related} />
      {/* The bits last and folded: they matter to few, and the page answers first. */}
      <details class="decode-details">
        <summary>The code in detail: names, scheme, facility and bits</summary>
        <DecodePanel reading={reading} headingId="about-code" />
      </details>
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
              {r.names[0] ? (
                <>
                  {' '}
                  <BreakAtUnderscores text={r.names[0].name} />
                </>
              ) : r.label ? (
                ` ${r.label}`
              ) : (
                ' (not in the tables)'
              )}
            </h2>
            <p>{r.reason}</p>
            {(r.plainMeaning ?? r.note) ? <p>{r.plainMeaning ?? r.note}</p> : null}
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
