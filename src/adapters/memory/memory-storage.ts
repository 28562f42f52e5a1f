import type { TransactionStores, UnitOfWork } from '../../core/ports.js';
import { MemoryArticleStore } from './memory-article-store.js';
import { MemoryDemandStore } from './memory-demand-store.js';
import { MemorySharedReportStore } from './memory-shared-report-store.js';
import { MemoryOutcomeStore, MemorySessionStore } from './memory-troubleshoot-stores.js';
import { emptyMemoryState, type MemoryData, type MemoryState } from './memory-state.js';

/**
 * A unit of work in memory: the data is copied whole when it begins and put back when the
 * work throws. Fine for tests and tools; the stores are small.
 */
export class MemoryUnitOfWork implements UnitOfWork {
  constructor(private readonly state: MemoryState) {}

  run<T>(work: (tx: TransactionStores) => Promise<T>): Promise<T> {
    let snapshot: MemoryData | undefined;
    return this.state.gate.transaction(
      {
        begin: () => {
          snapshot = structuredClone(this.state.data);
        },
        commit: () => {
          snapshot = undefined;
        },
        rollback: () => {
          if (snapshot) this.state.data = snapshot;
          snapshot = undefined;
        },
      },
      (access) => ({
        articles: new MemoryArticleStore(this.state, access),
        demand: new MemoryDemandStore(this.state, access),
        sessions: new MemorySessionStore(this.state, access),
        outcomes: new MemoryOutcomeStore(this.state, access),
      }),
      work,
    );
  }
}

/** The memory stores on one state, with their unit of work. */
export function memoryStorage() {
  const state = emptyMemoryState();
  return {
    store: new MemoryArticleStore(state),
    demand: new MemoryDemandStore(state),
    sessions: new MemorySessionStore(state),
    outcomes: new MemoryOutcomeStore(state),
    reports: new MemorySharedReportStore(),
    unitOfWork: new MemoryUnitOfWork(state),
  };
}
