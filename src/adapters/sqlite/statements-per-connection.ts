import type { Database } from 'better-sqlite3';

/**
 * A store's statements, prepared once per connection and shared by its handles and by every
 * unit of work's: preparing costs far more than running, and a handle is made per transaction.
 */
export function statementsPerConnection<Statements extends object>(
  prepare: (db: Database) => Statements,
): (db: Database) => Statements {
  const prepared = new WeakMap<Database, Statements>();
  return (db) => {
    const found = prepared.get(db);
    if (found) return found;
    const made = prepare(db);
    prepared.set(db, made);
    return made;
  };
}
