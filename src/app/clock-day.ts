import { dayOf } from '../core/products/platform-support.js';
import type { Clock } from '../core/ports.js';

/** A UTC day is exactly this long in JavaScript's time (no leap seconds). */
const DAY_MS = 86_400_000;

interface KeptDay {
  /** The first millisecond of the day, and the first of the next one. */
  start: number;
  next: number;
  day: string;
}

const kept = new WeakMap<Clock, KeptDay>();

/**
 * The clock's UTC calendar day (`dayOf(clock.now())`), formatted once per day: the pages ask
 * for it on every request, and formatting an ISO date each time cost more than comparing the
 * instant with the day's two bounds. The clock is still read each time, so a clock that moves
 * (a test's, or the system's across midnight, or backwards) is followed at once.
 */
export function dayOfClock(clock: Clock): string {
  const ms = clock.now().getTime();
  const day = kept.get(clock);
  if (day !== undefined && ms >= day.start && ms < day.next) return day.day;
  const start = Math.floor(ms / DAY_MS) * DAY_MS;
  const fresh = { start, next: start + DAY_MS, day: dayOf(new Date(start)) };
  kept.set(clock, fresh);
  return fresh.day;
}
