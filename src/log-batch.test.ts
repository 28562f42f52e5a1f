import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { LogBatch } from './log-batch.js';

const turn = (): Promise<void> => new Promise((done) => setImmediate(done));

describe('LogBatch', () => {
  const folders: string[] = [];
  afterEach(() => {
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });

  it('writes the lines of one turn in one write, after the turn', async () => {
    const writes: string[] = [];
    const batch = new LogBatch({ write: (text) => writes.push(text) });
    batch.write('a\n');
    batch.write('b\n');
    expect(writes).toEqual([]);
    await turn();
    expect(writes).toEqual(['a\nb\n']);
    batch.write('c\n');
    await turn();
    expect(writes).toEqual(['a\nb\n', 'c\n']);
  });

  it('writes at once when a turn logs more than a batch holds', () => {
    const writes: string[] = [];
    const batch = new LogBatch({ write: (text) => writes.push(text) });
    const line = `${'x'.repeat(1023)}\n`;
    for (let i = 0; i < 64; i++) batch.write(line);
    expect(writes).toHaveLength(1);
    expect(writes[0]).toBe(line.repeat(64));
  });

  it('carries pino’s lines to a real file, each whole, in order', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'atlas-log-batch-'));
    folders.push(folder);
    const file = join(folder, 'lines.log');
    const logger = pino(
      { base: null },
      new LogBatch(pino.destination({ dest: file, sync: true, mkdir: true })),
    );
    for (let i = 0; i < 100; i++) logger.info({ i }, 'request');
    await turn();
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines.map((line) => (JSON.parse(line) as { i: number }).i)).toEqual(
      Array.from({ length: 100 }, (_, i) => i),
    );
  });
});
