import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeArticleMarkdown } from '../src/core/articles/markdown-write.js';
import { sampleArticle } from '../src/test-support/sample-article.js';

/** The code of generated article `i`: 0x00FB0000, 0x00FB0001, … (no table names them). */
export const generatedCode = (i: number): string =>
  `0x00FB${i.toString(16).toUpperCase().padStart(4, '0')}`;

/** Writes `count` valid article files (windows-update, several fixes each) into `dir`. */
export function writeGeneratedArticles(dir: string, count: number): void {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) {
    const code = generatedCode(i);
    const article = sampleArticle({
      code,
      title: `Windows Update error ${code}: a generated article for the import tests`,
      fixes: Array.from({ length: 4 }, (_, f) => ({
        id: `fix-${f + 1}`,
        title: `Fix number ${f + 1} for ${code}`,
        actions: [
          { step: 'Open Command Prompt as administrator.' },
          { command: 'net stop wuauserv', shell: 'cmd' as const },
          { command: 'net start wuauserv', shell: 'cmd' as const },
        ],
        why: `Restarting the service clears the state that ${code} comes from. `.repeat(4),
      })),
    });
    writeFileSync(join(dir, `${code}.md`), writeArticleMarkdown(article));
  }
}
