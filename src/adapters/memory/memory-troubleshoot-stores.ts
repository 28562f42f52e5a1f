import type { FixTally } from '../../core/troubleshoot/fix-estimate.js';
import type { WalkState } from '../../core/troubleshoot/walk.js';
import type {
  FixOutcome,
  OutcomeStore,
  SessionStore,
  StoredSession,
} from '../../core/troubleshoot-ports.js';
import type { Access } from '../transaction-gate.js';
import { emptyMemoryState, type MemoryState } from './memory-state.js';

/** In-process sessions; copies go in and out, so a caller never edits the stored value. */
export class MemorySessionStore implements SessionStore {
  constructor(
    private readonly state: MemoryState = emptyMemoryState(),
    private readonly access: Access = state.gate.outside,
  ) {}

  bind(access: Access): MemorySessionStore {
    return new MemorySessionStore(this.state, access);
  }

  private get sessions() {
    return this.state.data.sessions;
  }

  createSession(session: StoredSession): Promise<void> {
    return this.access(() => {
      if (this.sessions.has(session.id)) throw new Error(`session ${session.id} exists already`);
      this.sessions.set(session.id, structuredClone(session));
    });
  }

  getSession(id: string): Promise<StoredSession | undefined> {
    return this.access(() => {
      const found = this.sessions.get(id);
      return found && structuredClone(found);
    });
  }

  saveSession(id: string, state: WalkState, expectedSteps: number, at: string): Promise<boolean> {
    return this.access(() => {
      const found = this.sessions.get(id);
      if (!found || found.state.steps.length !== expectedSteps) return false;
      this.sessions.set(id, { ...found, state: structuredClone(state), updatedAt: at });
      return true;
    });
  }

  deleteExpiredSessions(now: string): Promise<number> {
    return this.access(() => {
      let deleted = 0;
      for (const [id, session] of this.sessions)
        if (session.expiresAt < now) {
          this.sessions.delete(id);
          deleted++;
        }
      return deleted;
    });
  }
}

const outcomeKey = (o: FixOutcome): string =>
  JSON.stringify([o.sourceId, o.product, o.code, o.fixId]);

export class MemoryOutcomeStore implements OutcomeStore {
  constructor(
    private readonly state: MemoryState = emptyMemoryState(),
    private readonly access: Access = state.gate.outside,
  ) {}

  bind(access: Access): MemoryOutcomeStore {
    return new MemoryOutcomeStore(this.state, access);
  }

  private get outcomes() {
    return this.state.data.outcomes;
  }

  recordOutcome(outcome: FixOutcome): Promise<{ recorded: boolean }> {
    return this.access(() => {
      const key = outcomeKey(outcome);
      if (this.outcomes.has(key)) return { recorded: false };
      this.outcomes.set(key, { ...outcome });
      return { recorded: true };
    });
  }

  outcomeTallies(product: string, code: string, platform: string): Promise<Map<string, FixTally>> {
    return this.access(() => {
      const found = new Map<string, FixTally>();
      for (const o of this.outcomes.values()) {
        if (o.product !== product || o.code !== code || o.platform !== platform) continue;
        const t = found.get(o.fixId) ?? { fixed: 0, stillFailing: 0, couldNotDo: 0 };
        if (o.answer === 'fixed') t.fixed++;
        else if (o.answer === 'still-failing') t.stillFailing++;
        else t.couldNotDo++;
        found.set(o.fixId, t);
      }
      return found;
    });
  }

  fixedCounts(
    articles: readonly { product: string; code: string }[],
  ): Promise<Map<string, number>> {
    return this.access(() => {
      const wanted = new Set(articles.map((a) => `${a.product}/${a.code}`));
      const found = new Map<string, number>();
      for (const o of this.outcomes.values()) {
        const key = `${o.product}/${o.code}`;
        if (o.answer === 'fixed' && wanted.has(key)) found.set(key, (found.get(key) ?? 0) + 1);
      }
      return found;
    });
  }
}
