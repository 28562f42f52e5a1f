import { describe, expect, it } from 'vitest';
import type { InlineFix } from '../articles/schema.js';
import type { StepAnswer, WalkView } from './walk-machine.js';
import { answerStep, choosePlatform, settle, startWalk, viewOf } from './walk-machine.js';
import type { WalkState, WalkSubject } from './walk.js';

const fix = (id: string, platforms?: string[]): InlineFix => ({
  id,
  title: `Fix ${id}`,
  actions: [{ step: `Do ${id}` }],
  risk: 'safe',
  ...(platforms ? { platforms } : {}),
});

const subject = (code: string, fixes: InlineFix[], appliesTo: string[] = []): WalkSubject => ({
  product: 'windows-update',
  code,
  source: { kind: 'article', title: `Error ${code}` },
  appliesTo,
  fixes,
});

const A = subject('0x80244001', [
  fix('a'),
  fix('b', ['windows-7']),
  fix('c', ['windows-11', 'windows-10']),
]);
const B = subject('0x80070005', [fix('x'), fix('y')]);
const EMPTY = subject('0x80070002', [fix('only-7', ['windows-7'])]);

const leg = (code: string) => ({ product: 'windows-update', code });

/** Applies answers one after another, loading the subject of the current leg from `subjects`. */
function walk(
  platform: string,
  answers: Omit<StepAnswer, 'step'>[],
): { state: WalkState; view: WalkView } {
  const subjects = new Map([A, B, EMPTY].map((s) => [s.code, s]));
  const subjectOf = (state: WalkState) => subjects.get(state.path[state.path.length - 1]!.code)!;
  let state = choosePlatform(startWalk(leg(A.code)), platform);
  for (const answer of answers) {
    const result = answerStep(state, subjectOf(state), { ...answer, step: state.steps.length });
    if (result.kind !== 'recorded') throw new Error(`not recorded: ${JSON.stringify(result)}`);
    state = settle(result.state, subjectOf(result.state));
  }
  return { state, view: viewOf(state, subjectOf(state)) };
}

