import { fold, termOf, wordsWithOffsets } from './analyze-text.js';
import type { SearchDocument } from './search-document.js';

/**
 * A snippet: a short piece of a document's text around its first matched word, as segments
 * marked `hit` or not. Segments are plain text; whoever renders them escapes them (the pages
 * through JSX, the API as JSON strings), so a document can never inject markup through a
 * snippet.
 */
export type SnippetSegment = { text: string; hit: boolean };

const SNIPPET_LENGTH = 180;
const LEAD = 50;

const isHit = (word: string, matched: ReadonlySet<string>): boolean => {
  const folded = fold(word);
  return matched.has(termOf(folded)) || matched.has(folded);
};

export function buildSnippet(
  document: SearchDocument,
  matched: ReadonlySet<string>,
): SnippetSegment[] {
  // The field with the most hits, preferring the text people read (meaning, causes).
  const candidates = [
    document.fields.body,
    document.fields.causes,
    document.fields.title,
    document.fields.name,
  ];
  let text = candidates.find((t) => t !== '') ?? '';
  let bestHits = -1;
  for (const candidate of candidates) {
    const hits = wordsWithOffsets(candidate).filter((w) => isHit(w.word, matched)).length;
    if (hits > bestHits) {
      bestHits = hits;
      text = candidate;
    }
  }
  const words = wordsWithOffsets(text);
  const first = words.find((w) => isHit(w.word, matched));
  let start = first ? Math.max(0, first.index - LEAD) : 0;
  if (start > 0) {
    const space = text.indexOf(' ', start);
    start = space === -1 || space > (first?.index ?? 0) ? start : space + 1;
  }
  let end = Math.min(text.length, start + SNIPPET_LENGTH);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > start) end = space;
  }
  const segments: SnippetSegment[] = [];
  const push = (part: string, hit: boolean): void => {
    if (part === '') return;
    const last = segments[segments.length - 1];
    if (last && last.hit === hit) last.text += part;
    else segments.push({ text: part, hit });
  };
  if (start > 0) push('… ', false);
  let at = start;
  for (const { word, index } of words) {
    if (index < start || index + word.length > end) continue;
    push(text.slice(at, index), false);
    push(word, isHit(word, matched));
    at = index + word.length;
  }
  push(text.slice(at, end), false);
  if (end < text.length) push(' …', false);
  return segments;
}
