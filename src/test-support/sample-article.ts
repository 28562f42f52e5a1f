import { articleSchema, type Article, type ArticleInput } from '../core/articles/schema.js';

/** A small valid article for tests that need one; fields given here replace the defaults. */
export function sampleArticle(overrides: Partial<ArticleInput> = {}): Article {
  return articleSchema.parse({
    code: '0x80244001',
    product: 'windows-update',
    title: 'Windows Update error 0x80244001',
    severity: 'moderate',
    meaning: { summary: 'Windows Update could not start talking to the update servers.' },
    fixes: [
      {
        id: 'reset-proxy',
        title: 'Reset the WinHTTP proxy',
        actions: [{ command: 'netsh winhttp reset proxy', shell: 'cmd' }],
      },
    ],
    ...overrides,
  });
}
