import { Worker } from 'node:worker_threads';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  claimBack,
  claimFront,
  firstOfWorkers,
  MAX_PIECES,
  merged,
  newClaims,
  openClaims,
  pending,
  PENDING_FINDINGS,
  stopClaims,
  waitForRoom,
} from './piece-claims.js';

/** The built module, as a worker thread loads it (the range tests do the same). */
const BUILT = new URL('../../../dist/adapters/logs/piece-claims.js', import.meta.url);

describe('pieces claimed from both ends', () => {
  it('in any interleaving: each piece once, the front ones ascending, the back ones descending', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), fc.array(fc.boolean()), (count, order) => {
        const claims = newClaims();
        openClaims(claims, count);
        const front: number[] = [];
        const back: number[] = [];
        for (let i = 0; ; i++) {
          const fromFront = order[i % Math.max(1, order.length)] ?? true;
          const k = fromFront ? claimFront(claims) : claimBack(claims);
          if (k === -1) break;
          (fromFront ? front : back).push(k);
        }
        expect(claimFront(claims)).toBe(-1);
        expect(claimBack(claims)).toBe(-1);
        expect(front).toEqual(Array.from({ length: front.length }, (_, i) => i));
        expect(back).toEqual(Array.from({ length: back.length }, (_, i) => count - 1 - i));
        expect(front.length + back.length).toBe(count);
        expect(firstOfWorkers(claims)).toBe(front.length);
      }),
    );
  });

  it('with a worker thread claiming from the back at the same time: each piece once', async () => {
    const count = MAX_PIECES;
    const claims = newClaims();
    openClaims(claims, count);
    // Both start claiming only once the worker is up, so that the claims race.
    const go = new Int32Array(new SharedArrayBuffer(4));
    const worker = new Worker(
      `const { workerData, parentPort } = require('node:worker_threads');
       import(workerData.url).then(({ claimBack }) => {
         const got = [];
         Atomics.store(workerData.go, 0, 1);
         for (let k = claimBack(workerData.claims); k !== -1; k = claimBack(workerData.claims)) got.push(k);
         parentPort.postMessage(got);
       });`,
      { eval: true, workerData: { url: BUILT.href, claims, go } },
    );
    const theirs = new Promise<number[]>((resolve) => worker.once('message', resolve));
    const mine: number[] = [];
    while (Atomics.load(go, 0) === 0);
    for (let k = claimFront(claims); k !== -1; k = claimFront(claims)) mine.push(k);
    const back = await theirs;
    await worker.terminate();
    expect(new Set([...mine, ...back]).size).toBe(count);
    expect(mine.length + back.length).toBe(count);
    expect(firstOfWorkers(claims)).toBe(mine.length);
    expect(back.length).toBeGreaterThan(0);
  });

  it('stopping leaves nothing to claim; a worker waits for room only while claims are open', () => {
    const claims = newClaims();
    openClaims(claims, 10);
    pending(claims, PENDING_FINDINGS + 5);
    stopClaims(claims);
    // Returns at once: the ends have met, nothing would be claimed after the wait.
    waitForRoom(claims);
    expect(claimBack(claims)).toBe(-1);
    merged(claims, PENDING_FINDINGS + 5);
    openClaims(claims, 3);
    waitForRoom(claims);
    expect(claimBack(claims)).toBe(2);
  });
});
