import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Composed } from '../compose.js';
import { composeForTest } from '../test-support/compose-for-test.js';
import { answerTroubleshootingStep } from './answer-troubleshooting-step.js';
import type { AppDeps } from './deps.js';
import { getTroubleshootingSession } from './get-troubleshooting-session.js';
import { OutcomeRateLimit } from './outcome-rate-limit.js';
import { recordFixOutcome } from './record-fix-outcome.js';
import { startTroubleshooting } from './start-troubleshooting.js';

const PT = { product: 'windows-update', code: '0x80244001' };
let composed: Composed;
let deps: AppDeps;
let now: Date;

beforeEach(async () => {
  composed = await composeForTest();
  now = new Date('2026-11-26T10:00:00.000Z');
  deps = { ...composed.deps, clock: { now: () => now } };
  deps.outcomeLimit = new OutcomeRateLimit(deps.clock, 1000);
});
afterEach(() => composed.close());

const start = (platform?: string) =>
  startTroubleshooting(deps, { ...PT, ...(platform ? { platform } : {}) }, 'client');
const show = (id: string) => getTroubleshootingSession(deps, id);

async function answerShown(
  id: string,
  answer: 'fixed' | 'still-failing' | 'could-not',
  extra = {},
) {
  const { view } = await show(id);
  if (view.kind !== 'step') throw new Error(`no step open: ${view.kind}`);
  return answerTroubleshootingStep(deps, id, {
    kind: 'answer',
    step: view.step,
    fixId: view.fix.id,
    answer,
    ...extra,
  });
}

