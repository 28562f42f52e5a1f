import type { SessionResponse } from '../../app/troubleshoot-responses.js';
import type { StepAnswer } from '../../core/troubleshoot/walk-machine.js';
import type { Leg } from '../../core/troubleshoot/walk.js';
import type { SessionApi } from './session-api-client.js';

/** One answer of the terminal walk, as it is shared. */
export type SharedAnswer = Omit<StepAnswer, 'newCode' | 'decodedCode'> & {
  /** The code the error shows now (canonical), when the person gave one or pasted one. */
  seenCode?: string;
};

/** Where the terminal walk's answers go besides the screen. */
export interface OutcomeSharing {
  /** The platform is known and the walk begins. */
  start(leg: Leg, platform: string): Promise<void>;
  share(answer: SharedAnswer): Promise<void>;
  /** The walk reached an end state: says what became of the answers. */
  finish(): void;
  /** For "input ended…": what was recorded so far, or undefined for nothing. */
  recordedSoFar(): string | undefined;
}

/** Without --share-outcome: nothing leaves the terminal, nothing is said about it. */
export const SHARE_NOTHING: OutcomeSharing = {
  start: () => Promise.resolve(),
  share: () => Promise.resolve(),
  finish: () => {},
  recordedSoFar: () => undefined,
};

const plural = (n: number) => (n === 1 ? '1 answer' : `${n} answers`);

/**
 * `--share-outcome <server>`: the walk starts a session on that server and posts each answer
 * to it, so the server counts them as it counts its web walk-throughs. The walk itself stays
 * the terminal's: a server that cannot be reached, refuses, or shows another fix at a step
 * (its articles or outcomes differ from the local database's) stops the sharing, said once
 * on stderr, and the walk goes on. Nothing is retried: an answer the server missed would make
 * it refuse every later one.
 */
export function shareOutcomes(api: SessionApi, notify: (line: string) => void): OutcomeSharing {
  const server = api.server;
  let session: SessionResponse | undefined;
  let shared = 0;
  let stopped: string | undefined = 'the walk did not start';

  const stop = (why: string) => {
    stopped = why;
    notify(`erratlas fix: ${why}; the walk goes on without sharing`);
  };

  return {
    async start(leg, platform) {
      const started = await api.startSession({
        product: leg.product,
        code: leg.code,
        platform,
        ...(leg.startFix === undefined ? {} : { fix: leg.startFix }),
      });
      if (!started.ok)
        return stop(`the outcome cannot be shared with ${server}: ${started.reason}`);
      session = started.value;
      stopped = undefined;
      notify(`erratlas fix: sharing each answer with ${server} (session ${server}${session.url})`);
    },
    async share(answer) {
      if (stopped !== undefined || session === undefined) return;
      const number = answer.step + 1;
      const expected = session.current;
      if (expected?.step !== answer.step || expected.fix.id !== answer.fixId) {
        return stop(
          `answer ${number} is not shared: ${server} shows ${expected ? `"${expected.fix.id}"` : 'no fix'} at this step, not "${answer.fixId}" (its articles or outcomes differ from this database's)`,
        );
      }
      const posted = await api.postOutcome(session.id, {
        step: answer.step,
        fix: answer.fixId,
        answer: answer.answer,
        ...(answer.reason === undefined ? {} : { reason: answer.reason }),
        ...(answer.message === undefined ? {} : { message: answer.message }),
        ...(answer.seenCode === undefined ? {} : { newCode: answer.seenCode }),
      });
      if (!posted.ok)
        return stop(`answer ${number} was not shared with ${server}: ${posted.reason}`);
      session = posted.value.session;
      shared += 1;
    },
    finish() {
      if (stopped === undefined) notify(`erratlas fix: ${plural(shared)} shared with ${server}`);
      else if (shared > 0)
        notify(`erratlas fix: ${plural(shared)} shared with ${server} before sharing stopped`);
      else notify(`erratlas fix: the outcome was not shared with ${server}`);
    },
    recordedSoFar: () =>
      shared === 0 ? undefined : `${plural(shared)} shared with ${server}, nothing else recorded`,
  };
}
