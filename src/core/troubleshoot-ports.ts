import type { FixTally } from './troubleshoot/fix-estimate.js';
import type { Answer, WalkState } from './troubleshoot/walk.js';

/**
 * Ports of the troubleshooter: walk-through sessions kept server-side, and the outcomes of
 * fixes counted per article, fix and platform. No address or other personal data reaches
 * them: a session is known by its random id, an outcome by the random id of where it came
 * from (a session, or one "Did this fix it?" answer on an article page).
 */

export interface StoredSession {
  /** Random, unguessable (base64url of 128 bits from the wiring's random source). */
  id: string;
  state: WalkState;
  createdAt: string;
  updatedAt: string;
  /** After this instant the session answers `session_expired`. */
  expiresAt: string;
}

export interface SessionStore {
  createSession(session: StoredSession): Promise<void>;
  getSession(id: string): Promise<StoredSession | undefined>;
  /**
   * Saves `state` only if the stored state still has `expectedSteps` answers (compare and
   * set): false when another request saved first, so an answer posted twice is kept once.
   */
  saveSession(id: string, state: WalkState, expectedSteps: number, at: string): Promise<boolean>;
  /** Deletes the sessions that expired before `now`; returns how many. */
  deleteExpiredSessions(now: string): Promise<number>;
}

export interface OutcomeKey {
  product: string;
  code: string;
  fixId: string;
  platform: string;
}

export interface FixOutcome extends OutcomeKey {
  /** Where the answer came from (a session id, or a one-off id): one outcome per source and fix. */
  sourceId: string;
  answer: Answer;
  at: string;
}

export interface OutcomeStore {
  /** `recorded: false` when this source already gave an outcome for this fix (it counts once). */
  recordOutcome(outcome: FixOutcome): Promise<{ recorded: boolean }>;
  /** The tallies of an article's fixes on one platform, by fix id; a fix never answered is absent. */
  outcomeTallies(product: string, code: string, platform: string): Promise<Map<string, FixTally>>;
  /**
   * How many times a fix of each article worked ("fixed" answers, all fixes and platforms), by
   * `<product>/<code>`; an article with none is absent. Search breaks ties with it.
   */
  fixedCounts(articles: readonly { product: string; code: string }[]): Promise<Map<string, number>>;
}

/** Random bytes, from the wiring (node:crypto), so ids are unguessable and tests can fix them. */
export interface RandomSource {
  bytes(count: number): Uint8Array;
}
