/**
 * The text a browser shows for HTML that escapes only the five characters preact escapes:
 * tests compare it with the article's data, which holds the characters themselves.
 */
export const decodeEntities = (html: string): string =>
  html
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
