import { readNotation } from '../core/codes/read-notation.js';
import { DomainError } from '../core/errors.js';
import { codeInMessage } from '../core/troubleshoot/message-code.js';
import {
  answerStep,
  choosePlatform,
  currentLeg,
  settle,
} from '../core/troubleshoot/walk-machine.js';
import type { Answer, CouldNotReason, WalkState } from '../core/troubleshoot/walk.js';
import type { AppDeps } from './deps.js';
import { liveSession } from './get-troubleshooting-session.js';
import { checkPlatform } from './start-troubleshooting.js';
import { loadWalkSubject, type SubjectDeps } from './walk-subject.js';

/** What a pasted message may hold: enough for any error line, not a whole log. */
export const MAX_MESSAGE_LENGTH = 2000;

export type SessionInput =
  | { kind: 'platform'; platform: string }
  | {
      kind: 'answer';
      step: number;
      fixId: string;
      answer: Answer;
      reason?: CouldNotReason;
      message?: string;
      /** "It now says …": any notation the person typed. */
      newCode?: string;
    };

export type AnswerDeps = Pick<AppDeps, 'sessions' | 'clock' | 'registry' | 'unitOfWork'> &
  SubjectDeps;

/**
 * Records one answer of a walk-through. The session's save is a compare-and-set on its number
 * of answers, and the fix's outcome is written in the same unit of work: an answer posted twice
 * (a double click, a reload, two tabs) changes the session once and counts once.
 * Returns `recorded: false` for such a repeat; the caller shows the session as it is.
 */
export async function answerTroubleshootingStep(
  deps: AnswerDeps,
  id: string,
  input: SessionInput,
): Promise<{ recorded: boolean }> {
  const session = await liveSession(deps, id);
  const at = deps.clock.now().toISOString();
  const before = session.state;
  const leg = before.path[currentLeg(before)]!;

  if (input.kind === 'platform') {
    checkPlatform(deps, leg.product, input.platform);
    const state = choosePlatform(before, input.platform);
    if (state === before) return { recorded: false };
    return { recorded: await deps.sessions.saveSession(id, state, before.steps.length, at) };
  }

  if (input.message !== undefined && input.message.length > MAX_MESSAGE_LENGTH) {
    throw new DomainError(
      'invalid_request',
      `the message is ${input.message.length} characters long; paste at most ${MAX_MESSAGE_LENGTH} (the line with the error is enough)`,
    );
  }
  const message = input.message?.trim();
  const decodedCode = message ? codeInMessage(message, deps.catalog) : undefined;
  const typed = input.newCode?.trim() ? readNewCode(input.newCode.trim(), deps) : undefined;
  // A code typed as "it now says" wins; else a code in what a failed command printed.
  const jumpTo = typed ?? decodedCode;

  const { subject } = await loadWalkSubject(deps, leg, before.platform);
  const result = answerStep(before, subject, {
    step: input.step,
    fixId: input.fixId,
    answer: input.answer,
    ...(input.reason ? { reason: input.reason } : {}),
    ...(message ? { message } : {}),
    ...(decodedCode ? { decodedCode } : {}),
    ...(jumpTo && input.answer !== 'fixed'
      ? { newCode: { product: leg.product, code: jumpTo } }
      : {}),
  });
  if (result.kind === 'duplicate') return { recorded: false };
  if (result.kind === 'refused') throw new DomainError('invalid_request', result.reason);

  let state: WalkState = result.state;
  if (state.path.length > before.path.length) {
    const next = await loadWalkSubject(deps, state.path[currentLeg(state)]!, state.platform);
    state = settle(state, next.subject);
  }
  const platform = before.platform;
  return deps.unitOfWork.run(async (tx) => {
    const saved = await tx.sessions.saveSession(id, state, before.steps.length, at);
    // Outcomes count for an article's own fixes; general fixes have no article to rank in.
    if (saved && subject.source.kind === 'article' && platform !== undefined) {
      await tx.outcomes.recordOutcome({
        sourceId: id,
        product: leg.product,
        code: leg.code,
        fixId: input.fixId,
        platform,
        answer: input.answer,
        at,
      });
    }
    return { recorded: saved };
  });
}

/** The one code a person typed, canonical; a clear error when it reads as none or several. */
function readNewCode(text: string, deps: Pick<AppDeps, 'catalog'>): string {
  const read = readNotation(text, deps.catalog);
  const first = read.ok ? read.value[0] : undefined;
  if (first === undefined) {
    throw new DomainError(
      'invalid_notation',
      `"${text}" does not read as an error code; type it as shown, e.g. 0x80070005`,
    );
  }
  return first.code;
}
