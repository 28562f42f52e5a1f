import type { Database } from 'better-sqlite3';
import { articleSchema, procedureSchema, type Procedure } from '../../core/articles/schema.js';
import type {
  ArticleRef,
  ArticleStore,
  RevisionInfo,
  SaveArticle,
  SaveOutcome,
  StoredArticle,
  StoredProcedure,
} from '../../core/ports.js';
import { revisionConflict } from '../revision-conflict.js';
import type { Access } from '../transaction-gate.js';
import { statementsPerConnection } from './statements-per-connection.js';
import {
  openSqliteDatabase,
  sqliteConnection,
  type SqliteConnection,
} from './sqlite-connection.js';

export { openSqliteDatabase } from './sqlite-connection.js';

interface ArticleRow {
  product: string;
  code: string;
  title: string;
  revision: number;
  content_hash: string;
  updated_at: string;
  body: string;
}
type RefRow = Omit<ArticleRow, 'updated_at' | 'body'>;
interface RevisionRow {
  revision: number;
  content_hash: string;
  at: string;
  author: string;
  reason: string;
}
interface ProcedureRow {
  id: string;
  content_hash: string;
  body: string;
  updated_at: string | null;
}

const toStored = (row: ArticleRow): StoredArticle => ({
  // Parsing again guards against a row written by an older, looser version of the schema.
  article: articleSchema.parse(JSON.parse(row.body)),
  revision: row.revision,
  contentHash: row.content_hash,
  updatedAt: row.updated_at,
});

const toRef = (row: RefRow): ArticleRef => ({
  product: row.product,
  code: row.code,
  title: row.title,
  revision: row.revision,
  contentHash: row.content_hash,
});

type Statements = ReturnType<typeof prepare>;
const statementsOf = statementsPerConnection(prepare);

function prepare(db: Database) {
  const refColumns = 'product, code, title, revision, content_hash';
  return {
    selectArticle: db.prepare<[string, string], ArticleRow>(
      'SELECT * FROM articles WHERE product = ? AND code = ?',
    ),
    selectRef: db.prepare<[string, string], RefRow>(
      `SELECT ${refColumns} FROM articles WHERE product = ? AND code = ?`,
    ),
    selectByCode: db.prepare<[string], RefRow>(
      `SELECT ${refColumns} FROM articles WHERE code = ? ORDER BY product`,
    ),
    selectAll: db.prepare<[], ArticleRow>('SELECT * FROM articles ORDER BY product, code'),
    upsertArticle: db.prepare<[ArticleRow]>(`INSERT INTO articles
      (product, code, title, revision, content_hash, updated_at, body)
      VALUES (@product, @code, @title, @revision, @content_hash, @updated_at, @body)
      ON CONFLICT (product, code) DO UPDATE SET title = excluded.title,
        revision = excluded.revision, content_hash = excluded.content_hash,
        updated_at = excluded.updated_at, body = excluded.body`),
    insertRevision: db.prepare<[ArticleRow & { author: string; reason: string; at: string }]>(
      `INSERT INTO article_revisions
      (product, code, revision, content_hash, at, author, reason, body)
      VALUES (@product, @code, @revision, @content_hash, @at, @author, @reason, @body)`,
    ),
    selectRevisions: db.prepare<[string, string], RevisionRow>(`SELECT revision, content_hash,
      at, author, reason FROM article_revisions WHERE product = ? AND code = ? ORDER BY revision`),
    selectProcedure: db.prepare<[string], ProcedureRow>('SELECT * FROM procedures WHERE id = ?'),
    selectProcedures: db.prepare<[], ProcedureRow>('SELECT * FROM procedures ORDER BY id'),
    upsertProcedure: db.prepare<[ProcedureRow]>(`INSERT INTO procedures
      (id, content_hash, body, updated_at) VALUES (@id, @content_hash, @body, @updated_at)
      ON CONFLICT (id) DO UPDATE SET content_hash = excluded.content_hash,
        body = excluded.body, updated_at = excluded.updated_at`),
    selectBundled: db.prepare<[], { path: string; content_hash: string }>(
      'SELECT path, content_hash FROM bundled_files',
    ),
    upsertBundled: db.prepare<[string, string]>(`INSERT INTO bundled_files (path, content_hash)
      VALUES (?, ?) ON CONFLICT (path) DO UPDATE SET content_hash = excluded.content_hash`),
  };
}

/**
 * The embedded default: one SQLite file, statements prepared once per connection. Every call
 * goes through `access`: the connection's gate for the shared handle, a transaction's own
 * access for the handle a unit of work gets (`bind`).
 */
