import type { ComponentChildren, VNode } from 'preact';
import { homePath, logsPath, searchPath } from '../../app/urls.js';
import { COPY_SCRIPT, SEARCH_SUGGEST_SCRIPT, SITE_STYLESHEET } from './assets.js';
import { metaDescription } from './meta-description.js';
import { StructuredData, type JsonLd } from './structured-data.js';

export interface LayoutProps {
  title: string;
  /** Cut to whole sentences of at most ~160 characters here, so every page's is. */
  description?: string | undefined;
  /** Absolute path of the page's canonical URL. */
  canonicalPath?: string | undefined;
  /** What to prefill in the look-up box. */
  query?: string | undefined;
  /** schema.org JSON-LD data blocks for the head. */
  structuredData?: readonly JsonLd[] | undefined;
  /** Scripts of this page besides the site's (paths of assets; never inline). */
  scripts?: readonly string[] | undefined;
  children: ComponentChildren;
}

/** Every page: a skip link, a header with the search form (a pure code still goes to its page), one main landmark, a footer. */
export function Layout({
  title,
  description,
  canonicalPath,
  query,
  structuredData,
  scripts,
  children,
}: LayoutProps): VNode {
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · Error Atlas`}</title>
        {description ? <meta name="description" content={metaDescription(description)} /> : null}
        {canonicalPath ? <link rel="canonical" href={canonicalPath} /> : null}
        <link rel="stylesheet" href={SITE_STYLESHEET.path} />
        <script type="module" src={COPY_SCRIPT.path} />
        <script type="module" src={SEARCH_SUGGEST_SCRIPT.path} />
        {scripts?.map((src) => (
          <script type="module" src={src} />
        ))}
        {structuredData ? <StructuredData items={structuredData} /> : null}
      </head>
      <body>
        <a class="skip" href="#main">
          Skip to content
        </a>
        <header class="site">
          <div class="inner">
            <a class="brand" href={homePath}>
              Error Atlas
            </a>
            {/* Before the search form: on a phone it shares the brand's line. */}
            <nav class="site-nav" aria-label="Site">
              <a href={logsPath}>Analyse logs</a>
            </nav>
            <form class="lookup" action={searchPath} method="get" role="search">
              <label for="lookup-q" class="skip">
                Search error codes and articles
              </label>
              <input
                id="lookup-q"
                name="q"
                type="search"
                placeholder="0x80244001, a name, or what happens…"
                value={query ?? ''}
                autoComplete="off"
              />
              <button type="submit">Search</button>
            </form>
          </div>
        </header>
        <main id="main">{children}</main>
        <footer class="site">
          <div class="inner">
            Error Atlas explains Windows error codes in plain words. Code names and values come from
            public Windows headers and Microsoft documentation.
          </div>
        </footer>
      </body>
    </html>
  );
}
