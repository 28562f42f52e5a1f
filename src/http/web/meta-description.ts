/** Search engines show about this much of a description before they cut it themselves. */
export const META_DESCRIPTION_MAX = 160;

/** Markdown marks that mean nothing in a `<meta>`: emphasis, code ticks, link targets. */
const plain = (markdown: string): string =>
  markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * A page's description: the whole sentences of `text` that fit in `max` characters, or, when
 * the first sentence alone is longer, its words up to `max` with an ellipsis.
 */
export function metaDescription(text: string, max = META_DESCRIPTION_MAX): string {
  const flat = plain(text);
  if (flat.length <= max) return flat;
  const sentences = flat.match(/[^.!?]+(?:[.!?]+(?=\s|$)|$)/g) ?? [flat];
  let kept = '';
  for (const sentence of sentences) {
    const next = `${kept} ${sentence.trim()}`.trim();
    if (next.length > max) break;
    kept = next;
  }
  if (kept !== '') return kept;
  const cut = flat.slice(0, max - 1);
  const wordEnd = cut.lastIndexOf(' ');
  return `${(wordEnd > max / 2 ? cut.slice(0, wordEnd) : cut).replace(/[\s,;:.-]+$/, '')}…`;
}
