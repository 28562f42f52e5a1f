import type { VNode } from 'preact';
import type { StoredArticle } from '../../core/ports.js';

/**
 * schema.org structured data as JSON-LD data blocks. A `<script type="application/ld+json">`
 * is a data block, not a script: browsers never run it, so `script-src 'self'` does not apply
 * to it and the CSP needs no 'unsafe-inline' (the browser test checks no CSP violation is
 * reported on the pages that carry one).
 *
 * Addresses are left out on purpose: the page's canonical link names it, and a cached page is
 * the same bytes whatever host asked for it.
 */
export type JsonLd = Record<string, unknown> & {
  '@context': 'https://schema.org';
  '@type': string;
};

/** Google's Article guide: no property is required; author, dates and headline recommended. */
export function techArticle(stored: StoredArticle): JsonLd {
  const { article } = stored;
  return {
    '@context': 'https://schema.org',
    '@type': 'TechArticle',
    headline: article.title,
    description: article.meaning.summary,
    about: { '@type': 'DefinedTerm', termCode: article.code, name: article.code },
    dateModified: stored.updatedAt,
    ...(article.reviewedAt ? { lastReviewed: article.reviewedAt } : {}),
    author: { '@type': 'Organization', name: 'Error Atlas' },
    inLanguage: 'en',
  };
}

/** Google's FAQ guide requires mainEntity: Questions, each with a name and an acceptedAnswer's text. */
export function faqPage(stored: StoredArticle): JsonLd | undefined {
  const { faq } = stored.article;
  if (faq.length === 0) return undefined;
  return {
    '@context': 'https://schema.org',
    '@type': 'FAQPage',
    mainEntity: faq.map((entry) => ({
      '@type': 'Question',
      name: entry.question,
      acceptedAnswer: { '@type': 'Answer', text: entry.answer },
    })),
  };
}

/** schema.org's DefinedTerm: the term's name, its termCode, its definition as description. */
export function definedTerm(
  code: string,
  name: string | undefined,
  definition: string | undefined,
): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'DefinedTerm',
    name: name ?? code,
    termCode: code,
    ...(definition ? { description: definition } : {}),
    inDefinedTermSet: { '@type': 'DefinedTermSet', name: 'Windows error codes' },
  };
}

/**
 * JSON that cannot end its `<script>` element nor open a comment or CDATA in it: `<`, `>` and
 * `&` as JSON escapes (the same string to a JSON parser), and U+2028/U+2029, which some
 * parsers of old took for line ends.
 */
export const jsonForScript = (data: unknown): string =>
  JSON.stringify(data).replace(
    /[<>&\u2028\u2029]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );

/** The data blocks of a page's head. */
export function StructuredData({ items }: { items: readonly JsonLd[] }): VNode {
  return (
    <>
      {items.map((item) => (
        // The escaped JSON is raw text: letting the renderer HTML-escape it would corrupt it.
        <script
          type="application/ld+json"
          dangerouslySetInnerHTML={{ __html: jsonForScript(item) }}
        />
      ))}
    </>
  );
}
