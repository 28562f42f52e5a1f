import { DomainError } from '../core/errors.js';

/** Line breaks as a person may paste them: LF, CR, and Unicode's line and paragraph separators. */
const LINE_BREAK = /\r\n|[\n\r\u2028\u2029]/;
/** Control characters other than tab: nothing a person types, and nothing a page may show. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/;

/**
 * The notation in a path or `?q=` as the look-up reads it: its first line (a pasted log line
 * often brings the next one with it). A first line that is empty, or holds a control
 * character such as NUL, is refused with `invalid_notation` saying so.
 */
export function notationInput(raw: string): string {
  const [first = ''] = raw.split(LINE_BREAK);
  if (first.trim() === '') {
    throw new DomainError(
      'invalid_notation',
      'Type an error code to look it up; the text before the first line break is empty.',
    );
  }
  const control = CONTROL.exec(first)?.[0];
  if (control !== undefined) {
    const shown = `U+${control.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    throw new DomainError(
      'invalid_notation',
      `The code holds a control character (${shown}); type it as plain text, e.g. 0x80244001.`,
    );
  }
  return first;
}

/** Text for a page with any control character shown as U+FFFD, so none reaches the HTML. */
export const printable = (text: string): string =>
  text.replace(new RegExp(CONTROL.source, 'g'), '\uFFFD');
