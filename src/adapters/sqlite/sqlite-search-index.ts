import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import type { SearchFilters, SearchIndex } from '../../core/search-ports.js';
import { analyze } from '../../core/search/analyze-text.js';
import { PrefixDictionary, type PrefixMatch } from '../../core/search/prefix-dictionary.js';
import type { PrefixQuery } from '../../core/search/prefix-query.js';
import type { IndexStats } from '../../core/search/rank-documents.js';
import {
  FIELD_WEIGHTS,
  SEARCH_FIELDS,
  type DocumentKind,
  type SearchDocument,
} from '../../core/search/search-document.js';

/**
 * The search index in SQLite FTS5. Each field holds the terms `core/search` made of its text
 * (folded, split, stemmed), space-separated, so FTS5's own tokenizer only splits on spaces and
 * the index finds exactly what the memory adapter finds. `bm25` with the fields' weights picks
 * the candidates; `core/search` ranks them. The index is derived data, rebuilt from the article
 * store by content version, so it lives in its own connection (in memory unless a file is
 * given) and never waits on the store's transactions.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS search_docs (
  rowid     INTEGER PRIMARY KEY,
  id        TEXT NOT NULL UNIQUE,
  kind      TEXT NOT NULL,
  product   TEXT,
  severity  TEXT,
  platforms TEXT NOT NULL,
  families  TEXT NOT NULL,
  document  TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS search_docs_by_kind ON search_docs (kind);
CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(
  name, title, causes, body, tokenize = 'unicode61 remove_diacritics 0'
);
CREATE VIRTUAL TABLE IF NOT EXISTS search_vocab USING fts5vocab(search_fts, 'row');
CREATE TABLE IF NOT EXISTS search_versions (kind TEXT PRIMARY KEY, version TEXT NOT NULL);
`;

/** ' a b ': a list a LIKE '% a %' can test without a join table. */
const spaced = (values: readonly string[]): string => ` ${values.join(' ')} `;
const likeEscaped = (value: string): string => value.replace(/[\\%_]/g, (ch) => `\\${ch}`);
/** An FTS5 string: terms are letters and digits, but quote them anyway. */
const ftsTerm = (term: string): string => `"${term.replace(/"/g, '""')}"`;
const WEIGHTS = SEARCH_FIELDS.map((field) => FIELD_WEIGHTS[field]).join(', ');

/**
 * Each kind's rowids in their own range, [first, end): a kind filter is then a rowid range,
 * which FTS5 applies inside its doclists, so asking for codes never scores the articles that
 * hold the same terms (and the other way round).
 */
const ROWIDS: Readonly<Record<DocumentKind, readonly [number, number]>> = {
  article: [1, 2 ** 40],
  code: [2 ** 40, 2 ** 41],
};
const KINDS = Object.keys(ROWIDS) as DocumentKind[];

export class SqliteSearchIndex implements SearchIndex {
  private readonly db: Database;
  private statsCache: IndexStats | undefined;
  /** Search-as-you-type per kind, in process memory: made from the documents, never stored. */
  private readonly dictionaries = new Map<DocumentKind, PrefixDictionary>();

  constructor(file = ':memory:') {
    this.db = new BetterSqlite3(file);
    if (file !== ':memory:') this.db.pragma('journal_mode = WAL');
    this.db.exec(SCHEMA);
    // A file indexed before kinds had their rowid ranges is indexed again, from nothing.
    const misplaced = KINDS.some((kind) =>
      this.db
        .prepare('SELECT 1 FROM search_docs WHERE kind = ? AND (rowid < ? OR rowid >= ?) LIMIT 1')
        .get(kind, ...ROWIDS[kind]),
    );
    if (misplaced)
      this.db.exec('DELETE FROM search_fts; DELETE FROM search_docs; DELETE FROM search_versions;');
  }

  indexedVersion(kind: DocumentKind): Promise<string | undefined> {
    const row = this.db.prepare('SELECT version FROM search_versions WHERE kind = ?').get(kind) as
      { version: string } | undefined;
    return Promise.resolve(row?.version);
  }

