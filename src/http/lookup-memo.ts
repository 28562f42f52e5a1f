import type { AppDeps } from '../app/deps.js';
import { lookupCode } from '../app/lookup-code.js';
import type { CodeLookup } from '../app/responses.js';
import { VersionedCache } from './versioned-cache.js';

/**
 * `lookupCode`'s answers by input, kept while the store's content version is unchanged: the
 * catalog and the families are fixed for the process, so the articles are all that can change
 * an answer. Input that does not parse throws, as `lookupCode` does, and is not kept.
 */
export class LookupMemo {
  private readonly answers = new VersionedCache<CodeLookup>(5_000);

  constructor(private readonly deps: Pick<AppDeps, 'catalog' | 'families' | 'store'>) {}

  /** The answer and the content version it is valid at (for caches built on top of it). */
  async lookup(input: string): Promise<{ lookup: CodeLookup; version: string }> {
    // The version is read first: an answer computed meanwhile from newer articles is kept under
    // the older version, so it is only ever recomputed too early, never served stale.
    const version = await this.deps.store.contentVersion();
    const lookup =
      this.answers.get(input, version) ??
      this.answers.set(input, version, await lookupCode(this.deps, input));
    return { lookup, version };
  }
}
