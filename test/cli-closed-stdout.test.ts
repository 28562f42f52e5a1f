import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROOT } from './run-process.js';

/**
 * `erratlas lint content | head -1`: the reader of stdout goes away before the CLI has
 * written everything. The real CLI, with its stdout pipe closed by us before it writes a
 * byte, so every write it makes meets EPIPE.
 */
function runWithStdoutClosed(
  args: readonly string[],
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

const folder = mkdtempSync(join(tmpdir(), 'atlas-closed-stdout-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('erratlas with stdout closed by its reader', () => {
  it('finishes lint quietly with its own exit code (0: the shipped content passes)', async () => {
    const result = await runWithStdoutClosed(['lint', 'content']);
    expect(result.stderr).not.toContain('EPIPE');
    expect(result.stderr).toMatch(/^\d+ files checked, 0 problems/);
    expect(result.code).toBe(0);
  });

  it('still exits 1 when lint finds a problem, so a pipeline can fail on it', async () => {
    const file = join(folder, 'unquoted.md');
    writeFileSync(file, '---\ncode: 0x80244001\n---\n');
    const result = await runWithStdoutClosed(['lint', file]);
    expect(result.stderr).toBe('1 file checked, 1 problem\n');
    expect(result.code).toBe(1);
  });
});
