import Database from 'better-sqlite3';
import { BIN, ROOT, runNode, type ProcessResult } from './run-process.js';

/** The real `erratlas fix` subprocess, its stdin a pipe (not a TTY) fed the given lines. */
export function runFix(
  args: readonly string[],
  lines: readonly string[],
  env: Record<string, string>,
): Promise<ProcessResult> {
  return runNode(BIN, ['fix', ...args], env, ROOT, lines.map((line) => `${line}\n`).join(''));
}

/** Rows in a table of a SQLite file, read without writing to it. */
export const countRows = (db: string, table: string): number => {
  const handle = new Database(db, { readonly: true });
  try {
    return (handle.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  } finally {
    handle.close();
  }
};
