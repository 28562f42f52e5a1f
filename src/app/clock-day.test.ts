import { describe, expect, it } from 'vitest';
import type { Clock } from '../core/ports.js';
import { dayOf } from '../core/products/platform-support.js';
import { dayOfClock } from './clock-day.js';

/** A clock a test moves by hand. */
const movable = (iso: string) => {
  let now = new Date(iso);
  const clock: Clock = { now: () => now };
  return { clock, set: (next: string) => (now = new Date(next)) };
};

describe('dayOfClock', () => {
  it('is the clock’s UTC day, and the next one from midnight UTC on', () => {
    const { clock, set } = movable('2026-12-08T23:59:59.998Z');
    expect(dayOfClock(clock)).toBe('2026-12-08');
    set('2026-12-08T23:59:59.999Z');
    expect(dayOfClock(clock)).toBe('2026-12-08');
    set('2026-12-09T00:00:00.000Z');
    expect(dayOfClock(clock)).toBe('2026-12-09');
  });

  it('follows a clock set back, and each clock on its own', () => {
    const first = movable('2027-01-12T10:00:00Z');
    const second = movable('2020-01-14T10:00:00Z');
    expect(dayOfClock(first.clock)).toBe('2027-01-12');
    expect(dayOfClock(second.clock)).toBe('2020-01-14');
    first.set('2027-01-11T23:59:59.999Z');
    expect(dayOfClock(first.clock)).toBe('2027-01-11');
    expect(dayOfClock(second.clock)).toBe('2020-01-14');
  });

  it('agrees with dayOf on instants across years, before 1970 included', () => {
    const { clock, set } = movable('1969-12-31T23:59:59.999Z');
    for (const iso of [
      '1969-12-31T23:59:59.999Z',
      '1970-01-01T00:00:00.000Z',
      '2024-02-29T12:00:00Z',
      '2026-12-31T23:59:59.999Z',
      '2027-01-01T00:00:00.000Z',
    ]) {
      set(iso);
      expect(dayOfClock(clock)).toBe(dayOf(new Date(iso)));
    }
  });
});
