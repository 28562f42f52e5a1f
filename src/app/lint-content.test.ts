import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_CONTENT_DIR } from '../config.js';
import { composeForTest } from '../test-support/compose-for-test.js';
import { dayOf } from '../core/products/platform-support.js';
import { lintContent } from './lint-content.js';

describe('lintContent over several files', () => {
  it('refuses a second article for the same code and product, naming the first file', async () => {
    const composed = await composeForTest();
    try {
      const text = readFileSync(join(BUNDLED_CONTENT_DIR, 'windows-update/0x80244001.md'), 'utf8');
      const { catalog, registry } = composed.deps;
      const procedures = new Map(
        (await composed.deps.store.listProcedures()).map((p) => [p.procedure.id, p.procedure]),
      );
      const results = lintContent(
        { registry, catalog, procedures, today: dayOf(composed.deps.clock.now()) },
        [
          { path: 'a/0x80244001.md', text },
          { path: 'b/copy-of-0x80244001.md', text },
        ],
      );
      const duplicate = results.flatMap((r) =>
        r.problems
          .filter((p) => p.code === 'duplicate-article')
          .map((p) => ({ file: r.path, ...p })),
      );
      expect(duplicate.map((p) => [p.file, p.level])).toEqual([
        ['b/copy-of-0x80244001.md', 'error'],
      ]);
      expect(duplicate[0]?.message).toContain(
        'a/0x80244001.md is already the windows-update article',
      );
    } finally {
      await composed.close();
    }
  });

  it.each([
    ['no-such-procedure', 'procedure-unknown', 'does not exist'],
    ['reset-windows-update-components', 'retry-fix-not-safe', 'whose risk is moderate'],
  ])('checks the procedure a family points scripts at (%s)', async (firstFix, rule, message) => {
    const composed = await composeForTest();
    try {
      const text = readFileSync(join(BUNDLED_CONTENT_DIR, 'families/wu-pt.md'), 'utf8').replace(
        /^retry: \{ when: (\S+), (.*) \}$/m,
        `retry: { when: $1, $2, firstFix: ${firstFix} }`,
      );
      const { catalog, registry } = composed.deps;
      const procedures = new Map(
        (await composed.deps.store.listProcedures()).map((p) => [p.procedure.id, p.procedure]),
      );
      const [result] = lintContent(
        { registry, catalog, procedures, today: dayOf(composed.deps.clock.now()) },
        [{ path: 'families/wu-pt.md', text }],
      );
      expect(result?.problems.map((p) => p.code)).toEqual([rule]);
      expect(result?.problems[0]?.message).toContain(message);
    } finally {
      await composed.close();
    }
  });
});
