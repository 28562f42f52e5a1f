import type { Catalog } from '../core/codes/catalog.js';
import type { DemandStore } from '../core/demand-ports.js';
import type { Clock, ArticleStore, UnitOfWork } from '../core/ports.js';
import type { ProductRegistry } from '../core/products/registry.js';
import type { LookupCounter } from './lookup-counter.js';
import type { SearchMissLog } from './search-miss-log.js';
import type { ArticleMentions } from './article-mentions.js';
import type { OutcomeStore, RandomSource, SessionStore } from '../core/troubleshoot-ports.js';
import type { OutcomeRateLimit } from './outcome-rate-limit.js';
import type { FamilyIndex } from '../core/families/family-index.js';
import type { SearchIndex } from '../core/search-ports.js';
import type { UpdateEndpoint } from '../core/diagnose/update-endpoints.js';
import type { SharedReportStore } from '../core/logs-report-ports.js';
import type { LogRule } from '../core/logs/log-rule-schema.js';
import type { LogSource } from './analyze-logs.js';

/**
 * Everything the wiring (`compose.ts`) builds once. No use case takes all of it: each types its
 * parameter as the few ports it uses (`Pick<AppDeps, 'store' | 'clock'>`), so a new capability
 * adds its own port here without touching the use cases that do not use it.
 */
export interface AppDeps {
  store: ArticleStore;
  demand: DemandStore;
  /** Troubleshooting sessions (server-side state) and the outcomes of fixes. */
  sessions: SessionStore;
  outcomes: OutcomeStore;
  /** Unguessable ids (sessions, one-off outcome sources). */
  random: RandomSource;
  /** Bounds the outcomes one client sends (sessions started, "Did this fix it?" answers). */
  outcomeLimit: OutcomeRateLimit;
  /** Several store calls as one transaction (SQLite now, PostgreSQL later). */
  unitOfWork: UnitOfWork;
  catalog: Catalog;
  registry: ProductRegistry;
  clock: Clock;
  lookups: LookupCounter;
  /** Searches that found nothing or little, batched for editors (`GET /api/v1/search/misses`). */
  searchMisses: SearchMissLog;
  families: FamilyIndex;
  /** Codes that articles name together, kept current with the store. */
  mentions: ArticleMentions;
  /** Full-text search over articles and codes, kept in step by `syncSearchIndex`. */
  search: SearchIndex;
  /** The Windows Update host names the diagnostic script tests (data/windows/update-endpoints.tsv). */
  updateEndpoints: readonly UpdateEndpoint[];
  /** The token that `GET /api/v1/requests` needs; undefined switches that listing off. */
  requestsToken: string | undefined;
  /** Log reports their readers chose to share (redacted, 30 days). */
  reports: SharedReportStore;
  /**
   * The bundled log rules, read and validated on first use (once): reading 43 rule files is
   * not worth a second at every start of a CLI look-up that never reads a log.
   */
  logRules(): Promise<readonly LogRule[]>;
  /**
   * The logs inside an uploaded .zip, streamed: the upload is spooled to a temporary file
   * (a zip's directory is at its end) that is deleted once the entries are read.
   */
  openUploadedZip(name: string, bytes: AsyncIterable<Uint8Array>): AsyncIterable<LogSource>;
}
