import type { InlineFix } from '../articles/schema.js';
import type { Answer, CouldNotReason, Leg, StepRecord, WalkState, WalkSubject } from './walk.js';

/**
 * The step machine of a walk-through. Pure: every function takes a state and returns a new one
 * (or a view of it); loading a leg's subject is the caller's job, because it reads storage.
 */

export const startWalk = (leg: Leg, platform?: string): WalkState =>
  platform === undefined
    ? { status: 'choose-platform', path: [leg], steps: [] }
    : { status: 'in-progress', platform, path: [leg], steps: [] };

export function choosePlatform(state: WalkState, platform: string): WalkState {
  if (state.status !== 'choose-platform') return state;
  return { ...state, status: 'in-progress', platform };
}

/** Does a fix apply on this platform? A fix that names no platforms applies on all. */
export const appliesOn = (fix: Pick<InlineFix, 'platforms'>, platform: string): boolean =>
  fix.platforms === undefined || fix.platforms.length === 0 || fix.platforms.includes(platform);

/** Does the subject cover the platform at all? ([] covers every platform.) */
export const covers = (subject: Pick<WalkSubject, 'appliesTo'>, platform: string): boolean =>
  subject.appliesTo.length === 0 || subject.appliesTo.includes(platform);

export const currentLeg = (state: WalkState): number => state.path.length - 1;

/** The fixes of the current leg that apply on the platform, in the subject's order. */
export function applicableFixes(subject: WalkSubject, platform: string): InlineFix[] {
  return subject.fixes.filter((fix) => appliesOn(fix, platform));
}

/** The fixes with the one asked to start with first (when it is among them). */
function leadWith(fixes: InlineFix[], startFix: string | undefined): InlineFix[] {
  const first = fixes.findIndex((fix) => fix.id === startFix);
  if (first <= 0) return fixes;
  return [fixes[first]!, ...fixes.slice(0, first), ...fixes.slice(first + 1)];
}

/** Fix ids already answered on this leg. */
const triedOnLeg = (state: WalkState, leg: number): Set<string> =>
  new Set(state.steps.filter((s) => s.leg === leg).map((s) => s.fixId));

export type WalkView =
  | { kind: 'choose-platform' }
  | { kind: 'step'; step: number; fix: InlineFix; position: number; of: number }
  | { kind: 'fixed'; by: StepRecord }
  | { kind: 'exhausted' };

/**
 * What to show now. `subject` is the current leg's subject, its fixes already ordered. The
 * step number is the count of answers so far: a form carries it, so an answer posted twice
 * (a double click, a reload) names a step that is already answered and is recorded once.
 */
export function viewOf(state: WalkState, subject: WalkSubject): WalkView {
  if (state.status === 'choose-platform' || state.platform === undefined)
    return { kind: 'choose-platform' };
  if (state.status === 'fixed') {
    const by = state.steps[state.steps.length - 1];
    if (by) return { kind: 'fixed', by };
  }
  const fixes = leadWith(
    applicableFixes(subject, state.platform),
    state.path[currentLeg(state)]?.startFix,
  );
  const tried = triedOnLeg(state, currentLeg(state));
  const next = fixes.findIndex((fix) => !tried.has(fix.id));
  const fix = fixes[next];
  if (state.status === 'exhausted' || fix === undefined) return { kind: 'exhausted' };
  return { kind: 'step', step: state.steps.length, fix, position: next + 1, of: fixes.length };
}

export interface StepAnswer {
  /** The step number the form showed (see `viewOf`). */
  step: number;
  fixId: string;
  answer: Answer;
  reason?: CouldNotReason;
  message?: string;
  /** The canonical code found in the message (the caller decodes it with the catalog). */
  decodedCode?: string;
  /** "It now says 0x80070005": walk that code next, keeping the path. */
  newCode?: Leg;
}

export type AnswerResult =
  | { kind: 'recorded'; state: WalkState; record: StepRecord }
  /** The step was answered already: nothing changes. */
  | { kind: 'duplicate'; state: WalkState }
  | { kind: 'refused'; reason: string };

/** Records one answer to the step now shown, and moves the walk on. */
export function answerStep(
  state: WalkState,
  subject: WalkSubject,
  input: StepAnswer,
): AnswerResult {
  if (input.step < state.steps.length) return { kind: 'duplicate', state };
  if (input.step > state.steps.length)
    return {
      kind: 'refused',
      reason: `step ${input.step} has not been reached; the walk is at step ${state.steps.length}`,
    };
  const view = viewOf(state, subject);
  if (view.kind !== 'step')
    return {
      kind: 'refused',
      reason: `this walk-through is ${view.kind === 'choose-platform' ? 'waiting for a platform' : 'finished'}; no step is open`,
    };
  if (view.fix.id !== input.fixId)
    return {
      kind: 'refused',
      reason: `step ${input.step} is fix "${view.fix.id}", not "${input.fixId}"`,
    };

  const record: StepRecord = { leg: currentLeg(state), fixId: input.fixId, answer: input.answer };
  if (input.answer === 'could-not' && input.reason !== undefined) record.reason = input.reason;
  if (input.message !== undefined && input.message !== '') record.message = input.message;
  if (input.decodedCode !== undefined) record.decodedCode = input.decodedCode;

  const steps = [...state.steps, record];
  if (input.answer === 'fixed')
    return { kind: 'recorded', record, state: { ...state, steps, status: 'fixed' } };

  const jump = input.newCode;
  const current = state.path[currentLeg(state)];
  if (jump && !(current && current.code === jump.code && current.product === jump.product)) {
    return { kind: 'recorded', record, state: { ...state, steps, path: [...state.path, jump] } };
  }
  const after: WalkState = { ...state, steps };
  const status = viewOf(after, subject).kind === 'exhausted' ? 'exhausted' : 'in-progress';
  return { kind: 'recorded', record, state: { ...after, status } };
}

/**
 * After a jump, the new leg's subject may have nothing for the platform: the walk is then
 * exhausted too. The caller calls this once it has loaded the new leg's subject.
 */
export function settle(state: WalkState, subject: WalkSubject): WalkState {
  if (state.status !== 'in-progress') return state;
  return viewOf(state, subject).kind === 'exhausted' ? { ...state, status: 'exhausted' } : state;
}
