import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readArticleMarkdown } from '../src/core/articles/markdown-read.js';
import { readFamilyMarkdown } from '../src/core/families/family-markdown.js';
import { BUNDLED_CONTENT_DIR } from '../src/config.js';
import { erratlas } from './run-process.js';

/**
 * `erratlas lookup --exit-code` (issue 8): a script branches on the exit code — 3 transient,
 * 4 after a restart, 5 after a fix, 6 permanent, 0 for a success code, 1 and 2 as ever.
 */
const EXIT_OF = { transient: 3, 'after-restart': 4, 'after-fix': 5, permanent: 6 } as const;

const folder = mkdtempSync(join(tmpdir(), 'atlas-exit-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** One shipped article for each kind of advice it gives. */
function articleFor(when: keyof typeof EXIT_OF): string | undefined {
  const dir = join(BUNDLED_CONTENT_DIR, 'windows-update');
  for (const file of readdirSync(dir).sort()) {
    const read = readArticleMarkdown(readFileSync(join(dir, file), 'utf8'));
    if (read.ok && read.value.retry?.when === when) return read.value.code;
  }
  return undefined;
}

const lookup = (...args: string[]) =>
  erratlas(['lookup', '--exit-code', ...args], {}, mkdtempSync(join(folder, 'cwd-')));

describe('erratlas lookup --exit-code', () => {
  it.each(Object.keys(EXIT_OF) as (keyof typeof EXIT_OF)[])(
    "exits by an article's %s advice",
    async (when) => {
      const code = articleFor(when);
      expect(code, `no shipped article gives ${when} advice`).toBeDefined();
      const result = await lookup(code ?? '');
      expect(result.code).toBe(EXIT_OF[when]);
      expect(result.stdout).toContain(`retry:    ${when}: `);
    },
  );

  it("falls back to the family's advice for a code without an article", async () => {
    const family = readFamilyMarkdown(
      readFileSync(join(BUNDLED_CONTENT_DIR, 'families/wu-pt.md'), 'utf8'),
    );
    if (!family.ok) throw new Error(family.reason.message);
    const result = await lookup('0x80244008');
    expect(result.code).toBe(EXIT_OF[family.value.retry.when]);
  });

  it('exits 0 for a success code, 1 for a code nobody knows, 2 for what is not a code', async () => {
    expect((await lookup('0x00240001')).code).toBe(0);
    expect((await lookup('0x00FA0001')).code).toBe(1);
    expect((await lookup('80244O0X1')).code).toBe(2);
  });

  it('keeps exit 0 for a known failure code without the flag', async () => {
    const code = articleFor('after-fix') ?? '';
    const result = await erratlas(['lookup', code], {}, mkdtempSync(join(folder, 'cwd-')));
    expect(result.code).toBe(0);
  });
});
