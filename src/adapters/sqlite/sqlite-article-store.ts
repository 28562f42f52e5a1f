import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Database, Statement } from 'better-sqlite3';
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
import { migrate } from './migrate.js';

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

/** Opens (creating the file and its folder if needed) and migrates a SQLite database. */
export function openSqliteDatabase(file: string): Database {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

/** The embedded default: one SQLite file, statements prepared once. */
export class SqliteArticleStore implements ArticleStore {
  private readonly selectArticle: Statement<[string, string], ArticleRow>;
  private readonly selectRef: Statement<[string, string], RefRow>;
  private readonly selectByCode: Statement<[string], RefRow>;
  private readonly selectAll: Statement<[], ArticleRow>;
  private readonly upsertArticle: Statement<[ArticleRow]>;
  private readonly insertRevision: Statement<
    [ArticleRow & { author: string; reason: string; at: string }]
  >;
  private readonly selectRevisions: Statement<[string, string], RevisionRow>;
  private readonly selectProcedure: Statement<[string], ProcedureRow>;
  private readonly selectProcedures: Statement<[], ProcedureRow>;
  private readonly upsertProcedure: Statement<[ProcedureRow]>;
  private readonly selectDataVersion: Statement<[], number>;
  private readonly selectBundled: Statement<[], { path: string; content_hash: string }>;
  private readonly upsertBundled: Statement<[string, string]>;
  /** `data_version` sees other connections' commits only; our own are counted here. */
  private localWrites = 0;

  constructor(private readonly db: Database) {
    const refColumns = 'product, code, title, revision, content_hash';
    this.selectArticle = db.prepare('SELECT * FROM articles WHERE product = ? AND code = ?');
    this.selectRef = db.prepare(
      `SELECT ${refColumns} FROM articles WHERE product = ? AND code = ?`,
    );
    this.selectByCode = db.prepare(
      `SELECT ${refColumns} FROM articles WHERE code = ? ORDER BY product`,
    );
    this.selectAll = db.prepare('SELECT * FROM articles ORDER BY product, code');
    this.upsertArticle = db.prepare(`INSERT INTO articles
      (product, code, title, revision, content_hash, updated_at, body)
      VALUES (@product, @code, @title, @revision, @content_hash, @updated_at, @body)
      ON CONFLICT (product, code) DO UPDATE SET title = excluded.title,
        revision = excluded.revision, content_hash = excluded.content_hash,
        updated_at = excluded.updated_at, body = excluded.body`);
    this.insertRevision = db.prepare(`INSERT INTO article_revisions
      (product, code, revision, content_hash, at, author, reason, body)
      VALUES (@product, @code, @revision, @content_hash, @at, @author, @reason, @body)`);
    this.selectRevisions = db.prepare(`SELECT revision, content_hash, at, author, reason
      FROM article_revisions WHERE product = ? AND code = ? ORDER BY revision`);
    this.selectProcedure = db.prepare('SELECT * FROM procedures WHERE id = ?');
    this.selectProcedures = db.prepare('SELECT * FROM procedures ORDER BY id');
    this.upsertProcedure = db.prepare(`INSERT INTO procedures (id, content_hash, body)
      VALUES (@id, @content_hash, @body) ON CONFLICT (id) DO UPDATE SET
      content_hash = excluded.content_hash, body = excluded.body`);
    this.selectDataVersion = db.prepare<[], number>('PRAGMA data_version').pluck();
    this.selectBundled = db.prepare('SELECT path, content_hash FROM bundled_files');
    this.upsertBundled = db.prepare(`INSERT INTO bundled_files (path, content_hash) VALUES (?, ?)
      ON CONFLICT (path) DO UPDATE SET content_hash = excluded.content_hash`);
  }

  static open(file: string): SqliteArticleStore {
    return new SqliteArticleStore(openSqliteDatabase(file));
  }

  getArticle(product: string, code: string): Promise<StoredArticle | undefined> {
    const row = this.selectArticle.get(product, code);
    return Promise.resolve(row && toStored(row));
  }

  getArticleRef(product: string, code: string): Promise<ArticleRef | undefined> {
    const row = this.selectRef.get(product, code);
    return Promise.resolve(row && toRef(row));
  }

  findArticlesByCode(code: string): Promise<ArticleRef[]> {
    return Promise.resolve(this.selectByCode.all(code).map(toRef));
  }

  listArticles(): Promise<StoredArticle[]> {
    return Promise.resolve(this.selectAll.all().map(toStored));
  }

  saveArticle(save: SaveArticle): Promise<SaveOutcome> {
    const { article } = save;
    // Read and write in one immediate transaction: two writers cannot both take revision N+1.
    const run = this.db.transaction((): SaveOutcome => {
      const current = this.selectRef.get(article.product, article.code);
      if (current?.content_hash === save.contentHash) {
        return { changed: false, revision: current.revision };
      }
      const row: ArticleRow = {
        product: article.product,
        code: article.code,
        title: article.title,
        revision: (current?.revision ?? 0) + 1,
        content_hash: save.contentHash,
        updated_at: save.at,
        body: JSON.stringify(article),
      };
      this.upsertArticle.run(row);
      this.insertRevision.run({ ...row, at: save.at, author: save.author, reason: save.reason });
      this.localWrites += 1;
      return { changed: true, revision: row.revision };
    });
    return Promise.resolve(run.immediate());
  }

  listRevisions(product: string, code: string): Promise<RevisionInfo[]> {
    const rows = this.selectRevisions.all(product, code);
    return Promise.resolve(
      rows.map((row) => ({
        revision: row.revision,
        contentHash: row.content_hash,
        at: row.at,
        author: row.author,
        reason: row.reason,
      })),
    );
  }

  getProcedure(id: string): Promise<StoredProcedure | undefined> {
    const row = this.selectProcedure.get(id);
    return Promise.resolve(row && toStoredProcedure(row));
  }

  listProcedures(): Promise<StoredProcedure[]> {
    return Promise.resolve(this.selectProcedures.all().map(toStoredProcedure));
  }

  saveProcedure(procedure: Procedure, contentHash: string): Promise<boolean> {
    const run = this.db.transaction((): boolean => {
      if (this.selectProcedure.get(procedure.id)?.content_hash === contentHash) return false;
      this.upsertProcedure.run({
        id: procedure.id,
        content_hash: contentHash,
        body: JSON.stringify(procedure),
      });
      this.localWrites += 1;
      return true;
    });
    return Promise.resolve(run.immediate());
  }

  getBundledHashes(): Promise<Map<string, string>> {
    const rows = this.selectBundled.all();
    return Promise.resolve(new Map(rows.map((row) => [row.path, row.content_hash])));
  }

  recordBundledHash(path: string, contentHash: string): Promise<void> {
    this.upsertBundled.run(path, contentHash);
    return Promise.resolve();
  }

  contentVersion(): Promise<string> {
    return Promise.resolve(`${this.selectDataVersion.get() ?? 0}.${this.localWrites}`);
  }

  close(): Promise<void> {
    this.db.close();
    return Promise.resolve();
  }
}

const toStoredProcedure = (row: ProcedureRow): StoredProcedure => ({
  procedure: procedureSchema.parse(JSON.parse(row.body)),
  contentHash: row.content_hash,
});