describe('walk-through step machine', () => {
  it('asks the platform first', () => {
    const state = startWalk(leg(A.code));
    expect(viewOf(state, A)).toEqual({ kind: 'choose-platform' });
    expect(answerStep(state, A, { step: 0, fixId: 'a', answer: 'fixed' }).kind).toBe('refused');
  });

  it.each([
    // platform, fixes shown one at a time in order
    ['windows-11', ['a', 'c']],
    ['windows-7', ['a', 'b']],
    ['windows-8.1', ['a']],
  ])('on %s shows only the fixes that apply: %j', (platform, expected) => {
    const seen: string[] = [];
    let state = choosePlatform(startWalk(leg(A.code)), platform);
    for (;;) {
      const view = viewOf(state, A);
      if (view.kind !== 'step') break;
      expect(view.position).toBe(seen.length + 1);
      expect(view.of).toBe(expected.length);
      seen.push(view.fix.id);
      const result = answerStep(state, A, {
        step: view.step,
        fixId: view.fix.id,
        answer: 'still-failing',
      });
      if (result.kind !== 'recorded') throw new Error('not recorded');
      state = result.state;
    }
    expect(seen).toEqual(expected);
    expect(state.status).toBe('exhausted');
  });

  it.each<[string, Omit<StepAnswer, 'step'>[], WalkState['status'], string]>([
    ['fixed by the first fix', [{ fixId: 'a', answer: 'fixed' }], 'fixed', 'fixed:a'],
    [
      'fixed by the second after one failure',
      [
        { fixId: 'a', answer: 'still-failing' },
        { fixId: 'c', answer: 'fixed' },
      ],
      'fixed',
      'fixed:c',
    ],
    [
      'exhausted when every fix fails',
      [
        { fixId: 'a', answer: 'still-failing' },
        { fixId: 'c', answer: 'still-failing' },
      ],
      'exhausted',
      'exhausted',
    ],
    [
      'exhausted when a step cannot be done and the rest fail',
      [
        { fixId: 'a', answer: 'could-not', reason: 'no-admin' },
        { fixId: 'c', answer: 'still-failing' },
      ],
      'exhausted',
      'exhausted',
    ],
    [
      'a new code jumps to its walk-through, which is then fixed',
      [
        { fixId: 'a', answer: 'still-failing', newCode: leg(B.code) },
        { fixId: 'x', answer: 'still-failing' },
        { fixId: 'y', answer: 'fixed' },
      ],
      'fixed',
      'fixed:y',
    ],
    [
      'a jump to a code with nothing for the platform is exhausted',
      [{ fixId: 'a', answer: 'still-failing', newCode: leg(EMPTY.code) }],
      'exhausted',
      'exhausted',
    ],
    [
      'a "new" code equal to the current one does not jump',
      [
        { fixId: 'a', answer: 'still-failing', newCode: leg(A.code) },
        { fixId: 'c', answer: 'fixed' },
      ],
      'fixed',
      'fixed:c',
    ],
  ])('on windows-11: %s', (_name, answers, status, end) => {
    const { state, view } = walk('windows-11', answers);
    expect(state.status).toBe(status);
    expect(view.kind === 'fixed' ? `fixed:${view.by.fixId}` : view.kind).toBe(end);
    expect(state.steps.map((s) => s.fixId)).toEqual(answers.map((a) => a.fixId));
  });

  it('keeps the path over a jump, and records each step with its leg', () => {
    const { state } = walk('windows-11', [
      {
        fixId: 'a',
        answer: 'could-not',
        reason: 'command-failed',
        message: 'Error 0x80070005',
        decodedCode: '0x80070005',
        newCode: leg(B.code),
      },
      { fixId: 'x', answer: 'fixed' },
    ]);
    expect(state.path.map((l) => l.code)).toEqual([A.code, B.code]);
    expect(state.steps).toEqual([
      {
        leg: 0,
        fixId: 'a',
        answer: 'could-not',
        reason: 'command-failed',
        message: 'Error 0x80070005',
        decodedCode: '0x80070005',
      },
      { leg: 1, fixId: 'x', answer: 'fixed' },
    ]);
  });

  it('drops a reason given with an answer other than "could not"', () => {
    const state = choosePlatform(startWalk(leg(A.code)), 'windows-11');
    const result = answerStep(state, A, {
      step: 0,
      fixId: 'a',
      answer: 'still-failing',
      reason: 'no-admin',
    });
    expect(result.kind).toBe('recorded');
    if (result.kind === 'recorded') expect(result.record).not.toHaveProperty('reason');
  });

  it.each<[string, Partial<StepAnswer>, string]>([
    ['a step already answered is a duplicate', { step: 0 }, 'duplicate'],
    ['a step not reached is refused', { step: 5 }, 'refused'],
    ['another fix than the one shown is refused', { step: 1, fixId: 'a' }, 'refused'],
  ])('%s', (_name, change, kind) => {
    const first = answerStep(choosePlatform(startWalk(leg(A.code)), 'windows-11'), A, {
      step: 0,
      fixId: 'a',
      answer: 'still-failing',
    });
    if (first.kind !== 'recorded') throw new Error('not recorded');
    const again = answerStep(first.state, A, { step: 1, fixId: 'c', answer: 'fixed', ...change });
    expect(again.kind).toBe(kind);
    if (again.kind === 'duplicate') expect(again.state).toBe(first.state);
  });

  it('refuses answers once the walk has ended', () => {
    const { state } = walk('windows-11', [{ fixId: 'a', answer: 'fixed' }]);
    expect(answerStep(state, A, { step: 1, fixId: 'c', answer: 'fixed' }).kind).toBe('refused');
  });
});
