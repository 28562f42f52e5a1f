import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeForTest } from '../test-support/compose-for-test.js';
import type { Composed } from '../compose.js';
import { buildFixScriptFor } from './build-fix-script.js';
import { getArticleForReading } from './get-article.js';
import { commandsOf } from '../core/scripts/fix-script.js';
import { cmdRunLines, ps1RunLines } from '../core/scripts/script-structure.js';

let composed: Composed;
beforeAll(async () => {
  composed = await composeForTest();
});
afterAll(() => composed.close());

/** What a script must run for a fix: its commands in order, a stop of UsoSvc before wuauserv. */
function expectedRun(commands: string[]): string[] {
  const stopWu = commands.findIndex((c) => /^net stop wuauserv$/i.test(c));
  const stopUso = commands.findIndex((c) => /^net stop usosvc$/i.test(c));
  if (stopWu < 0 || (stopUso >= 0 && stopUso < stopWu)) return commands;
  const out = commands.filter((_, i) => i !== stopUso);
  out.splice(
    out.findIndex((c) => /^net stop wuauserv$/i.test(c)),
    0,
    stopUso >= 0 ? commands[stopUso]! : 'net stop usosvc',
  );
  return out;
}

describe('every shipped fix can be downloaded as a script', () => {
  it('runs each command of each fix once, in order, in both formats', async () => {
    const articles = await composed.deps.store.listArticles();
    expect(articles.length).toBeGreaterThan(30);
    for (const {
      article: { product, code },
    } of articles) {
      const { fixes } = await getArticleForReading(composed.deps, product, code);
      for (const fix of fixes) {
        const expected = expectedRun(commandsOf(fix));
        for (const format of ['cmd', 'ps1'] as const) {
          const script = await buildFixScriptFor(composed.deps, {
            product,
            code,
            format,
            fixIds: [fix.id],
          });
          const lines = script.text.split('\r\n');
          const run = (format === 'cmd' ? cmdRunLines : ps1RunLines)(lines).map((r) => r.command);
          expect(run, `${code} ${fix.id} (${format})`).toEqual(expected);
        }
      }
    }
  });
});
