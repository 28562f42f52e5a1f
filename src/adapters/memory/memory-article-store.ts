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
import { revisionConflict } from '../revision-conflict.js';
import type { Access } from '../transaction-gate.js';
import { emptyMemoryState, type MemoryState } from './memory-state.js';

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

/**
 * The in-process store: for tests and for tools that need no persistence. Every call goes
 * through `access` (the state's gate, or a unit of work's own access), as in the SQLite store.
 */
export class MemoryArticleStore implements ArticleStore {
  constructor(
    private readonly state: MemoryState = emptyMemoryState(),
    private readonly access: Access = state.gate.outside,
  ) {}

  bind(access: Access): MemoryArticleStore {
    return new MemoryArticleStore(this.state, access);
  }

  /** Read at every call: a rollback puts a snapshot in place of the data. */
  private get data() {
    return this.state.data;
  }

  getArticle(product: string, code: string): Promise<StoredArticle | undefined> {
    return this.access(() => {
      const found = this.data.articles.get(keyOf(product, code));
      return found && copy(found);
    });
  }

  getArticleRef(product: string, code: string): Promise<ArticleRef | undefined> {
    return this.access(() => {
      const found = this.data.articles.get(keyOf(product, code));
      return found && toRef(found);
    });
  }

  findArticlesByCode(code: string): Promise<ArticleRef[]> {
    return this.access(() =>
      [...this.data.articles.values()]
        .filter((stored) => stored.article.code === code)
        .map(toRef)
        .sort((a, b) => a.product.localeCompare(b.product)),
    );
  }

  listArticles(): Promise<StoredArticle[]> {
    return this.access(() =>
      [...this.data.articles.values()]
        .sort((a, b) =>
          keyOf(a.article.product, a.article.code).localeCompare(
            keyOf(b.article.product, b.article.code),
          ),
        )
        .map(copy),
    );
  }

  saveArticle(save: SaveArticle): Promise<SaveOutcome> {
    return this.access((): SaveOutcome => {
      const key = keyOf(save.article.product, save.article.code);
      const current = this.data.articles.get(key);
      if (current?.contentHash === save.contentHash) {
        return { changed: false, revision: current.revision };
      }
      const currentRevision = current?.revision ?? 0;
      if (save.baseRevision !== currentRevision) {
        throw revisionConflict(save.article, save.baseRevision, currentRevision);
      }
      const revision = currentRevision + 1;
      this.state.writes.count += 1;
      this.data.articles.set(key, {
        article: copy(save.article),
        revision,
        contentHash: save.contentHash,
        updatedAt: save.at,
      });
      const history = this.data.revisions.get(key) ?? [];
      history.push({
        revision,
        contentHash: save.contentHash,
        at: save.at,
        author: save.author,
        reason: save.reason,
      });
      this.data.revisions.set(key, history);
      return { changed: true, revision };
    });
  }

  listRevisions(product: string, code: string): Promise<RevisionInfo[]> {
    return this.access(() => copy(this.data.revisions.get(keyOf(product, code)) ?? []));
  }

  getProcedure(id: string): Promise<StoredProcedure | undefined> {
    return this.access(() => {
      const found = this.data.procedures.get(id);
      return found && copy(found);
    });
  }

  listProcedures(): Promise<StoredProcedure[]> {
    return this.access(() =>
      [...this.data.procedures.values()]
        .sort((a, b) => a.procedure.id.localeCompare(b.procedure.id))
        .map(copy),
    );
  }

  saveProcedure(procedure: Procedure, contentHash: string, at: string): Promise<boolean> {
    return this.access(() => {
      if (this.data.procedures.get(procedure.id)?.contentHash === contentHash) return false;
      this.data.procedures.set(procedure.id, {
        procedure: copy(procedure),
        contentHash,
        updatedAt: at,
      });
      this.state.writes.count += 1;
      return true;
    });
  }

  getBundledHashes(): Promise<Map<string, string>> {
    return this.access(() => new Map(this.data.bundled));
  }

  recordBundledHash(path: string, contentHash: string): Promise<void> {
    return this.access(() => {
      this.data.bundled.set(path, contentHash);
    });
  }

  contentVersion(): Promise<string> {
    return this.access(() => String(this.state.writes.count));
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
