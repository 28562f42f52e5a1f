import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runNode } from './run-process.js';

/**
 * The server's log lines wait for the end of their event-loop turn (`LogBatch`); a real
 * process that exits in that very turn, or throws, must still leave them in its log.
 */
const folder = mkdtempSync(join(tmpdir(), 'atlas-log-exit-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const LOGGER = pathToFileURL(join(ROOT, 'dist/create-logger.js')).href;

function script(name: string, ending: string): string {
  const file = join(folder, `${name}.mjs`);
  writeFileSync(
    file,
    `import { createLogger } from ${JSON.stringify(LOGGER)};\n` +
      `const logger = await createLogger('info', false, { file: process.argv[2] });\n` +
      `for (let i = 0; i < 3; i++) logger.info({ i }, 'request');\n` +
      ending,
  );
  return file;
}

const linesOf = (file: string): number[] =>
  readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((line) => (JSON.parse(line) as { i: number }).i);

describe('log lines at exit', () => {
  it('are written when the process exits in the turn that logged them', async () => {
    const log = join(folder, 'exit.log');
    const result = await runNode(script('exit', 'process.exit(0);\n'), [log]);
    expect(result.code).toBe(0);
    expect(linesOf(log)).toEqual([0, 1, 2]);
  });

  it('are written when the process dies of an uncaught error', async () => {
    const log = join(folder, 'crash.log');
    const result = await runNode(script('crash', 'throw new Error("boom");\n'), [log]);
    expect(result.code).toBe(1);
    expect(linesOf(log)).toEqual([0, 1, 2]);
  });
});
