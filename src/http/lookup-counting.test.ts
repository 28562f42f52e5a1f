import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { createHttpApp } from './create-http-app.js';
import { composeForTest } from '../test-support/compose-for-test.js';
import type { Composed } from '../compose.js';
import { lookupCode } from '../app/lookup-code.js';
import { LookupCounter } from '../app/lookup-counter.js';

let composed: Composed;
let app: Hono;
beforeEach(async () => {
  composed = await composeForTest();
  app = createHttpApp(composed.deps);
});
afterEach(() => composed.close());

/** The stored look-up count of one code, after writing what is pending. */
async function countOf(code: string): Promise<number> {
  await composed.deps.lookups.flush();
  return (await composed.deps.demand.lookupCounts([code])).get(code) ?? 0;
}

describe('look-ups are counted by the routes that serve a person', () => {
  it('counts every view of an article page, cached or not', async () => {
    for (let i = 0; i < 3; i++) {
      expect((await app.request('/windows-update/0x80244001')).status).toBe(200);
    }
    expect(await countOf('0x80244001')).toBe(3);
  });

  it('counts each code page shown, and not the redirects on the way to a page', async () => {
    expect((await app.request('/codes/0x80070057')).status).toBe(200);
    expect((await app.request('/codes/0x80070057')).status).toBe(200);
    // To the canonical address, and to the only article: the page reached counts, once.
    expect((await app.request('/codes/80070057')).status).toBe(301);
    expect((await app.request('/codes/0x80244001')).status).toBe(302);
    expect(await countOf('0x80070057')).toBe(2);
    expect(await countOf('0x80244001')).toBe(0);
  });

  it('counts an API look-up of a known code, not of an unknown one', async () => {
    expect((await app.request('/api/v1/codes/0x80070057')).status).toBe(200);
    expect((await app.request('/api/v1/codes/0x00FA0001')).status).toBe(200);
    expect(await countOf('0x80070057')).toBe(1);
    expect(await countOf('0x00FA0001')).toBe(0);
  });

  it('does not count inside the lookupCode use case itself (a query has no side effect)', async () => {
    const lookup = await lookupCode(composed.deps, '0x80070057');
    expect(lookup.known).toBe(true);
    expect(await countOf('0x80070057')).toBe(0);
  });
});

describe('look-up counting when the database refuses the write', () => {
  it('keeps serving, reports the failure and leaves no unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const reports: string[] = [];
      const failing = {
        recordLookups: (): Promise<void> => Promise.reject(new Error('SQLITE_READONLY')),
      };
      // A batch of 2, so the second look-up starts a write by itself, which fails.
      const lookups = new LookupCounter(failing, {
        batchSize: 2,
        onWriteError: (error) => reports.push((error as Error).message),
      });
      const failingApp = createHttpApp({ ...composed.deps, lookups });
      for (const path of ['/api/v1/codes/0x80070057', '/codes/0x80070070', '/api/v1/codes/87']) {
        expect((await failingApp.request(path)).status).toBe(200);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(reports).toEqual(['SQLITE_READONLY']);
      expect(await lookups.flush()).toBe(false);
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
