import type { ArticleStore } from '../core/ports.js';

type Mentions = ReadonlyMap<number, readonly number[]>;

const valueOf = (code: string): number => Number.parseInt(code.slice(2), 16) >>> 0;

/**
 * Which codes articles name together (an article's own code and its `related` list), by code
 * value. Rebuilt only when the store's content version changes.
 */
export class ArticleMentions {
  private version: string | undefined;
  private mentions: Mentions = new Map();

  constructor(private readonly store: ArticleStore) {}

  async get(): Promise<Mentions> {
    const version = await this.store.contentVersion();
    if (version === this.version) return this.mentions;
    const together = new Map<number, number[]>();
    for (const { article } of await this.store.listArticles()) {
      const codes = [article.code, ...article.related].map(valueOf);
      for (const code of codes) {
        const list = together.get(code) ?? [];
        for (const other of codes) if (other !== code && !list.includes(other)) list.push(other);
        together.set(code, list);
      }
    }
    this.mentions = together;
    this.version = version;
    return together;
  }
}
