import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Composed } from '../compose.js';
import { DomainError } from '../core/errors.js';
import { composeForTest } from '../test-support/compose-for-test.js';
import { sampleArticle } from '../test-support/sample-article.js';
import { parseSearchParams, search, MAX_SEARCH_LIMIT } from './search.js';
import { searchResponseSchema } from './search-response.js';

const folder = mkdtempSync(join(tmpdir(), 'atlas-search-'));
let composed: Composed;
beforeAll(async () => {
  composed = await composeForTest({ kind: 'sqlite', file: join(folder, 'atlas.db') });
}, 60_000);
afterAll(async () => {
  await composed.close();
  rmSync(folder, { recursive: true, force: true });
});

const run = (raw: Record<string, string | undefined>) =>
  search(composed.deps, parseSearchParams(composed.deps, raw));

describe('search: codes first', () => {
  it.each([
    ['0x8024402f windows 10', '0x8024402F'],
    ['WU_E_PT_SOAPCLIENT_INITIALIZE', '0x80244001'],
    ['error 0x80070005 when installing', '0x80070005'],
  ])('%s reads exactly as %s, with no did-you-mean for it', async (q, code) => {
    const result = await run({ q });
    expect(result.codes[0]?.code).toBe(code);
    expect(result.didYouMean.map((d) => d.code)).not.toContain(code);
  });

  it.each([
    ['WinHttpReceiveResponse failed: 12002', '0x80072EE2'],
    ['1900101-40017', '0xC1900101'],
    ['PT_HTTP_STATUS_DENIED_ERROR', '0x80244017'],
    ['error 0x8O244001 today', '0x80244001'],
  ])('%s: no exact reading, did you mean %s', async (q, code) => {
    const result = await run({ q });
    expect(result.codes).toEqual([]);
    expect(result.didYouMean.map((d) => d.code)).toContain(code);
  });

  it('answers a code with its article first, then articles that mention it', async () => {
    const result = await run({ q: '0x80070005' });
    expect(result.articles[0]?.code).toBe('0x80070005');
  });

  it('finds codes by what they mean (names, notes), with the matched words marked', async () => {
    const result = await run({ q: 'soap client' });
    expect(result.codesByMeaning.slice(0, 5).map((c) => c.title)).toContain(
      'WU_E_PT_SOAPCLIENT_INITIALIZE',
    );
    expect(result.articles[0]?.snippet.some((s) => s.hit)).toBe(true);
  });
});

describe('search: filters and facets', () => {
  it('filters by severity and counts facets over what is found', async () => {
    const all = await run({ q: 'update' });
    const high = all.facets.severity.find((f) => f.value === 'high');
    expect(high?.count).toBeGreaterThan(0);
    const filtered = await run({ q: 'update', severity: 'high', limit: '50' });
    expect(filtered.articles.length).toBe(high?.count);
    expect(filtered.articles.every((a) => a.severity === 'high')).toBe(true);
    // Codes have no severity: a severity filter leaves only articles.
    expect(filtered.codesByMeaning).toEqual([]);
  });

  it('filters by platform and family', async () => {
    const byFamily = await run({ q: 'proxy', family: 'wu-pt' });
    expect(byFamily.codesByMeaning.length).toBeGreaterThan(0);
    expect(byFamily.codesByMeaning.every((c) => c.families.includes('wu-pt'))).toBe(true);
    const byPlatform = await run({ q: 'update', platform: 'windows-7' });
    const everywhere = await run({ q: 'update' });
    expect(byPlatform.total.articles).toBeLessThanOrEqual(everywhere.total.articles);
  });

  it('pages with a cursor: the second page continues the first', async () => {
    const first = await run({ q: 'update', limit: '3' });
    expect(first.nextCursor).toBeDefined();
    const second = await run({ q: 'update', limit: '3', cursor: first.nextCursor });
    const all = await run({ q: 'update', limit: '6' });
    expect([...first.articles, ...second.articles].map((a) => a.code)).toEqual(
      all.articles.map((a) => a.code),
    );
  });
});

describe('search: bad parameters', () => {
  it.each([
    [{ product: 'office' }, 'product'],
    [{ severity: 'urgent' }, 'severity'],
    [{ family: 'nope' }, 'family'],
    [{ platform: 'windows-95' }, 'platform'],
    [{ limit: '0' }, 'limit'],
    [{ limit: String(MAX_SEARCH_LIMIT + 1) }, 'limit'],
    [{ limit: 'ten' }, 'limit'],
    [{ cursor: 'not-a-cursor' }, 'cursor'],
    [{ cursor: '%%%' }, 'cursor'],
  ])('%j is invalid_search_parameter naming %s', (raw, parameter) => {
    let caught: unknown;
    try {
      parseSearchParams(composed.deps, { q: 'x', ...raw });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DomainError);
    expect((caught as DomainError).code).toBe('invalid_search_parameter');
    expect((caught as DomainError).details.parameter).toBe(parameter);
    expect((caught as DomainError).message).toContain(parameter);
  });
});

describe('search: any text is a query', () => {
  it.each([
    '"',
    '*',
    '-',
    ':',
    '^',
    'NEAR(update proxy)',
    'update AND OR NOT',
    '((((',
    '\u0000\u0007\u001b',
    '!!!???',
    'x'.repeat(10_240),
    'update '.repeat(2000),
    '',
  ])('%j answers without an error', async (q) => {
    const result = await run({ q });
    expect(searchResponseSchema.parse(result).query.length).toBeLessThanOrEqual(2048);
  });

  it('never throws on arbitrary text (fast-check against the real FTS5 index)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 300 }), async (q) => {
        const result = await run({ q });
        searchResponseSchema.parse(result);
      }),
      { numRuns: 150 },
    );
  }, 60_000);
});

describe('search: the index follows the store', () => {
  it('finds an article saved after the first search, by content version', async () => {
    expect((await run({ q: 'zanzibarquux' })).articles).toEqual([]);
    const article = sampleArticle({
      code: '0x80070057',
      title: 'Error 0x80070057: the zanzibarquux parameter is wrong',
    });
    await composed.deps.store.saveArticle({
      article,
      contentHash: 'test-hash-zanzibarquux',
      baseRevision: 0,
      at: '2026-12-04T20:00:00Z',
      author: 'test',
      reason: 'search test',
    });
    expect((await run({ q: 'zanzibarquux' })).articles.map((a) => a.code)).toEqual(['0x80070057']);
  });
});
