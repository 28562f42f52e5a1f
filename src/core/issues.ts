/**
 * A problem found in a piece of content, kept as data (as zod keeps its issues): a stable
 * `code` clients and tests switch on, the `path` of the field it concerns, the `line` of the
 * file where it was found when the content came from a file, and the message people read.
 */

/** Where in an article (or procedure, family): `['fixes', 2, 'verify']`; `[]` is the whole file. */
export type IssuePath = (string | number)[];

export interface Issue {
  code: string;
  path: IssuePath;
  line?: number;
  message: string;
  /** The file, when several are checked at once (an import): as the caller named it. */
  file?: string;
}

/** What a reader of content returns when it refuses a file: every issue, and one text of them. */
export interface ReadFailure {
  /** The issues as people read them today: `line 12: …; line 14: …`. */
  message: string;
  issues: Issue[];
}

/** `line 12: message`, or the message alone when no line is known. */
export const issueText = (issue: Issue): string =>
  issue.line === undefined ? issue.message : `line ${issue.line}: ${issue.message}`;

export const readFailure = (issues: Issue[]): ReadFailure => ({
  message: issues.map(issueText).join('; '),
  issues,
});

/** `fixes.2.verify` (the readers' and lint's dotted keys) → `['fixes', 2, 'verify']`. */
export const toIssuePath = (dotted: string): IssuePath =>
  dotted === '' ? [] : dotted.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));

/** `['fixes', 2, 'verify']` → `fixes.2.verify`: how a path is named in a message and a map key. */
export const dottedPath = (path: readonly (string | number)[]): string => path.join('.');
