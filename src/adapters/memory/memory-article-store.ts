import type {
  ArticleRef,
  ArticleStore,
  RevisionInfo,
  SaveArticle,
  SaveOutcome,
  StoredArticle,
  StoredProcedure,
} from '../../core/ports.js';
import type { Procedure } from '../../core/articles/schema.js';

const keyOf = (product: string, code: string): string => `${product}/${code}`;

/** Deep copies in and out, so callers can never change what is "stored" behind its back. */
const copy = <T>(value: T): T => structuredClone(value);

export const toRef = (stored: StoredArticle): ArticleRef => ({
  product: stored.article.product,
  code: stored.article.code,
  title: stored.article.title,
  revision: stored.revision,
  contentHash: stored.contentHash,
});

/** The in-process store: for tests and for tools that need no persistence. */
export class MemoryArticleStore implements ArticleStore {
  private readonly articles = new Map<string, StoredArticle>();
  private readonly revisions = new Map<string, RevisionInfo[]>();
  private readonly procedures = new Map<string, StoredProcedure>();
  private writes = 0;
  private readonly bundled = new Map<string, string>();

  getArticle(product: string, code: string): Promise<StoredArticle | undefined> {
    const found = this.articles.get(keyOf(product, code));
    return Promise.resolve(found && copy(found));
  }

  getArticleRef(product: string, code: string): Promise<ArticleRef | undefined> {
    const found = this.articles.get(keyOf(product, code));
    return Promise.resolve(found && toRef(found));
  }

  findArticlesByCode(code: string): Promise<ArticleRef[]> {
    const refs = [...this.articles.values()]
      .filter((stored) => stored.article.code === code)
      .map(toRef)
      .sort((a, b) => a.product.localeCompare(b.product));
    return Promise.resolve(refs);
  }

  listArticles(): Promise<StoredArticle[]> {
    const all = [...this.articles.values()].sort((a, b) =>
      keyOf(a.article.product, a.article.code).localeCompare(
        keyOf(b.article.product, b.article.code),
      ),
    );
    return Promise.resolve(all.map(copy));
  }

  saveArticle(save: SaveArticle): Promise<SaveOutcome> {
    const key = keyOf(save.article.product, save.article.code);
    const current = this.articles.get(key);
    if (current?.contentHash === save.contentHash) {
      return Promise.resolve({ changed: false, revision: current.revision });
    }
    const revision = (current?.revision ?? 0) + 1;
    this.writes += 1;
    this.articles.set(key, {
      article: copy(save.article),
      revision,
      contentHash: save.contentHash,
      updatedAt: save.at,
    });
    const history = this.revisions.get(key) ?? [];
    history.push({
      revision,
      contentHash: save.contentHash,
      at: save.at,
      author: save.author,
      reason: save.reason,
    });
    this.revisions.set(key, history);
    return Promise.resolve({ changed: true, revision });
  }

  listRevisions(product: string, code: string): Promise<RevisionInfo[]> {
    return Promise.resolve(copy(this.revisions.get(keyOf(product, code)) ?? []));
  }

  getProcedure(id: string): Promise<StoredProcedure | undefined> {
    const found = this.procedures.get(id);
    return Promise.resolve(found && copy(found));
  }

  listProcedures(): Promise<StoredProcedure[]> {
    const all = [...this.procedures.values()].sort((a, b) =>
      a.procedure.id.localeCompare(b.procedure.id),
    );
    return Promise.resolve(all.map(copy));
  }

  saveProcedure(procedure: Procedure, contentHash: string): Promise<boolean> {
    if (this.procedures.get(procedure.id)?.contentHash === contentHash) {
      return Promise.resolve(false);
    }
    this.procedures.set(procedure.id, { procedure: copy(procedure), contentHash });
    this.writes += 1;
    return Promise.resolve(true);
  }

  getBundledHashes(): Promise<Map<string, string>> {
    return Promise.resolve(new Map(this.bundled));
  }

  recordBundledHash(path: string, contentHash: string): Promise<void> {
    this.bundled.set(path, contentHash);
    return Promise.resolve();
  }

  contentVersion(): Promise<string> {
    return Promise.resolve(String(this.writes));
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
