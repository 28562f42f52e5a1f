import type { VNode } from 'preact';
import type { SearchResponse } from '../../app/search-response.js';
import { searchHref } from '../../app/urls.js';
import { Layout } from './layout.js';

type Snippet = SearchResponse['articles'][number]['snippet'];
type FacetName = keyof SearchResponse['facets'];

const FACET_TITLES: Record<FacetName, string> = {
  product: 'Product',
  severity: 'Severity',
  family: 'Family',
  platform: 'Platform',
};

/** Matched words in <mark>; JSX escapes every piece, so no snippet can carry markup. */
function SnippetText({ snippet }: { snippet: Snippet }): VNode {
  return (
    <p class="snippet">
      {snippet.map((part) => (part.hit ? <mark>{part.text}</mark> : part.text))}
    </p>
  );
}

type CodeResult = Pick<SearchResponse['codes'][number], 'code' | 'names' | 'reason' | 'url'>;

/** A list of codes with why each was offered (read exactly, or a near miss). */
function CodeResults(props: { id: string; heading: string; codes: CodeResult[] }): VNode {
  return (
    <section aria-labelledby={props.id}>
      <h2 id={props.id}>{props.heading}</h2>
      <ul class="results">
        {props.codes.map((code) => (
          <li>
            <a href={code.url}>
              <code>{code.code}</code> {code.names[0] ?? ''}
            </a>
            <p class="meta">{code.reason}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}

export interface SearchPageProps {
  result: SearchResponse | undefined;
  /** Shown on an empty query: codes worth a look. */
  tips?: boolean;
}

/** Results grouped: codes read exactly, did-you-mean, articles, codes by meaning; facets as links. */
export function SearchPage({ result }: SearchPageProps): VNode {
  const q = result?.query ?? '';
  const title = q === '' ? 'Search' : `Search: ${q.slice(0, 80)}`;
  if (result === undefined || q.trim() === '') {
    return (
      <Layout title={title} canonicalPath={searchHref({})}>
        <h1>Search</h1>
        <form action={searchHref({})} method="get" role="search" class="search-large">
          <label for="search-q">What did Windows show you, or what happens?</label>
          <input id="search-q" name="q" type="search" value="" autoComplete="off" />
          <button type="submit">Search</button>
        </form>
        <p>
          Type a code in any form (<code>0x8024402F</code>, <code>-2145107967</code>, a symbolic
          name), a message Windows showed, or what happens in your own words: “updates download but
          never install”.
        </p>
      </Layout>
    );
  }
  const filters = result.filters;
  const link = (changes: Record<string, string | undefined>): string =>
    searchHref({ q, ...filters, ...changes });
  const nothing =
    result.codes.length === 0 &&
    result.didYouMean.length === 0 &&
    result.articles.length === 0 &&
    result.codesByMeaning.length === 0;
  return (
    <Layout title={title} query={q}>
      <h1>
        Search results for <q>{q.slice(0, 200)}</q>
      </h1>
      {result.codes.length > 0 ? (
        <CodeResults
          id="codes-heading"
          heading={result.codes.length > 1 ? 'The codes it can be' : 'The code'}
          codes={result.codes}
        />
      ) : null}
      {result.didYouMean.length > 0 ? (
        <CodeResults id="dym-heading" heading="Did you mean" codes={result.didYouMean} />
      ) : null}
      <nav aria-label="Filters" class="facets">
        {(Object.keys(FACET_TITLES) as FacetName[]).map((facet) =>
          result.facets[facet].length > 0 || filters[facet] ? (
            <p>
              {FACET_TITLES[facet]}:{' '}
              {filters[facet] ? (
                <a href={link({ [facet]: undefined })}>{`${filters[facet]} ✕`}</a>
              ) : (
                result.facets[facet].slice(0, 8).map((value) => (
                  <>
                    <a href={link({ [facet]: value.value })}>{value.value}</a> ({value.count}){' '}
                  </>
                ))
              )}
            </p>
          ) : null,
        )}
      </nav>
      {result.articles.length > 0 ? (
        <section aria-labelledby="articles-heading">
          <h2 id="articles-heading">Articles</h2>
          <ol class="results">
            {result.articles.map((article) => (
              <li>
                <a href={article.url}>{article.title}</a>
                <SnippetText snippet={article.snippet} />
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {result.codesByMeaning.length > 0 ? (
        <section aria-labelledby="meaning-heading">
          <h2 id="meaning-heading">Codes by what they mean</h2>
          <ol class="results">
            {result.codesByMeaning.map((code) => (
              <li>
                <a href={code.url}>
                  <code>{code.code}</code> {code.title}
                </a>
                <SnippetText snippet={code.snippet} />
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {nothing ? (
        <p role="status">
          Nothing found for these words. Try fewer words, the code as Windows wrote it, or the
          message it showed.
        </p>
      ) : null}
      {result.nextCursor ? (
        <p>
          <a rel="next" href={link({ cursor: result.nextCursor })}>
            More results
          </a>
        </p>
      ) : null}
    </Layout>
  );
}
