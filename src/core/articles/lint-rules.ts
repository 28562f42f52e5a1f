import type { Issue, IssuePath } from '../issues.js';

/** The lint rules: each a stable id and a level. Tests and clients switch on the id. */

/**
 * `error` and `warning` keep content from shipping (lint exits 1); a `notice` is reported and
 * does not: an article awaiting review ships marked as such, with its open facts listed.
 */
export type LintLevel = 'error' | 'warning' | 'notice';

/** An issue (core/issues.ts) whose code is a lint rule; `line` is added by whoever has the file. */
export interface LintProblem extends Issue {
  /** Stable id of the rule, e.g. `sources-missing`; clients and tests switch on it. */
  code: LintRuleId;
  level: LintLevel;
  /** Where in the article: `['fixes', 2, 'verify']`, `['faq', 0, 'answer']`. */
  path: IssuePath;
}

export const LINT_RULES = {
  'product-unknown': 'error',
  'applies-to-missing': 'error',
  'platform-unknown': 'error',
  'code-unknown': 'error',
  'name-mismatch': 'error',
  'official-missing': 'error',
  'sources-missing': 'error',
  'source-url-missing': 'warning',
  'retry-fix-not-safe': 'error',
  'review-missing': 'notice',
  'escalation-missing': 'error',
  'related-unknown': 'warning',
  'cause-without-fix': 'warning',
  'procedure-unknown': 'error',
  'fix-why-missing': 'error',
  'fix-verify-missing': 'error',
  'fix-platforms-missing': 'error',
  'fix-attribute-missing': 'error',
  'fix-undo-missing': 'error',
  'fix-platform-outside-applies-to': 'error',
  'windows-path': 'error',
  'bare-command': 'error',
  'command-unknown': 'error',
  'command-platform': 'error',
  'destructive-command': 'error',
  'destructive-before-reversible': 'error',
  'platform-support-unstated': 'error',
  'platform-support-date-wrong': 'error',
  'platform-support-ending': 'warning',
} as const satisfies Record<string, LintLevel>;

export type LintRuleId = keyof typeof LINT_RULES;

/** Where every rule function sends what it finds; `path` dotted (`fixes.2.verify`). */
export type Report = (rule: LintRuleId, path: string, message: string) => void;

/** Whether a problem keeps content from shipping. */
export const blocksShipping = (problem: { level: LintLevel }): boolean =>
  problem.level !== 'notice';
