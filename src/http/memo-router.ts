import type { Result, Router } from 'hono/router';
import { RegExpRouter } from 'hono/router/reg-exp-router';
import { SmartRouter } from 'hono/router/smart-router';
import { TrieRouter } from 'hono/router/trie-router';

/** Distinct method-and-path pairs kept; past this (someone probing made-up paths) it starts over. */
const KEPT_PATHS = 10_000;

/**
 * Hono's default router (the first of RegExpRouter and TrieRouter that takes every route;
 * ours need the trie) with its answers kept by method and path. People ask for the same
 * pages over and over, and a trie search over every route cost more than the rest of a
 * cached page's routing; a kept answer is one map look-up. The answers are Hono's own, which
 * it only reads. (Routes are all added before the first request: Hono's routers refuse a
 * route once they have matched one, so no kept answer can go stale.)
 */
export class MemoRouter<T> implements Router<T> {
  readonly name = 'MemoRouter';
  private readonly answers = new Map<string, Result<T>>();

  constructor(
    private readonly inner: Router<T> = new SmartRouter<T>({
      routers: [new RegExpRouter<T>(), new TrieRouter<T>()],
    }),
    private readonly capacity = KEPT_PATHS,
  ) {}

  add(method: string, path: string, handler: T): void {
    this.inner.add(method, path, handler);
  }

  match(method: string, path: string): Result<T> {
    const key = `${method} ${path}`;
    let answer = this.answers.get(key);
    if (answer === undefined) {
      answer = this.inner.match(method, path);
      if (this.answers.size >= this.capacity) this.answers.clear();
      this.answers.set(key, answer);
    }
    return answer;
  }

  /** How many answers are kept (for the test that the memo stays bounded). */
  get kept(): number {
    return this.answers.size;
  }
}
