import type {
  ArticleRef,
  ArticleStore,
  RevisionInfo,
  SaveArticle,
  SaveOutcome,
  StoredArticle,
  StoredProcedure,
  TransactionStores,
  UnitOfWork,
} from '../../core/ports.js';
import type { Procedure } from '../../core/articles/schema.js';

/** Fills a store: what one code's reads need, or everything. */
export interface ArticleLoader {
  code(code: string): Promise<void>;
  all(): Promise<void>;
}

/**
 * An article store filled as it is read: a read about one code first has the loader put that
 * code's articles in, any other call first has everything put in. The CLI's `lookup` answers
 * from the bundled content this way without reading every article (compose.ts).
 */
export class OnDemandArticleStore implements ArticleStore {
  constructor(
    private readonly inner: ArticleStore,
    private readonly load: ArticleLoader,
  ) {}

  async getArticle(product: string, code: string): Promise<StoredArticle | undefined> {
    await this.load.code(code);
    return this.inner.getArticle(product, code);
  }

  async getArticleRef(product: string, code: string): Promise<ArticleRef | undefined> {
    await this.load.code(code);
    return this.inner.getArticleRef(product, code);
  }

  async findArticlesByCode(code: string): Promise<ArticleRef[]> {
    await this.load.code(code);
    return this.inner.findArticlesByCode(code);
  }

  async listRevisions(product: string, code: string): Promise<RevisionInfo[]> {
    await this.load.code(code);
    return this.inner.listRevisions(product, code);
  }

  async listArticles(): Promise<StoredArticle[]> {
    await this.load.all();
    return this.inner.listArticles();
  }

  async saveArticle(save: SaveArticle): Promise<SaveOutcome> {
    await this.load.all();
    return this.inner.saveArticle(save);
  }

  async getProcedure(id: string): Promise<StoredProcedure | undefined> {
    await this.load.all();
    return this.inner.getProcedure(id);
  }

  async listProcedures(): Promise<StoredProcedure[]> {
    await this.load.all();
    return this.inner.listProcedures();
  }

  async saveProcedure(procedure: Procedure, contentHash: string, at: string): Promise<boolean> {
    await this.load.all();
    return this.inner.saveProcedure(procedure, contentHash, at);
  }

  async getBundledHashes(): Promise<Map<string, string>> {
    await this.load.all();
    return this.inner.getBundledHashes();
  }

  async recordBundledHash(path: string, contentHash: string): Promise<void> {
    await this.load.all();
    return this.inner.recordBundledHash(path, contentHash);
  }

  async contentVersion(): Promise<string> {
    await this.load.all();
    return this.inner.contentVersion();
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}

/** A unit of work over such a store: its transaction's stores are not filled as read, so all is. */
export const loadedFirst = (inner: UnitOfWork, load: ArticleLoader): UnitOfWork => ({
  run: async <T>(work: (tx: TransactionStores) => Promise<T>): Promise<T> => {
    await load.all();
    return inner.run(work);
  },
});
