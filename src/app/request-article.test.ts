import { describe, expect, it } from 'vitest';
import { memoryStorage } from '../adapters/memory/memory-storage.js';
import { DAILY_REQUEST_LIMIT, requestArticle } from './request-article.js';

const clock = { now: () => new Date('2026-11-26T10:00:00Z') };

describe('requestArticle', () => {
  it('accepts exactly the daily limit when one address sends many requests at once', async () => {
    // Only the ports the use case declares: a unit of work and a clock.
    const { unitOfWork, demand } = memoryStorage();
    const codes = Array.from({ length: 60 }, (_, i) => `0x00FA${String(i).padStart(4, '0')}`);
    const outcomes = await Promise.allSettled(
      codes.map((code) => requestArticle({ unitOfWork, clock }, code, '203.0.113.7')),
    );
    const accepted = outcomes.filter((o) => o.status === 'fulfilled');
    const refused = outcomes.filter(
      (o) => o.status === 'rejected' && (o.reason as { code?: string }).code === 'rate_limited',
    );
    expect(accepted).toHaveLength(DAILY_REQUEST_LIMIT);
    expect(refused).toHaveLength(codes.length - DAILY_REQUEST_LIMIT);
    const stored = await demand.listArticleRequests();
    expect(stored).toHaveLength(DAILY_REQUEST_LIMIT);
  });

  it('still counts another address while one is limited', async () => {
    const { unitOfWork } = memoryStorage();
    for (let i = 0; i < DAILY_REQUEST_LIMIT; i++) {
      await requestArticle({ unitOfWork, clock }, `0x00FA${String(i).padStart(4, '0')}`, 'a');
    }
    await expect(requestArticle({ unitOfWork, clock }, '0x00FB0000', 'a')).rejects.toMatchObject({
      code: 'rate_limited',
    });
    expect(await requestArticle({ unitOfWork, clock }, '0x00FB0000', 'b')).toMatchObject({
      recorded: true,
      requests: 1,
    });
  });
});
