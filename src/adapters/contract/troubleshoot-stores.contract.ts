import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { UnitOfWork } from '../../core/ports.js';
import type { WalkState } from '../../core/troubleshoot/walk.js';
import type {
  FixOutcome,
  OutcomeStore,
  SessionStore,
  StoredSession,
} from '../../core/troubleshoot-ports.js';

export interface TroubleshootStorage {
  sessions: SessionStore;
  outcomes: OutcomeStore;
  unitOfWork: UnitOfWork;
  close(): Promise<void>;
}

const state = (steps: number): WalkState => ({
  status: 'in-progress',
  platform: 'windows-11',
  path: [{ product: 'windows-update', code: '0x80244001' }],
  steps: Array.from({ length: steps }, (_, i) => ({
    leg: 0,
    fixId: `fix-${i}`,
    answer: 'still-failing' as const,
  })),
});

const session = (id: string, expiresAt = '2026-12-26T10:00:00.000Z'): StoredSession => ({
  id,
  state: state(0),
  createdAt: '2026-11-26T10:00:00.000Z',
  updatedAt: '2026-11-26T10:00:00.000Z',
  expiresAt,
});

const outcome = (
  sourceId: string,
  fixId: string,
  answer: FixOutcome['answer'],
  platform = 'windows-11',
): FixOutcome => ({
  sourceId,
  product: 'windows-update',
  code: '0x80244001',
  fixId,
  platform,
  answer,
  at: '2026-11-26T10:00:00.000Z',
});

/** The behaviour every SessionStore and OutcomeStore adapter must have, on fresh storage. */
export function describeTroubleshootStoresContract(
  name: string,
  open: () => TroubleshootStorage,
): void {
  describe(`SessionStore and OutcomeStore contract: ${name}`, () => {
    let storage: TroubleshootStorage;
    beforeEach(() => {
      storage = open();
    });
    afterEach(() => storage.close());

    it('keeps a session whole and gives it back by id', async () => {
      await storage.sessions.createSession({ ...session('s1'), state: state(2) });
      expect(await storage.sessions.getSession('s1')).toEqual({
        ...session('s1'),
        state: state(2),
      });
      expect(await storage.sessions.getSession('nope')).toBeUndefined();
    });

    it('refuses a second session with the same id', async () => {
      await storage.sessions.createSession(session('s1'));
      await expect(storage.sessions.createSession(session('s1'))).rejects.toThrow();
    });

    it('saves a state only over the number of answers it was made from', async () => {
      await storage.sessions.createSession(session('s1'));
      expect(
        await storage.sessions.saveSession('s1', state(1), 0, '2026-11-26T11:00:00.000Z'),
      ).toBe(true);
      // The same answer posted again was made from 0 answers too: not saved.
      expect(
        await storage.sessions.saveSession('s1', state(1), 0, '2026-11-26T11:00:01.000Z'),
      ).toBe(false);
      expect(
        await storage.sessions.saveSession('nope', state(1), 0, '2026-11-26T11:00:00.000Z'),
      ).toBe(false);
      const stored = await storage.sessions.getSession('s1');
      expect(stored?.state).toEqual(state(1));
      expect(stored?.updatedAt).toBe('2026-11-26T11:00:00.000Z');
    });

    it('deletes only the sessions that have expired', async () => {
      await storage.sessions.createSession(session('old', '2026-11-01T00:00:00.000Z'));
      await storage.sessions.createSession(session('new', '2026-12-26T00:00:00.000Z'));
      expect(await storage.sessions.deleteExpiredSessions('2026-11-26T00:00:00.000Z')).toBe(1);
      expect(await storage.sessions.getSession('old')).toBeUndefined();
      expect(await storage.sessions.getSession('new')).toBeDefined();
    });

    it('counts one outcome per source and fix, tallied per platform', async () => {
      expect(await storage.outcomes.recordOutcome(outcome('s1', 'a', 'still-failing'))).toEqual({
        recorded: true,
      });
      expect(await storage.outcomes.recordOutcome(outcome('s1', 'a', 'fixed'))).toEqual({
        recorded: false,
      });
      await storage.outcomes.recordOutcome(outcome('s1', 'b', 'fixed'));
      await storage.outcomes.recordOutcome(outcome('s2', 'a', 'fixed'));
      await storage.outcomes.recordOutcome(outcome('s3', 'a', 'could-not'));
      await storage.outcomes.recordOutcome(outcome('s4', 'a', 'fixed', 'windows-10'));
      expect(
        await storage.outcomes.outcomeTallies('windows-update', '0x80244001', 'windows-11'),
      ).toEqual(
        new Map([
          ['a', { fixed: 1, stillFailing: 1, couldNotDo: 1 }],
          ['b', { fixed: 1, stillFailing: 0, couldNotDo: 0 }],
        ]),
      );
      expect(
        await storage.outcomes.outcomeTallies('windows-update', '0x80244001', 'windows-10'),
      ).toEqual(new Map([['a', { fixed: 1, stillFailing: 0, couldNotDo: 0 }]]));
      expect(
        await storage.outcomes.outcomeTallies('windows-update', '0x80070005', 'windows-11'),
      ).toEqual(new Map());
    });

    it('counts the fixes that worked per article, over every fix and platform', async () => {
      await storage.outcomes.recordOutcome(outcome('s1', 'a', 'fixed'));
      await storage.outcomes.recordOutcome(outcome('s2', 'b', 'fixed', 'windows-10'));
      await storage.outcomes.recordOutcome(outcome('s3', 'a', 'still-failing'));
      await storage.outcomes.recordOutcome(outcome('s4', 'a', 'could-not'));
      await storage.outcomes.recordOutcome({ ...outcome('s5', 'c', 'fixed'), code: '0x80070005' });
      expect(
        await storage.outcomes.fixedCounts([
          { product: 'windows-update', code: '0x80244001' },
          { product: 'windows-update', code: '0x80070002' },
        ]),
      ).toEqual(new Map([['windows-update/0x80244001', 2]]));
      expect(await storage.outcomes.fixedCounts([])).toEqual(new Map());
    });

    it('keeps neither the session save nor the outcome of a unit of work that fails', async () => {
      await storage.sessions.createSession(session('s1'));
      const failure = new Error('late failure');
      await expect(
        storage.unitOfWork.run(async (tx) => {
          await tx.sessions.saveSession('s1', state(1), 0, '2026-11-26T11:00:00.000Z');
          await tx.outcomes.recordOutcome(outcome('s1', 'fix-0', 'still-failing'));
          throw failure;
        }),
      ).rejects.toBe(failure);
      expect((await storage.sessions.getSession('s1'))?.state).toEqual(state(0));
      expect(
        await storage.outcomes.outcomeTallies('windows-update', '0x80244001', 'windows-11'),
      ).toEqual(new Map());
    });

    it('keeps both writes of a unit of work that resolves', async () => {
      await storage.sessions.createSession(session('s1'));
      await storage.unitOfWork.run(async (tx) => {
        await tx.sessions.saveSession('s1', state(1), 0, '2026-11-26T11:00:00.000Z');
        await tx.outcomes.recordOutcome(outcome('s1', 'fix-0', 'still-failing'));
      });
      expect((await storage.sessions.getSession('s1'))?.state).toEqual(state(1));
      expect(
        await storage.outcomes.outcomeTallies('windows-update', '0x80244001', 'windows-11'),
      ).toEqual(new Map([['fix-0', { fixed: 0, stillFailing: 1, couldNotDo: 0 }]]));
    });
  });
}
