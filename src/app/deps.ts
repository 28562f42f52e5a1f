import type { Catalog } from '../core/codes/catalog.js';
import type { Clock, ArticleStore } from '../core/ports.js';
import type { ProductRegistry } from '../core/products/registry.js';

/** What every use case may need; the wiring (`compose.ts`) builds it once. */
export interface AppDeps {
  store: ArticleStore;
  catalog: Catalog;
  registry: ProductRegistry;
  clock: Clock;
}
