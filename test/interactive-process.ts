import { spawn } from 'node:child_process';
import type { ProcessResult } from './run-process.js';

/** A subprocess driven like a person at its keyboard: wait for what it prints, then type. */
export interface Interactive {
  /** Resolves once stdout and stderr together hold `text` (counting from `after` characters). */
  waitFor(text: string | RegExp, after?: number): Promise<void>;
  /** All it printed so far (stdout and stderr interleaved as they came). */
  printed(): string;
  type(text: string): void;
  /** Closes its stdin (end of input). */
  end(): void;
  exited: Promise<ProcessResult>;
}

/** Generous: each subprocess opens a database and syncs the content on a shared machine. */
const WAIT_MS = 60_000;

export function startInteractive(
  command: string,
  args: readonly string[],
  env: Record<string, string>,
  cwd: string,
): Interactive {
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let both = '';
  const waiters = new Set<() => void>();
  const onData = (into: 'out' | 'err') => (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    if (into === 'out') stdout += text;
    else stderr += text;
    both += text;
    for (const check of waiters) check();
  };
  child.stdout.on('data', onData('out'));
  child.stderr.on('data', onData('err'));
  const exited = new Promise<ProcessResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      for (const check of waiters) check();
      resolve({ code, stdout, stderr });
    });
  });
  return {
    waitFor(text, after = 0) {
      return new Promise((resolve, reject) => {
        const seen = () =>
          typeof text === 'string' ? both.indexOf(text, after) >= 0 : text.test(both.slice(after));
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(`not printed within ${WAIT_MS / 1000} s: ${String(text)}\n---\n${both}`),
          );
        }, WAIT_MS);
        const check = () => {
          if (seen()) {
            clearTimeout(timer);
            waiters.delete(check);
            resolve();
          } else if (child.exitCode !== null) {
            clearTimeout(timer);
            waiters.delete(check);
            reject(new Error(`exited before printing ${String(text)}\n---\n${both}`));
          }
        };
        waiters.add(check);
        check();
      });
    },
    printed: () => both,
    type: (text) => child.stdin.write(text),
    end: () => child.stdin.end(),
    exited,
  };
}
