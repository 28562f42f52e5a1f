import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { composeForTest } from '../test-support/compose-for-test.js';
import { createHttpApp } from './create-http-app.js';

const ARTICLE = '/windows-update/0x80244001';

/** One sample's value from the Prometheus text, or undefined when the series is absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('/metrics', () => {
  it('answers Prometheus text with requests by route pattern and status', async () => {
    const composed = await composeForTest();
    const app = createHttpApp(composed.deps);
    await app.request('/codes/0x80244001'); // has an article: 302
    await app.request('/codes/0x80240023'); // no article: the code page
    await app.request('/codes/0x80240024');
    await app.request('/api/v1/codes/0x80244001');
    await app.request('/no/such/page/here');
    const answer = await app.request('/metrics');
    expect(answer.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await answer.text();
    // Two different codes are one series: the pattern, never the raw path.
    expect(
      sample(
        text,
        'http_requests_total{method="GET",route="/codes/:notation{[\\\\s\\\\S]+}",status="302"}',
      ),
    ).toBe(1);
    expect(
      sample(
        text,
        'http_requests_total{method="GET",route="/codes/:notation{[\\\\s\\\\S]+}",status="200"}',
      ),
    ).toBe(2);
    expect(
      sample(
        text,
        'http_requests_total{method="GET",route="/api/v1/codes/:notation{[\\\\s\\\\S]+}",status="200"}',
      ),
    ).toBe(1);
    expect(text).not.toContain('0x80240024');
    expect(text).not.toContain('/no/such/page');
    expect(
      sample(
        text,
        'http_request_duration_seconds_count{method="GET",route="/api/v1/codes/:notation{[\\\\s\\\\S]+}"}',
      ),
    ).toBe(1);
    expect(text).toContain('process_cpu_seconds_total');
    await composed.close();
  });

  it('counts page-cache misses and hits', async () => {
    const composed = await composeForTest();
    const app = createHttpApp(composed.deps);
    for (let i = 0; i < 3; i++) expect((await app.request(ARTICLE)).status).toBe(200);
    const text = await (await app.request('/metrics')).text();
    expect(sample(text, 'page_cache_lookups_total{result="miss"}')).toBe(1);
    expect(sample(text, 'page_cache_lookups_total{result="hit"}')).toBe(2);
    await composed.close();
  });

  // Counts are handed to prom-client when /metrics is read: each request must count once,
  // however many reads come between.
  it('counts each request once across several reads of /metrics', async () => {
    const composed = await composeForTest();
    const app = createHttpApp(composed.deps);
    const series = 'http_requests_total{method="GET",route="/:product/:code",status="200"}';
    const read = async () => (await app.request('/metrics')).text();
    for (let i = 0; i < 2; i++) await app.request(ARTICLE);
    expect(sample(await read(), series)).toBe(2);
    expect(sample(await read(), series)).toBe(2);
    for (let i = 0; i < 3; i++) await app.request(ARTICLE);
    const text = await read();
    expect(sample(text, series)).toBe(5);
    expect(sample(text, 'page_cache_lookups_total{result="miss"}')).toBe(1);
    expect(sample(text, 'page_cache_lookups_total{result="hit"}')).toBe(4);
    await composed.close();
  });

  it('gives every app its own registry, so two apps in one process never mix counts', async () => {
    const composed = await composeForTest();
    const first = createHttpApp(composed.deps);
    const second = createHttpApp(composed.deps);
    await first.request('/healthz');
    await first.request('/healthz');
    const series = 'http_requests_total{method="GET",route="/healthz",status="200"}';
    expect(sample(await (await first.request('/metrics')).text(), series)).toBe(2);
    expect(sample(await (await second.request('/metrics')).text(), series)).toBeUndefined();
    await composed.close();
  });

  it('counts a request that failed on a database error', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'atlas-metrics-'));
    folders.push(folder);
    const file = join(folder, 'atlas.db');
    const composed = await composeForTest({ kind: 'sqlite', file });
    const app = createHttpApp(composed.deps);
    const before = await (await app.request('/metrics')).text();
    expect(sample(before, 'database_errors_total')).toBe(0);
    // Another process breaks the schema under the running app.
    const other = new BetterSqlite3(file);
    other.exec('DROP TABLE articles');
    other.close();
    expect((await app.request('/api/v1/articles/windows-update/0x80244001')).status).toBe(500);
    const after = await (await app.request('/metrics')).text();
    expect(sample(after, 'database_errors_total')).toBe(1);
    await composed.close();
  });
});