describe('troubleshooting use cases', () => {
  it('starts with the platform question and unguessable, distinct ids', async () => {
    const a = await start();
    const b = await start();
    expect(a.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(a.id).not.toBe(b.id);
    expect((await show(a.id)).view).toEqual({ kind: 'choose-platform' });
  });

  it.each([
    [{ product: 'nope', code: '0x80244001' }, 'unknown_product'],
    [{ product: 'windows-update', code: '80244001' }, 'invalid_request'],
    [{ product: 'windows-update', code: '0x80244001', platform: 'amiga' }, 'invalid_request'],
  ])('refuses %j with %s', async (input, code) => {
    await expect(startTroubleshooting(deps, input, 'client')).rejects.toMatchObject({ code });
  });

  it('walks 0x80244001 on Windows 11 to "fixed", counting each answered fix once', async () => {
    const { id } = await start();
    await answerTroubleshootingStep(deps, id, { kind: 'platform', platform: 'windows-11' });
    expect((await show(id)).view).toMatchObject({
      kind: 'step',
      fix: { id: 'restart-and-check' },
      position: 1,
      of: 7,
    });
    await answerShown(id, 'still-failing');
    await answerShown(id, 'could-not', { reason: 'no-admin' });
    await answerShown(id, 'fixed');
    const shown = await show(id);
    expect(shown.view).toMatchObject({ kind: 'fixed', by: { fixId: 'reregister-msxml3' } });
    expect(shown.summary).toContain('error 0x80244001');
    expect(shown.summary).toContain('Platform: Windows 11');
    expect(shown.summary).toContain(
      'Repair the component store and the system files, MSXML included: could not do this step (no administrator rights)',
    );
    expect(
      await deps.outcomes.outcomeTallies('windows-update', '0x80244001', 'windows-11'),
    ).toEqual(
      new Map([
        ['restart-and-check', { fixed: 0, stillFailing: 1, couldNotDo: 0 }],
        ['repair-system-files', { fixed: 0, stillFailing: 0, couldNotDo: 1 }],
        ['reregister-msxml3', { fixed: 1, stillFailing: 0, couldNotDo: 0 }],
      ]),
    );
  });

  it('walks to "exhausted" with the article\'s escalation when every fix fails (Windows 7 skips DISM, gets SFC alone)', async () => {
    const { id } = await start('windows-7');
    const seen: string[] = [];
    for (;;) {
      const { view } = await show(id);
      if (view.kind !== 'step') break;
      seen.push(view.fix.id);
      await answerShown(id, 'still-failing');
    }
    const shown = await show(id);
    expect(shown.view.kind).toBe('exhausted');
    expect(seen).not.toContain('repair-system-files');
    expect(seen).toContain('sfc-scannow');
    expect(seen).toHaveLength(7);
    expect(shown.subject.escalation).toBeTruthy();
    expect(shown.summary).toContain('Result: not fixed');
  });

  it('records an answer posted twice at once only once', async () => {
    const { id } = await start('windows-11');
    const answer = {
      kind: 'answer' as const,
      step: 0,
      fixId: 'restart-and-check',
      answer: 'still-failing' as const,
    };
    const results = await Promise.all([
      answerTroubleshootingStep(deps, id, answer),
      answerTroubleshootingStep(deps, id, answer),
    ]);
    expect(results.map((r) => r.recorded).sort()).toEqual([false, true]);
    expect((await show(id)).session.state.steps).toHaveLength(1);
    expect(
      (await deps.outcomes.outcomeTallies(PT.product, PT.code, 'windows-11')).get(
        'restart-and-check',
      ),
    ).toEqual({
      fixed: 0,
      stillFailing: 1,
      couldNotDo: 0,
    });
    // A reload posting it again later is recorded once too.
    expect(await answerTroubleshootingStep(deps, id, answer)).toEqual({ recorded: false });
  });

  it("jumps to the code in a failed command's message, keeping the path", async () => {
    const { id } = await start('windows-11');
    await answerShown(id, 'could-not', {
      reason: 'command-failed',
      message: 'Error: 0x80070005 Access is denied.',
    });
    const shown = await show(id);
    expect(shown.session.state.path.map((l) => l.code)).toEqual(['0x80244001', '0x80070005']);
    expect(shown.subject).toMatchObject({ code: '0x80070005', source: { kind: 'article' } });
    expect(shown.session.state.steps[0]).toMatchObject({
      decodedCode: '0x80070005',
      reason: 'command-failed',
    });
    expect(shown.summary).toContain('Codes seen on the way: 0x80244001 -> 0x80070005');
  });

  it("walks the family's general fixes for a typed code without an article", async () => {
    const { id } = await start('windows-11');
    await answerShown(id, 'still-failing', { newCode: '0x80244002' });
    const shown = await show(id);
    expect(shown.subject.source).toMatchObject({
      kind: 'family',
      familyId: 'wu-pt',
      why: 'no-article',
    });
    expect(shown.view).toMatchObject({ kind: 'step', fix: { id: 'check-service-startup-types' } });
    for (let i = 0; i < 6; i++) await answerShown(id, 'still-failing');
    expect((await show(id)).view.kind).toBe('exhausted');
    // General fixes have no article to rank in: only the article's fix was counted.
    expect((await deps.outcomes.outcomeTallies(PT.product, '0x80244002', 'windows-11')).size).toBe(
      0,
    );
  });

  it('says so and offers the general fixes on a platform the article does not cover', async () => {
    const { id } = await start('windows-server-2022');
    const shown = await show(id);
    expect(shown.subject.source).toMatchObject({
      kind: 'family',
      familyId: 'wu-pt',
      why: 'platform-not-covered',
    });
    // The bundled procedures name client Windows only, so none applies on a server: the walk
    // ends at once with the escalation (the page links the family's "What generally helps").
    expect(shown.subject.fixes.map((f) => f.id)).toEqual([
      'check-service-startup-types',
      'repair-system-files',
      'reset-winhttp-proxy',
      'clean-boot',
      'clear-bits-jobs-in-error',
      'reset-windows-update-components',
    ]);
    expect(shown.view.kind).toBe('exhausted');
  });

  it('answers session_not_found for an unknown id and session_expired after 30 days', async () => {
    await expect(show('AAAAAAAAAAAAAAAAAAAAAA')).rejects.toMatchObject({
      code: 'session_not_found',
    });
    await expect(show('../etc/passwd')).rejects.toMatchObject({ code: 'session_not_found' });
    const { id } = await start('windows-11');
    now = new Date(now.getTime() + 30 * 24 * 3600 * 1000 - 1);
    await expect(show(id)).resolves.toBeDefined();
    now = new Date(now.getTime() + 1);
    await expect(show(id)).rejects.toMatchObject({ code: 'session_expired' });
    await expect(answerShown(id, 'fixed')).rejects.toMatchObject({ code: 'session_expired' });
  });

  it('refuses a message that is too long, and a step that is not shown', async () => {
    const { id } = await start('windows-11');
    await expect(answerShown(id, 'could-not', { message: 'x'.repeat(2001) })).rejects.toMatchObject(
      { code: 'invalid_request' },
    );
    await expect(
      answerTroubleshootingStep(deps, id, {
        kind: 'answer',
        step: 0,
        fixId: 'sfc-scannow',
        answer: 'fixed',
      }),
    ).rejects.toMatchObject({ code: 'invalid_request' });
    expect((await show(id)).session.state.steps).toHaveLength(0);
  });
});

describe('"Did this fix it?" on the article page', () => {
  const input = { ...PT, fixId: 'reset-winhttp-proxy', platform: 'windows-10', answer: 'fixed' };

  it('counts one answer per source and fix', async () => {
    const first = await recordFixOutcome(deps, input, 'client');
    expect(first.recorded).toBe(true);
    expect(
      await recordFixOutcome(deps, { ...input, sourceId: first.sourceId }, 'client'),
    ).toMatchObject({ recorded: false });
    expect(await recordFixOutcome(deps, input, 'client')).toMatchObject({ recorded: true });
    expect(
      (await deps.outcomes.outcomeTallies(PT.product, PT.code, 'windows-10')).get(
        'reset-winhttp-proxy',
      )?.fixed,
    ).toBe(2);
  });

  it.each([
    [{ answer: 'maybe' }, 'invalid_request'],
    [{ fixId: 'no-such-fix' }, 'not_found'],
    [{ platform: 'amiga' }, 'invalid_request'],
    [{ fixId: 'repair-system-files', platform: 'windows-7' }, 'invalid_request'],
    [{ code: '0x80244002' }, 'not_found'],
  ])('refuses %j with %s, storing nothing', async (change, code) => {
    await expect(recordFixOutcome(deps, { ...input, ...change }, 'client')).rejects.toMatchObject({
      code,
    });
    expect((await deps.outcomes.outcomeTallies(PT.product, PT.code, 'windows-10')).size).toBe(0);
  });

  it('is rate-limited per client within the window', async () => {
    deps.outcomeLimit = new OutcomeRateLimit(deps.clock, 2, 60_000);
    await recordFixOutcome(deps, input, 'a');
    await recordFixOutcome(deps, input, 'a');
    await expect(recordFixOutcome(deps, input, 'a')).rejects.toMatchObject({
      code: 'rate_limited',
    });
    await expect(recordFixOutcome(deps, input, 'b')).resolves.toMatchObject({ recorded: true });
    now = new Date(now.getTime() + 60_000);
    await expect(recordFixOutcome(deps, input, 'a')).resolves.toMatchObject({ recorded: true });
  });
});
