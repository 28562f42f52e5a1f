/**
 * Text fields are Markdown, but a line of text that looks like the format's own structure would
 * be read back as structure. The writer puts a backslash in front of such a line and the reader
 * takes it off (docs/ARTICLE-FORMAT.md, Rules). A line that already starts with backslashes
 * before a structural form gets one more, so every text survives: the reader removes exactly
 * one backslash, and only where the rest (past all backslashes) is structural.
 */

/** `## ` (a section heading) at the start of a line. */
export const SECTION_HEADING = /^##(?=[ \t]|$)/;
/** `## ` or `### ` (a section or a fix / question / subsection heading). */
export const ANY_HEADING = /^#{2,3}(?=[ \t]|$)/;
/** A fence opening (three backticks). */
export const FENCE = /^```/;
/** The paragraph labels of a fix. */
export const LABEL = /^\*\*(?:Why|Verify):\*\*/;

/** Which structural line forms a kind of text must not start a line with. */
export type LineRules = readonly RegExp[];

/** Summary, official definition, detail, FAQ answer: they end at the next `##`/`###` heading. */
export const SUBSECTION_TEXT: LineRules = [ANY_HEADING];
/** Escalation: its section ends at the next `##` heading; `###` inside it is its own Markdown. */
export const SECTION_TEXT: LineRules = [SECTION_HEADING];
/** A step or a command's condition (inside a list item, where only a fence is structure). */
export const ITEM_TEXT: LineRules = [FENCE];
/** Why and Verify: they end at a label, a heading, or (Verify) the verify command's fence. */
export const PARAGRAPH_TEXT: LineRules = [ANY_HEADING, LABEL, FENCE];

const structural = (line: string, rules: LineRules): boolean => {
  const bare = line.replace(/^\\+/, '');
  return rules.some((rule) => rule.test(bare));
};

/** True when a line, as found in a file, is structure rather than text. */
export const isStructure = (line: string, rules: LineRules): boolean =>
  rules.some((rule) => rule.test(line));

export function escapeLines(text: string, rules: LineRules): string[] {
  return text.split('\n').map((line) => (structural(line, rules) ? `\\${line}` : line));
}

/** The inverse of `escapeLines`; joins the lines and trims, as the schema does. */
export function unescapeLines(lines: readonly string[], rules: LineRules): string {
  return lines
    .map((line) => (line.startsWith('\\') && structural(line, rules) ? line.slice(1) : line))
    .join('\n')
    .trim();
}

/** A cause's trailing `{…}` (no braces inside), with any backslashes right before it. */
const TRAILING_BRACES = /(\\*)\{[^{}]*\}$/;

/** A cause ending in `{…}` would read as its fix links: `\{…}` keeps it text. */
export function escapeCause(text: string): string {
  const match = TRAILING_BRACES.exec(text);
  return match ? `${text.slice(0, match.index)}\\${text.slice(match.index)}` : text;
}

/**
 * Splits a cause's written text into its text and its `{fixes: […]}` annotation (the raw braces,
 * or undefined when there is none), undoing `escapeCause`.
 */
export function splitCause(written: string): { text: string; annotation: string | undefined } {
  const match = TRAILING_BRACES.exec(written);
  if (match && match[1] === '') {
    return {
      text: unescapeCause(written.slice(0, match.index).trimEnd()),
      annotation: match[0],
    };
  }
  return { text: unescapeCause(written), annotation: undefined };
}

function unescapeCause(text: string): string {
  const match = TRAILING_BRACES.exec(text);
  if (!match || match[1] === '') return text;
  return `${text.slice(0, match.index)}${text.slice(match.index + 1)}`;
}
