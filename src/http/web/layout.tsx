import type { ComponentChildren, VNode } from 'preact';
import { diagnosePath, familiesPath, homePath, logsPath, searchPath } from '../../app/urls.js';
import { COPY_SCRIPT, SEARCH_SUGGEST_SCRIPT, SITE_STYLESHEET } from './assets.js';
import { metaDescription } from './meta-description.js';
import { currentPagePath } from './page-address.js';
import { StructuredData, type JsonLd } from './structured-data.js';

export interface LayoutProps {
  title: string;
  /** Cut to whole sentences of at most ~160 characters here, so every page's is. */
  description?: string | undefined;
  /** Absolute path of the page's canonical URL; by default the answered page's own path. */
  canonicalPath?: string | undefined;
  /** How current the page is, printed beside its address: "reviewed 2026-12-04", "awaiting review". */
  review?: string | undefined;
  /** What to prefill in the look-up box. */
  query?: string | undefined;
  /** schema.org JSON-LD data blocks for the head. */
  structuredData?: readonly JsonLd[] | undefined;
  /** Scripts of this page besides the site's (paths of assets; never inline). */
  scripts?: readonly string[] | undefined;
  children: ComponentChildren;
}

/** The one site navigation, the same on every page. */
export const SITE_NAV: readonly { href: string; text: string }[] = [
  { href: homePath, text: 'Home' },
  { href: familiesPath, text: 'Families' },
  { href: searchPath, text: 'Search' },
  { href: logsPath, text: 'Logs' },
  { href: diagnosePath, text: 'Diagnose' },
];

/** What a page that says nothing of itself is described as. */
const SITE_DESCRIPTION =
  'Error Atlas explains Windows error codes in plain words and walks you through a safe fix, one step at a time.';

/**
 * Every page: a skip link, a header with the one navigation and the search form (a pure code
 * still goes to its page), one main landmark, a footer; a description and a canonical link.
 */
export function Layout({
  title,
  description,
  canonicalPath,
  review,
  query,
  structuredData,
  scripts,
  children,
}: LayoutProps): VNode {
  const canonical = canonicalPath ?? currentPagePath();
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · Error Atlas`}</title>
        <meta
          name="description"
          content={metaDescription(description ?? `${title}. ${SITE_DESCRIPTION}`)}
        />
        {canonical ? <link rel="canonical" href={canonical} /> : null}
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
              {SITE_NAV.map((item) => (
                <a href={item.href}>{item.text}</a>
              ))}
            </nav>
            <form class="lookup" action={searchPath} method="get" role="search">
              <label for="lookup-q" class="skip">
                Search error codes and articles
              </label>
              <input
                id="lookup-q"
                name="q"
                type="search"
                placeholder="A code or a few words"
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
            <p>
              Error Atlas explains Windows error codes in plain words. Code names and values come
              from public Windows headers and Microsoft documentation.
            </p>
            {/* On paper only: where the page came from, and how current it is. The site script
                writes the full address in; without it the path stands. */}
            <p class="print-only">
              Printed from <span class="page-address">{canonical ?? ''}</span>
              {review ? `; ${review}` : ''}.
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}
