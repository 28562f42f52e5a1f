import type { InlineFix } from '../articles/schema.js';

/**
 * The troubleshooting session's state as plain data: which code it walks (and which codes it
 * jumped to on the way), the chosen platform, and every answer in order. Everything a page
 * shows is derived from it and the current leg's subject (walk-machine.ts), so the state stays
 * small, serialisable and the same for the web, the API and the CLI.
 */

export const ANSWERS = ['fixed', 'still-failing', 'could-not'] as const;
export type Answer = (typeof ANSWERS)[number];

/** Why a person could not do a step (all optional: "could not" alone is an answer too). */
export const COULD_NOT_REASONS = ['no-admin', 'command-failed', 'other'] as const;
export type CouldNotReason = (typeof COULD_NOT_REASONS)[number];

/** One code on the path: the walk starts with one leg and adds one per jump to a new code. */
export interface Leg {
  product: string;
  code: string;
  /**
   * The fix to show first on this leg, when the walk was started for it (a finding of the
   * diagnostic report): it leads, the others follow in their usual order.
   */
  startFix?: string;
}

export interface StepRecord {
  /** The leg (index into `path`) the fix belongs to. */
  leg: number;
  fixId: string;
  answer: Answer;
  reason?: CouldNotReason;
  /** What a failed command printed, as the person pasted it (bounded by the caller). */
  message?: string;
  /** The canonical code found in `message`, when there was one. */
  decodedCode?: string;
}

export type WalkStatus = 'choose-platform' | 'in-progress' | 'fixed' | 'exhausted';

export interface WalkState {
  status: WalkStatus;
  platform?: string;
  path: Leg[];
  steps: StepRecord[];
}

/**
 * What one leg walks: an article's fixes (in the editor's order, or as outcomes reordered
 * them), or, for a code without an article or a platform the article does not cover, the
 * family's general fixes.
 */
export interface WalkSubject {
  product: string;
  code: string;
  source:
    | { kind: 'article'; title: string }
    | {
        kind: 'family';
        familyId?: string;
        title: string;
        why: 'no-article' | 'platform-not-covered';
      };
  /** The platforms the subject covers; [] means every platform. */
  appliesTo: readonly string[];
  fixes: readonly InlineFix[];
  /** Markdown: when to stop and whom to ask (the article's escalation section). */
  escalation?: string;
}
