/** Sentence-level helpers for the page-text importer (prose, not structure). */

/** Words whose period does not end a sentence: "e.g. Windows 10", "vs. 11". */
const ABBREVIATIONS: ReadonlySet<string> = new Set(['e.g', 'i.e', 'etc', 'vs', 'approx', 'no']);

const endsWithAbbreviation = (before: string): boolean => {
  const word = /(\S+)\.$/.exec(before)?.[1]?.toLowerCase() ?? '';
  return ABBREVIATIONS.has(word);
};

/**
 * Where the first sentence of `text` ends: the index just past its ".", "!" or "?" that is
 * followed by a space, or -1 when the text is one sentence. A period inside a token
 * ("wuapi.dll", "8.1") or after an abbreviation does not count.
 */
export function firstSentenceEnd(text: string, from = 0): number {
  const boundary = /[.!?](?=\s+\S)/g;
  boundary.lastIndex = from;
  for (let match = boundary.exec(text); match; match = boundary.exec(text)) {
    const end = match.index + 1;
    if (match[0] === '.' && endsWithAbbreviation(text.slice(0, end))) continue;
    return end;
  }
  return -1;
}

/** "Open Settings. Click Run." → ["Open Settings.", "Click Run."]. */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let rest = text.trim();
  for (let end = firstSentenceEnd(rest); end !== -1; end = firstSentenceEnd(rest)) {
    sentences.push(rest.slice(0, end));
    rest = rest.slice(end).trim();
  }
  if (rest !== '') sentences.push(rest);
  return sentences;
}

/** A sentence's final period goes (a list item needs none); "…" and "etc." keep theirs. */
export function stripFinalPeriod(text: string): string {
  const trimmed = text.trim();
  if (!trimmed.endsWith('.') || trimmed.endsWith('..') || endsWithAbbreviation(trimmed)) {
    return trimmed;
  }
  return trimmed.slice(0, -1).trimEnd();
}

/** "Reset the WinHTTP proxy settings" → "reset-the-winhttp-proxy-settings". */
export function slugify(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((part) => part !== '')
    .join('-');
}
