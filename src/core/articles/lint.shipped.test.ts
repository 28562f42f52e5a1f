import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { dayOf } from '../products/platform-support.js';
import { checkRegistry } from '../products/registry.js';
import { lintArticle, type LintContext } from './lint.js';
import { blocksShipping } from './lint-rules.js';
import { readArticleMarkdown } from './markdown-read.js';
import { readProcedureMarkdown } from './procedure-markdown.js';
import type { Procedure } from './schema.js';

/** The shipped content must pass lint with no errors: the bundled tables, registry and procedures. */
const root = fileURLToPath(new URL('../../../', import.meta.url));
const read = (path: string): string => readFileSync(`${root}${path}`, 'utf8');

function loadNames(): Map<string, string[]> {
  const names = new Map<string, string[]>();
  const [, ...rows] = read('data/windows/wu-errors.tsv').trimEnd().split('\n');
  for (const row of rows) {
    const [hex, , name] = row.split('\t');
    if (hex === undefined || name === undefined) continue;
    names.set(hex, [...(names.get(hex) ?? []), name]);
  }
  return names;
}

function loadContext(): LintContext {
  const registry = checkRegistry(parseYaml(read('content/products.yaml')));
  if (!registry.ok) throw new Error(registry.reason);
  const procedures = new Map<string, Procedure>();
  for (const file of readdirSync(`${root}content/procedures`).filter((f) => f.endsWith('.md'))) {
    const procedure = readProcedureMarkdown(read(`content/procedures/${file}`));
    if (!procedure.ok) throw new Error(`${file}: ${procedure.reason.message}`);
    procedures.set(procedure.value.id, procedure.value);
  }
  const names = loadNames();
  return {
    registry: registry.value,
    namesOf: (code) => names.get(code) ?? [],
    procedures,
    // The real day: content must say which of its platforms are out of support now.
    today: dayOf(new Date()),
  };
}

describe('shipped content', () => {
  it('content/windows-update/0x80244001.md parses and passes lint without errors or warnings', () => {
    const article = readArticleMarkdown(read('content/windows-update/0x80244001.md'));
    if (!article.ok) throw new Error(article.reason.message);
    expect(lintArticle(article.value, loadContext()).filter(blocksShipping)).toEqual([]);
  });
});
