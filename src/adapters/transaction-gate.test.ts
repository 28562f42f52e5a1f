import { describe, expect, it } from 'vitest';
import { TransactionGate, type Access } from './transaction-gate.js';

const steps = () => {
  const done: string[] = [];
  return {
    done,
    steps: {
      begin: () => done.push('begin'),
      commit: () => done.push('commit'),
      rollback: () => done.push('rollback'),
    },
  };
};

/** A store bound to an access: reads a value through it. */
const storeOn = (access: Access) => ({ read: () => access(() => 'read') });

describe('TransactionGate', () => {
  // The gate switches its AsyncLocalStorage off whenever no transaction is open or queued
  // (it would tax every promise of the process otherwise), and on again for the next one.
  it('still refuses a call from inside a unit of work on an outside store after it went idle', async () => {
    const gate = new TransactionGate();
    const outside = storeOn(gate.outside);
    const first = steps();
    expect(await gate.transaction(first.steps, storeOn, (tx) => tx.read())).toBe('read');
    expect(first.done).toEqual(['begin', 'commit']);
    // Idle now: an outside call runs at once.
    expect(await outside.read()).toBe('read');
    const second = steps();
    const misuse = gate.transaction(second.steps, storeOn, () => outside.read());
    await expect(misuse).rejects.toThrow(/without going through it/);
    expect(second.done).toEqual(['begin', 'rollback']);
  });

  it('refuses a nested unit of work in a transaction queued behind another', async () => {
    const gate = new TransactionGate();
    const order: string[] = [];
    const first = gate.transaction(steps().steps, storeOn, async (tx) => {
      await tx.read();
      order.push('first');
    });
    const nested = gate.transaction(steps().steps, storeOn, () =>
      gate.transaction(steps().steps, storeOn, (tx) => tx.read()),
    );
    await first;
    await expect(nested).rejects.toThrow(/do not nest/);
    expect(order).toEqual(['first']);
  });

  it('answers an outside call after every queued transaction has ended', async () => {
    const gate = new TransactionGate();
    const outside = storeOn(gate.outside);
    const order: string[] = [];
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const running = gate.transaction(steps().steps, storeOn, async () => {
      await held;
      order.push('transaction');
    });
    const read = outside.read().then(() => order.push('outside'));
    release();
    await Promise.all([running, read]);
    expect(order).toEqual(['transaction', 'outside']);
    // And once idle again, at once.
    expect(await outside.read()).toBe('read');
  });
});
