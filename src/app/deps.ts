import type { Catalog } from '../core/codes/catalog.js';
import type { DemandStore } from '../core/demand-ports.js';
import type { Clock, ArticleStore } from '../core/ports.js';
import type { ProductRegistry } from '../core/products/registry.js';
import type { LookupCounter } from './lookup-counter.js';
import type { ArticleMentions } from './article-mentions.js';
import type { FamilyIndex } from '../core/families/family-index.js';

/** What every use case may need; the wiring (`compose.ts`) builds it once. */
export interface AppDeps {
  store: ArticleStore;
  demand: DemandStore;
  catalog: Catalog;
  registry: ProductRegistry;
  clock: Clock;
  lookups: LookupCounter;
  families: FamilyIndex;
  /** Codes that articles name together, kept current with the store. */
  mentions: ArticleMentions;
  /** The token that `GET /api/v1/requests` needs; undefined switches that listing off. */
  requestsToken: string | undefined;
}
