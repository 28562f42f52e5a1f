import type { ArticleRequest, SearchMissTally } from '../../core/demand-ports.js';
import type { RevisionInfo, StoredArticle, StoredProcedure } from '../../core/ports.js';
import type { FixOutcome, StoredSession } from '../../core/troubleshoot-ports.js';
import { TransactionGate } from '../transaction-gate.js';

/** Everything the memory stores hold: one value, so a unit of work can snapshot it whole. */
export interface MemoryData {
  articles: Map<string, StoredArticle>;
  revisions: Map<string, RevisionInfo[]>;
  procedures: Map<string, StoredProcedure>;
  bundled: Map<string, string>;
  requests: Map<string, ArticleRequest>;
  salts: Map<string, string>;
  lookups: Map<string, number>;
  searchMisses: Map<string, SearchMissTally>;
  sessions: Map<string, StoredSession>;
  outcomes: Map<string, FixOutcome>;
}

/** The memory stores' shared state and the gate that keeps others out of an open unit of work. */
export interface MemoryState {
  data: MemoryData;
  gate: TransactionGate;
  /** Changes counted for `contentVersion`; never rolled back, so a version is never reused. */
  writes: { count: number };
}

export const emptyMemoryState = (): MemoryState => ({
  data: {
    articles: new Map(),
    revisions: new Map(),
    procedures: new Map(),
    bundled: new Map(),
    requests: new Map(),
    salts: new Map(),
    lookups: new Map(),
    searchMisses: new Map(),
    sessions: new Map(),
    outcomes: new Map(),
  },
  gate: new TransactionGate(),
  writes: { count: 0 },
});
