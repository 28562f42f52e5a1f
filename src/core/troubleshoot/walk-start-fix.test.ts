import { describe, expect, it } from 'vitest';
import { answerStep, startWalk, viewOf } from './walk-machine.js';
import type { WalkSubject } from './walk.js';

const subject: WalkSubject = {
  product: 'windows-update',
  code: '0x80072EFD',
  source: { kind: 'article', title: 'T' },
  appliesTo: [],
  fixes: ['restart', 'reset-winhttp-proxy', 'allow-endpoints'].map((id) => ({
    id,
    title: id,
    actions: [{ step: 'do it' }],
  })),
};

describe('a walk started at a fix', () => {
  it('shows that fix first, then the others in their order', () => {
    let state = startWalk(
      { product: 'windows-update', code: '0x80072EFD', startFix: 'reset-winhttp-proxy' },
      'windows-11',
    );
    const seen: string[] = [];
    for (let i = 0; i < 3; i++) {
      const view = viewOf(state, subject);
      if (view.kind !== 'step') throw new Error(view.kind);
      seen.push(view.fix.id);
      const result = answerStep(state, subject, {
        step: view.step,
        fixId: view.fix.id,
        answer: 'still-failing',
      });
      if (result.kind !== 'recorded') throw new Error(result.kind);
      state = result.state;
    }
    expect(seen).toEqual(['reset-winhttp-proxy', 'restart', 'allow-endpoints']);
    expect(viewOf(state, subject).kind).toBe('exhausted');
  });

  it('ignores a start fix the leg does not have', () => {
    const state = startWalk(
      { product: 'windows-update', code: '0x80072EFD', startFix: 'gone' },
      'windows-11',
    );
    const view = viewOf(state, subject);
    expect(view.kind === 'step' && view.fix.id).toBe('restart');
  });
});
