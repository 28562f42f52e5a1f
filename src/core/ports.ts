import type { Article, Procedure } from './articles/schema.js';
import type { DemandStore } from './demand-ports.js';
import type { OutcomeStore, SessionStore } from './troubleshoot-ports.js';

/**
 * Ports: what the application needs from the outside world, in domain terms. Adapters in
 * `src/adapters/` implement them (memory, SQLite; PostgreSQL later) and all pass the one
 * contract suite in `src/adapters/contract/`. Every method is async so that a networked
 * database fits the same shape as the embedded one.
 */

/** One saved article with what storage adds: its revision number and content hash. */
export interface StoredArticle {
  article: Article;
  /** Starts at 1; grows by one each time the content changes. Lives in storage, not in files. */
  revision: number;
  /** sha-256 of the canonical Markdown: the same text never makes a new revision. */
  contentHash: string;
  updatedAt: string;
}

/** Enough to link to an article and to tell whether a cached rendering is still current. */
export interface ArticleRef {
  product: string;
  code: string;
  title: string;
  revision: number;
  contentHash: string;
}

export interface RevisionInfo {
  revision: number;
  contentHash: string;
  at: string;
  author: string;
  reason: string;
}

export interface SaveArticle {
  article: Article;
  contentHash: string;
  /**
   * The revision this content was edited from (0 for an article that did not exist yet). A
   * save whose base is not the stored revision is refused with `revision_conflict`, so an
   * edit made on an older copy never silently overwrites a newer one.
   */
  baseRevision: number;
  at: string;
  author: string;
  reason: string;
}

export type SaveOutcome =
  { changed: false; revision: number } | { changed: true; revision: number };

export interface StoredProcedure {
  procedure: Procedure;
  contentHash: string;
  /** When its content last changed; absent for one saved before storage kept the date. */
  updatedAt?: string;
}

export interface ArticleStore {
  /** The article of one code in one product, or undefined. */
  getArticle(product: string, code: string): Promise<StoredArticle | undefined>;
  /** Only the revision and hash: what a cache needs to answer "is my copy current?". */
  getArticleRef(product: string, code: string): Promise<ArticleRef | undefined>;
  /** Every product's article about this code, ordered by product. */
  findArticlesByCode(code: string): Promise<ArticleRef[]>;
  listArticles(): Promise<StoredArticle[]>;
  /**
   * Saves a new revision when the hash differs from the current one; else changes nothing (the
   * same text is no conflict, whatever its base). Throws DomainError `revision_conflict` when
   * `baseRevision` is not the stored revision.
   */
  saveArticle(save: SaveArticle): Promise<SaveOutcome>;
  listRevisions(product: string, code: string): Promise<RevisionInfo[]>;

  getProcedure(id: string): Promise<StoredProcedure | undefined>;
  listProcedures(): Promise<StoredProcedure[]>;
  /** Returns true when the stored procedure changed; `at` is then its `updatedAt`. */
  saveProcedure(procedure: Procedure, contentHash: string, at: string): Promise<boolean>;

  /** Bundled content files by path → the hash each had when last synced. */
  getBundledHashes(): Promise<Map<string, string>>;
  recordBundledHash(path: string, contentHash: string): Promise<void>;

  /**
   * A token that changes whenever any article or procedure changes, in this process (at once)
   * or in another one sharing the database (from the next turn of the event loop). Cheap
   * enough to ask on every request: caches of rendered pages compare it instead of reading
   * the article again.
   */
  contentVersion(): Promise<string>;

  close(): Promise<void>;
}

export interface Clock {
  now(): Date;
}

/** The stores as one unit of work sees them: every call inside the transaction. */
export interface TransactionStores {
  articles: Omit<ArticleStore, 'close'>;
  demand: DemandStore;
  sessions: SessionStore;
  outcomes: OutcomeStore;
}

/**
 * The transaction port: `run` gives `work` the stores bound to one transaction. When `work`
 * resolves, everything it wrote is committed at once; when it throws (or rejects), nothing it
 * wrote is kept, and the error comes out of `run`. Inside `work`, use only the stores given to
 * it: the adapters' other handles wait until the transaction has ended. Async so that a
 * networked database (PostgreSQL) fits the same shape as the embedded one.
 */
export interface UnitOfWork {
  run<T>(work: (tx: TransactionStores) => Promise<T>): Promise<T>;
}
