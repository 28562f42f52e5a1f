import type { Clock } from '../core/ports.js';

/**
 * How many outcomes one client may send in a window. Counted in process memory only: the key
 * (the client address) is never stored, and the counts are forgotten when the window ends.
 * Several instances each count their own share; that bounds abuse, which is all it is for.
 */
export class OutcomeRateLimit {
  private windowStart = 0;
  private counts = new Map<string, number>();

  constructor(
    private readonly clock: Clock,
    readonly limit = 60,
    readonly windowMs = 60 * 60 * 1000,
  ) {}

  /** Takes one from the key's allowance; false when it has none left in this window. */
  take(key: string): boolean {
    const now = this.clock.now().getTime();
    if (now - this.windowStart >= this.windowMs) {
      this.windowStart = now;
      this.counts = new Map();
    }
    const used = this.counts.get(key) ?? 0;
    if (used >= this.limit) return false;
    this.counts.set(key, used + 1);
    return true;
  }
}
