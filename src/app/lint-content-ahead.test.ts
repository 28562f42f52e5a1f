import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_CONTENT_DIR } from '../config.js';
import type { Composed } from '../compose.js';
import { blocksShipping } from '../core/articles/lint-rules.js';
import { SUPPORT_ENDING_DAYS } from '../core/articles/lint-support.js';
import { addDays, dayOf } from '../core/products/platform-support.js';
import type { ProductRegistry } from '../core/products/registry.js';
import { composeForTest } from '../test-support/compose-for-test.js';
import { lintContent } from './lint-content.js';

/**
 * Lint judges support on the day it runs, so shipped content that lists a platform fails the
 * day that platform's support ends (or, for the warning, 90 days before) with no change to
 * the code. Here the whole shipped content is linted on those days now, so such a time bomb
 * shows up in CI this long before it goes off.
 */
const HORIZON_DAYS = 400;

/**
 * Today, and for each platform whose support ends within the horizon the first day lint warns
 * about it and the day after its end (the first day it counts as out of support).
 */
function daysToLint(registry: ProductRegistry, today: string, horizon: number): string[] {
  const days = new Set([today]);
  for (const { support } of registry.platforms) {
    if (!support || support.ends < today || support.ends > addDays(today, horizon)) continue;
    const warnFrom = addDays(support.ends, -SUPPORT_ENDING_DAYS);
    days.add(warnFrom > today ? warnFrom : today).add(addDays(support.ends, 1));
  }
  return [...days].sort();
}

/** Every file `erratlas lint content` reads: the Markdown files and products.yaml. */
function shippedFiles(): { path: string; text: string }[] {
  return readdirSync(BUNDLED_CONTENT_DIR, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.md') || path === 'products.yaml')
    .sort()
    .map((path) => ({ path, text: readFileSync(join(BUNDLED_CONTENT_DIR, path), 'utf8') }));
}

describe('days to lint ahead', () => {
  it('are today, and the first warning day and the day after each end within the horizon', () => {
    const source = { title: 'Lifecycle', url: 'https://learn.microsoft.com/en-us/lifecycle/' };
    const platform = (id: string, ends: string) => ({ id, name: id, support: { ends, source } });
    const registry: ProductRegistry = {
      platforms: [
        platform('ended', '2025-10-14'),
        platform('soon', '2027-01-12'),
        platform('later', '2027-06-08'),
        platform('beyond', '2029-01-09'),
        { id: 'undated', name: 'undated' },
      ],
      products: [],
    };
    expect(daysToLint(registry, '2026-12-08', HORIZON_DAYS)).toEqual([
      '2026-12-08', // today; "soon" is already within its 90 days
      '2027-01-13', // the day after "soon" ends
      '2027-03-10', // 90 days before "later" ends
      '2027-06-09', // the day after "later" ends
    ]);
  });
});

describe('the shipped content, ahead of its platforms’ end dates', () => {
  let composed: Composed;
  beforeAll(async () => {
    composed = await composeForTest();
  });
  afterAll(async () => {
    await composed.close();
  });

  it('passes lint on every day to lint within the next 400 days', async () => {
    const { catalog, registry, clock, store } = composed.deps;
    const procedures = new Map(
      (await store.listProcedures()).map((p) => [p.procedure.id, p.procedure]),
    );
    // The real day (the composed clock), so that an end date entering the horizon is checked
    // months before it comes.
    const days = daysToLint(registry, dayOf(clock.now()), HORIZON_DAYS);
    const files = shippedFiles();
    expect(files.filter((f) => f.path.startsWith('windows-update/')).length).toBeGreaterThan(60);
    const blocking = days.flatMap((today) =>
      lintContent({ registry, catalog, procedures, today }, files).flatMap((result) =>
        result.problems
          .filter(blocksShipping)
          .map((p) => `${today} ${result.path}:${p.line ?? ''}: ${p.code}: ${p.message}`),
      ),
    );
    expect(blocking).toEqual([]);
  });
});
