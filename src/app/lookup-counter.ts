import type { DemandStore } from '../core/demand-ports.js';
import type { CodeLookup } from './responses.js';

export interface LookupCounterOptions {
  /** A flush starts by itself once this many codes are pending. */
  batchSize?: number;
  /**
   * At most this many codes are kept while writes fail; counts for further codes are dropped
   * (and reported), so a database that stays down cannot grow the server's memory without end.
   */
  maxPendingCodes?: number;
  /** Told of a failed write; the counts stay pending for the next flush. */
  onWriteError?: (error: unknown, state: { pendingCodes: number; droppedLookups: number }) => void;
}

const logToStderr: NonNullable<LookupCounterOptions['onWriteError']> = (error, state) => {
  const reason = error instanceof Error ? error.message : String(error);
  console.error(
    `look-up counts not written (${reason}); ${state.pendingCodes} codes kept for the next ` +
      `flush, ${state.droppedLookups} look-ups dropped so far`,
  );
};

/**
 * Counts look-ups in memory and writes them in batches: a look-up never waits for a write.
 * The wiring flushes it on a timer and at shutdown. A failed write is reported and retried at
 * the next flush with the counts kept (bounded); `flush` never rejects, so neither the timer
 * nor a full batch can end the process with an unhandled rejection.
 */
export class LookupCounter {
  private pending = new Map<string, number>();
  private writing = false;
  /** After a failed write, only the timer (or shutdown) tries again: no retry per look-up. */
  private failing = false;
  private dropped = 0;
  private readonly batchSize: number;
  private readonly maxPendingCodes: number;
  private readonly onWriteError: NonNullable<LookupCounterOptions['onWriteError']>;

  constructor(
    private readonly store: Pick<DemandStore, 'recordLookups'>,
    options: LookupCounterOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 500;
    this.maxPendingCodes = Math.max(options.maxPendingCodes ?? 10_000, this.batchSize);
    this.onWriteError = options.onWriteError ?? logToStderr;
  }

  /** Counts one look-up of a code (a canonical, known code). */
  record(code: string): void {
    this.add(code, 1);
    if (this.pending.size >= this.batchSize && !this.writing && !this.failing) void this.flush();
  }

  /** Counts a look-up served to a person: its best reading, when that code is known. */
  recordLookup(lookup: Pick<CodeLookup, 'known' | 'readings'>): void {
    const best = lookup.readings[0];
    if (lookup.known && best) this.record(best.code);
  }

  /** Look-ups dropped because writes kept failing with `maxPendingCodes` codes pending. */
  get droppedLookups(): number {
    return this.dropped;
  }

  /**
   * Writes what is pending. Resolves true when it is written (or nothing was pending), false
   * when the write failed: then the counts are pending again and `onWriteError` was told.
   */
  async flush(): Promise<boolean> {
    if (this.pending.size === 0) return true;
    const batch = this.pending;
    this.pending = new Map();
    this.writing = true;
    try {
      await this.store.recordLookups(batch);
      this.failing = false;
      return true;
    } catch (error) {
      this.failing = true;
      for (const [code, n] of batch) this.add(code, n);
      this.onWriteError(error, {
        pendingCodes: this.pending.size,
        droppedLookups: this.dropped,
      });
      return false;
    } finally {
      this.writing = false;
    }
  }

  private add(code: string, n: number): void {
    const current = this.pending.get(code);
    if (current === undefined && this.pending.size >= this.maxPendingCodes) {
      this.dropped += n;
      return;
    }
    this.pending.set(code, (current ?? 0) + n);
  }
}