export class SqliteArticleStore implements ArticleStore {
  private readonly db: Database;
  private readonly q: Statements;

  constructor(
    private readonly connection: SqliteConnection,
    private readonly access: Access = connection.gate.outside,
  ) {
    this.db = connection.db;
    this.q = statementsOf(connection.db);
  }

  /** The same store, reaching the connection through `access` (a unit of work's). */
  bind(access: Access): SqliteArticleStore {
    return new SqliteArticleStore(this.connection, access);
  }

  /** A store on a connection of its own (tests, tools). */
  static open(file: string): SqliteArticleStore {
    return new SqliteArticleStore(sqliteConnection(openSqliteDatabase(file)));
  }

  getArticle(product: string, code: string): Promise<StoredArticle | undefined> {
    return this.access(() => {
      const row = this.q.selectArticle.get(product, code);
      return row && toStored(row);
    });
  }

  getArticleRef(product: string, code: string): Promise<ArticleRef | undefined> {
    return this.access(() => {
      const row = this.q.selectRef.get(product, code);
      return row && toRef(row);
    });
  }

  findArticlesByCode(code: string): Promise<ArticleRef[]> {
    return this.access(() => this.q.selectByCode.all(code).map(toRef));
  }

  listArticles(): Promise<StoredArticle[]> {
    return this.access(() => this.q.selectAll.all().map(toStored));
  }

  saveArticle(save: SaveArticle): Promise<SaveOutcome> {
    const { article } = save;
    // Read and write in one immediate transaction (a savepoint inside a unit of work): two
    // writers, in this process or another, cannot both take revision N+1.
    const run = this.db.transaction((): SaveOutcome => {
      const current = this.q.selectRef.get(article.product, article.code);
      if (current?.content_hash === save.contentHash) {
        return { changed: false, revision: current.revision };
      }
      const currentRevision = current?.revision ?? 0;
      if (save.baseRevision !== currentRevision) {
        throw revisionConflict(article, save.baseRevision, currentRevision);
      }
      const row: ArticleRow = {
        product: article.product,
        code: article.code,
        title: article.title,
        revision: currentRevision + 1,
        content_hash: save.contentHash,
        updated_at: save.at,
        body: JSON.stringify(article),
      };
      this.q.upsertArticle.run(row);
      this.q.insertRevision.run({ ...row, at: save.at, author: save.author, reason: save.reason });
      this.connection.writes.count += 1;
      return { changed: true, revision: row.revision };
    });
    return this.access(() => run.immediate());
  }

  listRevisions(product: string, code: string): Promise<RevisionInfo[]> {
    return this.access(() =>
      this.q.selectRevisions.all(product, code).map((row) => ({
        revision: row.revision,
        contentHash: row.content_hash,
        at: row.at,
        author: row.author,
        reason: row.reason,
      })),
    );
  }

  getProcedure(id: string): Promise<StoredProcedure | undefined> {
    return this.access(() => {
      const row = this.q.selectProcedure.get(id);
      return row && toStoredProcedure(row);
    });
  }

  listProcedures(): Promise<StoredProcedure[]> {
    return this.access(() => this.q.selectProcedures.all().map(toStoredProcedure));
  }

  saveProcedure(procedure: Procedure, contentHash: string, at: string): Promise<boolean> {
    const run = this.db.transaction((): boolean => {
      if (this.q.selectProcedure.get(procedure.id)?.content_hash === contentHash) return false;
      this.q.upsertProcedure.run({
        id: procedure.id,
        content_hash: contentHash,
        body: JSON.stringify(procedure),
        updated_at: at,
      });
      this.connection.writes.count += 1;
      return true;
    });
    return this.access(() => run.immediate());
  }

  getBundledHashes(): Promise<Map<string, string>> {
    return this.access(
      () => new Map(this.q.selectBundled.all().map((row) => [row.path, row.content_hash])),
    );
  }

  recordBundledHash(path: string, contentHash: string): Promise<void> {
    return this.access(() => {
      this.q.upsertBundled.run(path, contentHash);
    });
  }

  contentVersion(): Promise<string> {
    return this.access(() => `${this.connection.othersCommits()}.${this.connection.writes.count}`);
  }

  /** Closes the connection, after any unit of work still open on it. */
  close(): Promise<void> {
    return this.access(() => {
      this.db.close();
    });
  }
}

const toStoredProcedure = (row: ProcedureRow): StoredProcedure => ({
  procedure: procedureSchema.parse(JSON.parse(row.body)),
  contentHash: row.content_hash,
  ...(row.updated_at === null ? {} : { updatedAt: row.updated_at }),
});
