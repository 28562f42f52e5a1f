import type { DemandStore } from '../core/demand-ports.js';

/**
 * Counts look-ups in memory and writes them in batches: a look-up never waits for a write.
 * The wiring flushes it on a timer and at shutdown.
 */
export class LookupCounter {
  private pending = new Map<string, number>();

  constructor(
    private readonly store: Pick<DemandStore, 'recordLookups'>,
    private readonly batchSize = 500,
  ) {}

  record(code: string): void {
    this.pending.set(code, (this.pending.get(code) ?? 0) + 1);
    if (this.pending.size >= this.batchSize) void this.flush();
  }

  async flush(): Promise<void> {
    if (this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    await this.store.recordLookups(batch);
  }
}
