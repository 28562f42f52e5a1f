import type { Catalog } from '../core/codes/catalog.js';
import { type FamilyIndex, buildFamilyIndex } from '../core/families/family-index.js';
import { readFamilyMarkdown } from '../core/families/family-markdown.js';
import type { Family } from '../core/families/family-schema.js';
import type { ContentFile } from './content-file.js';

/**
 * Parses the bundled family files and checks them against the catalog. A broken bundled family
 * is a broken install, so this throws one Error listing every problem of every file.
 */
export function loadFamilyIndex(files: readonly ContentFile[], catalog: Catalog): FamilyIndex {
  const families: Family[] = [];
  const problems: string[] = [];
  for (const file of files) {
    const parsed = readFamilyMarkdown(file.text);
    if (!parsed.ok) {
      problems.push(`${file.path}: ${parsed.reason.message}`);
      continue;
    }
    const stem = (file.path.split('/').pop() ?? file.path).replace(/\.md$/, '');
    if (parsed.value.id !== stem) {
      problems.push(`${file.path}: id "${parsed.value.id}" must equal the file name "${stem}"`);
      continue;
    }
    families.push(parsed.value);
  }
  const index = buildFamilyIndex(families, catalog);
  if (!index.ok) problems.push(...index.reason.split('\n').map((line) => `family ${line}`));
  if (problems.length > 0 || !index.ok) {
    throw new Error(`families: ${problems.length} problem(s)\n  ${problems.join('\n  ')}`);
  }
  return index.value;
}
