import { describe, expect, it } from 'vitest';
import { TurnMemo } from './turn-memo.js';

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('TurnMemo', () => {
  it('reads a key once in a turn of the event loop and again in the next turn', async () => {
    const memo = new TurnMemo();
    let reads = 0;
    const read = (): number => ++reads;
    expect(memo.get('v', read)).toBe(1);
    await Promise.resolve();
    expect(memo.get('v', read)).toBe(1);
    await nextTurn();
    expect(memo.get('v', read)).toBe(2);
  });

  it('reads again at once after a write forgets the key, and keeps other keys', () => {
    const memo = new TurnMemo();
    let reads = 0;
    memo.get('a', () => ++reads);
    memo.get('b', () => 'kept');
    memo.forget('a');
    expect(memo.get('a', () => ++reads)).toBe(2);
    expect(memo.get('b', () => 'read again')).toBe('kept');
  });
});
