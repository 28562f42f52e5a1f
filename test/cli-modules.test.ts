import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, runNode } from './run-process.js';

// What a short command loads is most of its time: each command imports only what it uses
// (cli/run-cli.ts, compose-cli.ts). The CLI runs as a real subprocess with a module hook
// (module-log/) that writes down every URL the process resolves.
const folder = mkdtempSync(join(tmpdir(), 'atlas-cli-modules-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const REGISTER = join(ROOT, 'test/module-log/register.mjs');
let counter = 0;

async function modulesOf(
  args: readonly string[],
): Promise<{ code: number | null; urls: string[] }> {
  const log = join(folder, `modules-${++counter}.txt`);
  const result = await runNode('--import', [REGISTER, ...args], {
    ERRATLAS_MODULE_LOG: log,
    // No database: lookup answers from the bundled content.
    DATABASE_URL: `sqlite:${join(folder, 'none.db')}`,
  });
  expect(result.stderr).toBe('');
  return { code: result.code, urls: readFileSync(log, 'utf8').trim().split('\n') };
}

/** The packages among the URLs: `node_modules/<name>` or `node_modules/@scope/<name>`. */
const packagesOf = (urls: readonly string[]): Set<string> =>
  new Set(
    urls.flatMap((url) => {
      const match = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
      return match?.[1] ? [match[1]] : [];
    }),
  );

const SERVER_SIDE = ['hono', '@hono/node-server', 'better-sqlite3', 'markdown-it', 'pino'];
const LOG_READING = ['yauzl', 'busboy', 'cli-progress', 'prom-client', 'preact'];

describe('the modules a command loads', () => {
  it('records what a process imports (the hook sees packages, ESM and CommonJS alike)', async () => {
    const { urls } = await modulesOf([
      '--input-type=module',
      '-e',
      "await import('hono'); await import('better-sqlite3');",
    ]);
    expect(packagesOf(urls)).toEqual(new Set(['hono', 'better-sqlite3']));
  });

  it('decode loads neither the HTTP app, SQLite, Markdown, the logger nor the log reader', async () => {
    const { code, urls } = await modulesOf([BIN, 'decode', '0x80244001']);
    expect(code).toBe(0);
    expect(urls.some((url) => url.endsWith('/dist/cli/commands/decode.js'))).toBe(true);
    const packages = packagesOf(urls);
    for (const name of [...SERVER_SIDE, ...LOG_READING]) expect(packages).not.toContain(name);
    expect(urls.filter((url) => /\/dist\/(http|cli\/fix)\//.test(url))).toEqual([]);
    // Nor the Markdown reader: a decode shows no article.
    expect(
      urls.filter((url) => /\/dist\/app\/(sync-bundled|import)-content\.js$/.test(url)),
    ).toEqual([]);
    expect(urls.some((url) => url.endsWith('/dist/cli/commands/lookup.js'))).toBe(false);
  });

  it('lookup without a database loads neither SQLite nor the HTTP app', async () => {
    const { code, urls } = await modulesOf([BIN, 'lookup', '0x80244001']);
    expect(code).toBe(0);
    const packages = packagesOf(urls);
    for (const name of [...SERVER_SIDE, ...LOG_READING]) expect(packages).not.toContain(name);
  });

  it('--version loads no command at all', async () => {
    const { code, urls } = await modulesOf([BIN, '--version']);
    expect(code).toBe(0);
    expect(urls.filter((url) => url.includes('/dist/cli/commands/'))).toEqual([]);
    expect(packagesOf(urls)).toEqual(new Set());
  });
});
