import type { SitemapEntry } from '../../app/sitemap-entries.js';
import { escapeXml } from '../../core/xml-escape.js';

/** The namespace of the sitemaps protocol (sitemaps.org, version 0.9). */
export const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

// The protocol asks for entity-escaped URLs; our paths are percent-encoded, but `&` may not be.

const entryXml = (tag: 'url' | 'sitemap', base: string, entry: SitemapEntry): string =>
  `<${tag}><loc>${escapeXml(base + entry.path)}</loc>` +
  (entry.lastmod ? `<lastmod>${entry.lastmod}</lastmod>` : '') +
  `</${tag}>`;

/** A `<urlset>`: one part of the sitemap. */
export const urlsetXml = (base: string, entries: readonly SitemapEntry[]): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="${SITEMAP_NS}">\n` +
  entries.map((e) => entryXml('url', base, e)).join('\n') +
  '\n</urlset>\n';

/** A `<sitemapindex>` naming the parts. */
export const sitemapIndexXml = (base: string, parts: readonly SitemapEntry[]): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="${SITEMAP_NS}">\n` +
  parts.map((e) => entryXml('sitemap', base, e)).join('\n') +
  '\n</sitemapindex>\n';
