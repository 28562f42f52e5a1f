import { describe, expect, it } from 'vitest';
import type { DemandStore } from '../../core/demand-ports.js';

const request = (
  code: string,
  requesterHash: string,
  day = '2026-11-26',
  at = `${day}T10:00:00Z`,
) => ({
  code,
  requesterHash,
  day,
  at,
});

/** The behaviour every DemandStore adapter must have; `open` gives a fresh, empty store. */
export function describeDemandStoreContract(name: string, open: () => DemandStore): void {
  describe(`DemandStore contract: ${name}`, () => {
    it('counts one request per requester, code and day', async () => {
      const store = open();
      expect(await store.recordArticleRequest(request('0x80070005', 'a'))).toEqual({
        recorded: true,
        requests: 1,
      });
      expect(await store.recordArticleRequest(request('0x80070005', 'a'))).toEqual({
        recorded: false,
        requests: 1,
      });
      expect(await store.recordArticleRequest(request('0x80070005', 'b'))).toEqual({
        recorded: true,
        requests: 2,
      });
      expect(await store.recordArticleRequest(request('0x80070005', 'a', '2026-11-27'))).toEqual({
        recorded: true,
        requests: 3,
      });
      expect(await store.articleRequestCount('0x80070005')).toBe(3);
      expect(await store.articleRequestCount('0x80244001')).toBe(0);
    });

    it('counts what one requester asked for on one day', async () => {
      const store = open();
      await store.recordArticleRequest(request('0x80070005', 'a'));
      await store.recordArticleRequest(request('0x80070002', 'a'));
      await store.recordArticleRequest(request('0x80070002', 'b'));
      expect(await store.countRequestsBy('a', '2026-11-26')).toBe(2);
      expect(await store.countRequestsBy('a', '2026-11-25')).toBe(0);
    });

    it('lists requested codes, most requested first', async () => {
      const store = open();
      await store.recordArticleRequest(
        request('0x80070002', 'a', '2026-11-26', '2026-11-26T09:00:00Z'),
      );
      await store.recordArticleRequest(request('0x80070005', 'a'));
      await store.recordArticleRequest(
        request('0x80070005', 'b', '2026-11-26', '2026-11-26T11:00:00Z'),
      );
      expect(await store.listArticleRequests()).toEqual([
        { code: '0x80070005', requests: 2, lastAt: '2026-11-26T11:00:00Z' },
        { code: '0x80070002', requests: 1, lastAt: '2026-11-26T09:00:00Z' },
      ]);
    });

    it('keeps one salt a day and forgets the salts of other days', async () => {
      const store = open();
      let made = 0;
      const make = () => `salt-${++made}`;
      const first = await store.dailySalt('2026-11-26', make);
      expect(await store.dailySalt('2026-11-26', make)).toBe(first);
      const next = await store.dailySalt('2026-11-27', make);
      expect(next).not.toBe(first);
      // The old day's salt is gone: asking for it again makes a new one.
      expect(await store.dailySalt('2026-11-26', make)).not.toBe(first);
    });

    it('adds up look-up counts', async () => {
      const store = open();
      await store.recordLookups(
        new Map([
          ['0x80244001', 2],
          ['0x80070005', 1],
        ]),
      );
      await store.recordLookups(new Map([['0x80244001', 3]]));
      expect(await store.lookupCounts(['0x80244001', '0x80070005', '0x80070002'])).toEqual(
        new Map([
          ['0x80244001', 5],
          ['0x80070005', 1],
        ]),
      );
      expect(await store.lookupCounts([])).toEqual(new Map());
    });

    it('adds up search misses by query; the latest search gives the kind and results', async () => {
      const store = open();
      const miss = (
        query: string,
        kind: 'zero' | 'weak',
        count: number,
        results: number,
        at: string,
      ) => ({
        query,
        kind,
        count,
        results,
        at,
      });
      await store.recordSearchMisses([
        miss('zanzibar proxy', 'zero', 2, 0, '2026-11-26T10:00:00Z'),
        miss('printer on fire', 'weak', 1, 4, '2026-11-26T09:00:00Z'),
      ]);
      await store.recordSearchMisses([
        miss('zanzibar proxy', 'weak', 1, 3, '2026-11-26T12:00:00Z'),
      ]);
      // A batch written late, from an earlier search: it counts, but does not win.
      await store.recordSearchMisses([
        miss('zanzibar proxy', 'zero', 1, 0, '2026-11-26T11:00:00Z'),
      ]);
      expect(await store.listSearchMisses(10)).toEqual([
        {
          query: 'zanzibar proxy',
          kind: 'weak',
          count: 4,
          lastResults: 3,
          lastSeen: '2026-11-26T12:00:00Z',
        },
        {
          query: 'printer on fire',
          kind: 'weak',
          count: 1,
          lastResults: 4,
          lastSeen: '2026-11-26T09:00:00Z',
        },
      ]);
      expect(await store.listSearchMisses(1)).toHaveLength(1);
      expect(await store.listSearchMisses(0)).toEqual([]);
      await store.recordSearchMisses([]);
    });

    it('lists misses searched as often by the latest first', async () => {
      const store = open();
      await store.recordSearchMisses([
        { query: 'older', kind: 'zero', count: 1, results: 0, at: '2026-11-25T10:00:00Z' },
        { query: 'newer', kind: 'zero', count: 1, results: 0, at: '2026-11-26T10:00:00Z' },
      ]);
      expect((await store.listSearchMisses(10)).map((m) => m.query)).toEqual(['newer', 'older']);
    });

    it('names the most looked-up codes, most first, ties by code, at most the limit', async () => {
      const store = open();
      expect(await store.mostLookedUp(5)).toEqual([]);
      await store.recordLookups(
        new Map([
          ['0x80070005', 2],
          ['0x80244001', 7],
          ['0x80070002', 2],
          ['0x8024402C', 1],
        ]),
      );
      await store.recordLookups(new Map([['0x8024402C', 9]]));
      expect(await store.mostLookedUp(3)).toEqual([
        { code: '0x8024402C', lookups: 10 },
        { code: '0x80244001', lookups: 7 },
        { code: '0x80070002', lookups: 2 },
      ]);
      expect((await store.mostLookedUp(10)).map((t) => t.code)).toEqual([
        '0x8024402C',
        '0x80244001',
        '0x80070002',
        '0x80070005',
      ]);
      expect(await store.mostLookedUp(0)).toEqual([]);
    });
  });
}
