import { spawn } from 'node:child_process';
import Database from 'better-sqlite3';
import { BIN, ROOT, type ProcessResult } from './run-process.js';

/** The real `erratlas fix` subprocess, its stdin a pipe (not a TTY) fed the given lines. */
export function runFix(
  args: readonly string[],
  lines: readonly string[],
  env: Record<string, string>,
): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'fix', ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(lines.map((line) => `${line}\n`).join(''));
  });
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
