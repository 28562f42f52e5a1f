/**
 * Values by key, each valid while the version it was made at is current (the store's content
 * version, with whatever else the value depends on): a request costs a version check, not the
 * work behind the value. Bounded, the least recently stored out first.
 */
export class VersionedCache<T> {
  private readonly entries = new Map<string, { version: string; value: T }>();

  /** `observe` hears every look-up's result (metrics count hits and misses with it). */
  constructor(
    private readonly capacity: number,
    private readonly observe?: (result: 'hit' | 'miss') => void,
  ) {}

  get(key: string, version: string): T | undefined {
    const entry = this.entries.get(key);
    const current = entry?.version === version ? entry.value : undefined;
    this.observe?.(current === undefined ? 'miss' : 'hit');
    return current;
  }

  set(key: string, version: string, value: T): T {
    this.entries.delete(key);
    this.entries.set(key, { version, value });
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return value;
  }
}
