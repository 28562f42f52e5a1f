import { readFileSync } from 'node:fs';
import { importPageText } from '../core/articles/page-import.js';
import type { Article, InlineFix } from '../core/articles/schema.js';
import { parseRegistryYaml, type ProductRegistry } from '../core/products/registry.js';

/** Shared by the page-import tests: the bundled registry, the test pages, small helpers. */
const root = new URL('../../', import.meta.url);

export const readPage = (name: string): string =>
  readFileSync(new URL(`test/pages/${name}`, root), 'utf8');

export function loadRegistry(): ProductRegistry {
  const registry = parseRegistryYaml(readFileSync(new URL('content/products.yaml', root), 'utf8'));
  if (!registry.ok) throw new Error(registry.reason);
  return registry.value;
}

export function importOk(text: string, registry: ProductRegistry): Article {
  const result = importPageText(text, registry);
  if (!result.ok) throw new Error(result.reason.message);
  return result.value;
}

export function fixAt(article: Article, index: number): InlineFix {
  const fix = article.fixes[index];
  if (fix === undefined || 'use' in fix) throw new Error(`no inline fix at ${index}`);
  return fix;
}

export const cmd = (command: string) => ({ command, shell: 'cmd' as const });
export const ps = (command: string) => ({ command, shell: 'powershell' as const });
