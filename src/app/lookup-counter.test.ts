import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryStorage } from '../adapters/memory/memory-storage.js';
import { LookupCounter } from './lookup-counter.js';

/** A real memory store whose writes fail while `down` is true. */
function flakyStore() {
  const { demand } = memoryStorage();
  const control = {
    down: true,
    attempts: 0,
    recordLookups: (counts: ReadonlyMap<string, number>): Promise<void> => {
      control.attempts += 1;
      return control.down
        ? Promise.reject(new Error('database is locked'))
        : demand.recordLookups(counts);
    },
    demand,
  };
  return control;
}

let unhandled: unknown[] = [];
const onUnhandled = (reason: unknown): void => {
  unhandled.push(reason);
};
beforeEach(() => {
  unhandled = [];
  process.on('unhandledRejection', onUnhandled);
});
afterEach(() => {
  process.off('unhandledRejection', onUnhandled);
});

describe('LookupCounter when the database write fails', () => {
  it('reports the failure, keeps the counts and writes them at the next flush', async () => {
    const store = flakyStore();
    const errors: string[] = [];
    const counter = new LookupCounter(store, {
      onWriteError: (error, state) =>
        errors.push(`${(error as Error).message}: ${state.pendingCodes} kept`),
    });
    counter.record('0x80244001');
    counter.record('0x80244001');
    counter.record('0x80070005');
    expect(await counter.flush()).toBe(false);
    expect(errors).toEqual(['database is locked: 2 kept']);
    counter.record('0x80244001');
    store.down = false;
    expect(await counter.flush()).toBe(true);
    expect(await store.demand.lookupCounts(['0x80244001', '0x80070005'])).toEqual(
      new Map([
        ['0x80244001', 3],
        ['0x80070005', 1],
      ]),
    );
    // Nothing is written twice.
    expect(await counter.flush()).toBe(true);
    expect((await store.demand.lookupCounts(['0x80244001'])).get('0x80244001')).toBe(3);
  });

  it('never leaves an unhandled rejection when a full batch flushes by itself', async () => {
    const store = flakyStore();
    let reported = 0;
    const counter = new LookupCounter(store, { batchSize: 3, onWriteError: () => reported++ });
    for (const code of ['0x00000001', '0x00000002', '0x00000003', '0x00000004']) {
      counter.record(code);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(store.attempts).toBe(1);
    expect(reported).toBe(1);
    expect(unhandled).toEqual([]);
    // After a failure, further look-ups do not retry one by one; the next flush does.
    counter.record('0x00000005');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(store.attempts).toBe(1);
    store.down = false;
    expect(await counter.flush()).toBe(true);
    expect((await store.demand.lookupCounts(['0x00000005'])).get('0x00000005')).toBe(1);
  });

  it('keeps at most maxPendingCodes codes while writes fail, and counts what it drops', async () => {
    const store = flakyStore();
    const counter = new LookupCounter(store, {
      batchSize: 2,
      maxPendingCodes: 2,
      onWriteError: () => undefined,
    });
    counter.record('0x00000001');
    counter.record('0x00000002');
    await new Promise((resolve) => setTimeout(resolve, 10));
    counter.record('0x00000003');
    counter.record('0x00000003');
    counter.record('0x00000001');
    expect(counter.droppedLookups).toBe(2);
    store.down = false;
    await counter.flush();
    expect(await store.demand.lookupCounts(['0x00000001', '0x00000002', '0x00000003'])).toEqual(
      new Map([
        ['0x00000001', 2],
        ['0x00000002', 1],
      ]),
    );
  });
});