  replaceKind(
    kind: DocumentKind,
    documents: readonly SearchDocument[],
    version: string,
  ): Promise<void> {
    const rows = documents.map((document) => ({
      document,
      terms: SEARCH_FIELDS.map((field) => analyze(document.fields[field]).join(' ')),
    }));
    const oldRows = this.db.prepare('SELECT rowid, kind FROM search_docs WHERE kind = ? OR id = ?');
    let tookOtherKind = false;
    const deleteFts = this.db.prepare('DELETE FROM search_fts WHERE rowid = ?');
    const deleteDoc = this.db.prepare('DELETE FROM search_docs WHERE rowid = ?');
    const insertDoc = this.db.prepare(
      'INSERT INTO search_docs (rowid, id, kind, product, severity, platforms, families, document) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const [first, end] = ROWIDS[kind];
    const lastRowid = this.db.prepare(
      'SELECT coalesce(max(rowid), ?) AS last FROM search_docs WHERE rowid >= ? AND rowid < ?',
    );
    const insertFts = this.db.prepare(
      'INSERT INTO search_fts (rowid, name, title, causes, body) VALUES (?, ?, ?, ?, ?)',
    );
    const replace = this.db.transaction(() => {
      for (const { rowid } of oldRows.all(kind, '') as { rowid: number; kind: string }[]) {
        deleteFts.run(rowid);
        deleteDoc.run(rowid);
      }
      let rowid = (lastRowid.get(first - 1, first, end) as { last: number }).last;
      for (const { document, terms } of rows) {
        for (const old of oldRows.all('', document.id) as { rowid: number; kind: string }[]) {
          if (old.kind !== kind) tookOtherKind = true;
          deleteFts.run(old.rowid);
          deleteDoc.run(old.rowid);
        }
        rowid += 1;
        insertDoc.run(
          rowid,
          document.id,
          document.kind,
          document.product ?? null,
          document.severity ?? null,
          spaced(document.platforms),
          spaced(document.families),
          JSON.stringify(document),
        );
        insertFts.run(rowid, ...terms);
      }
      this.db
        .prepare(
          'INSERT INTO search_versions (kind, version) VALUES (?, ?) ON CONFLICT (kind) DO UPDATE SET version = excluded.version',
        )
        .run(kind, version);
    });
    replace();
    this.statsCache = undefined;
    // The last document of an id is the one kept; one that took another kind's id leaves that
    // kind's dictionary to be made again from the table.
    if (tookOtherKind) this.dictionaries.clear();
    this.dictionaries.set(
      kind,
      new PrefixDictionary([...new Map(documents.map((d) => [d.id, d])).values()]),
    );
    return Promise.resolve();
  }

  stats(): Promise<IndexStats> {
    if (this.statsCache === undefined) {
      const terms = this.db.prepare('SELECT term, doc FROM search_vocab').all() as {
        term: string;
        doc: number;
      }[];
      const { count } = this.db.prepare('SELECT count(*) AS count FROM search_docs').get() as {
        count: number;
      };
      this.statsCache = {
        vocabulary: new Map(terms.map((t) => [t.term, t.doc])),
        documents: count,
      };
    }
    return Promise.resolve(this.statsCache);
  }

  candidates(
    terms: readonly string[],
    filters: SearchFilters,
    limit: number,
  ): Promise<SearchDocument[]> {
    const wanted = [...new Set(terms)].filter((t) => t !== '');
    if (wanted.length === 0 || limit <= 0) return Promise.resolve([]);
    const match = wanted.map(ftsTerm).join(' OR ');
    const [first, end] =
      filters.kind === undefined ? [ROWIDS.article[0], ROWIDS.code[1]] : ROWIDS[filters.kind];
    const where = ['search_fts MATCH ?', 'search_fts.rowid >= ?', 'search_fts.rowid < ?'];
    const params: unknown[] = [match, first, end];
    const equal = (column: string, value: string | undefined): void => {
      if (value === undefined) return;
      where.push(`d.${column} = ?`);
      params.push(value);
    };
    equal('product', filters.product);
    equal('severity', filters.severity);
    if (filters.family !== undefined) {
      where.push("d.families LIKE ? ESCAPE '\\'");
      params.push(`% ${likeEscaped(filters.family)} %`);
    }
    if (filters.platform !== undefined) {
      where.push("d.platforms LIKE ? ESCAPE '\\'");
      params.push(`% ${likeEscaped(filters.platform)} %`);
    }
    // Without a filter on the documents' columns, FTS5 alone picks the best `limit` and only
    // those are joined to their documents; equal scores at the cut go by rowid.
    // With one, CROSS JOIN keeps FTS5 as the outer loop: with a plain JOIN the planner may walk
    // every document of a kind and test MATCH on each (seconds instead of milliseconds).
    const sql =
      where.length === 3
        ? `SELECT d.document FROM (
             SELECT rowid, bm25(search_fts, ${WEIGHTS}) AS score FROM search_fts
             WHERE ${where.join(' AND ')} ORDER BY score LIMIT ?
           ) AS best CROSS JOIN search_docs d ON d.rowid = best.rowid ORDER BY best.score, d.id`
        : `SELECT d.document FROM search_fts CROSS JOIN search_docs d ON d.rowid = search_fts.rowid
           WHERE ${where.join(' AND ')} ORDER BY bm25(search_fts, ${WEIGHTS}), d.id LIMIT ?`;
    const rows = this.db.prepare(sql).all(...params, limit) as { document: string }[];
    return Promise.resolve(rows.map((row) => JSON.parse(row.document) as SearchDocument));
  }

  prefixMatches(query: PrefixQuery, kind: DocumentKind, limit: number): Promise<PrefixMatch[]> {
    let dictionary = this.dictionaries.get(kind);
    if (dictionary === undefined) {
      // A file indexed by an earlier run: the dictionary is made from what it holds.
      const rows = this.db.prepare('SELECT document FROM search_docs WHERE kind = ?').all(kind) as {
        document: string;
      }[];
      dictionary = new PrefixDictionary(
        rows.map((row) => JSON.parse(row.document) as SearchDocument),
      );
      this.dictionaries.set(kind, dictionary);
    }
    return Promise.resolve(dictionary.match(query, limit));
  }

  close(): Promise<void> {
    this.db.close();
    return Promise.resolve();
  }
}
