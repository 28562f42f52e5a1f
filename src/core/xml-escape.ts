const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Text for XML character data or a quoted attribute (sitemaps, SVG charts). */
export const escapeXml = (text: string): string =>
  text.replace(/[&<>"']/g, (ch) => XML_ESCAPES[ch] ?? ch);
