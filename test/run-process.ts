import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const BIN = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
export const SERVER = fileURLToPath(new URL('../dist/server.js', import.meta.url));

export interface ProcessResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node <script> args…` as a real subprocess and collects what it printed. */
export function runNode(
  script: string,
  args: readonly string[],
  env: Record<string, string> = {},
  cwd: string = ROOT,
  /** What stdin gets, as a pipe; without it stdin is closed. */
  input?: string,
): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], {
      cwd,
      env: { ...process.env, ...env },
      stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    if (input !== undefined) child.stdin?.end(input);
  });
}

export const erratlas = (args: readonly string[], env: Record<string, string> = {}, cwd?: string) =>
  runNode(BIN, args, env, cwd);
