import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { createHttpApp } from '../create-http-app.js';
import { composeForTest } from '../../test-support/compose-for-test.js';
import type { Composed } from '../../compose.js';
import {
  codeLookupSchema,
  errorResponseSchema,
  familyDetailSchema,
  familyListSchema,
  requestListSchema,
  requestOutcomeSchema,
  suggestionsSchema,
} from '../../app/responses.js';
import { DAILY_REQUEST_LIMIT } from '../../app/request-article.js';

const TOKEN = 'a-token-for-the-tests-0123456789';
let composed: Composed;
let app: Hono;
beforeAll(async () => {
  composed = await composeForTest({ kind: 'memory' }, TOKEN);
  app = createHttpApp(composed.deps);
});
afterAll(() => composed.close());

const call = async (path: string, init?: RequestInit) => {
  const response = await app.request(path, init);
  return { status: response.status, body: (await response.json()) as unknown, response };
};
const post = (path: string) => call(path, { method: 'POST' });

describe('readings carry their families and notes', () => {
  it.each([
    ['0x80244001', 'wu-pt'],
    ['0x80072EE2', 'network-winhttp'],
    ['0x80190193', 'http-status'],
    ['0x800F081F', 'cbs-servicing'],
    ['0xC0000005', 'ntstatus'],
    ['0x80200053', 'bits'],
  ])('%s belongs first to %s', async (code, family) => {
    const lookup = codeLookupSchema.parse((await call(`/api/v1/codes/${code}`)).body);
    expect(lookup.readings[0]?.families[0]).toBe(family);
  });

  it('gives a Windows Update code its one-line note', async () => {
    const lookup = codeLookupSchema.parse((await call('/api/v1/codes/0x80244001')).body);
    expect(lookup.readings[0]?.note?.length).toBeGreaterThan(20);
  });

  it('reads a setup result with its extend code: phase and operation', async () => {
    const input = encodeURIComponent('0xC1900101 - 0x4000D');
    const lookup = codeLookupSchema.parse((await call(`/api/v1/codes/${input}`)).body);
    expect(lookup.readings[0]?.code).toBe('0xC1900101');
    expect(lookup.readings[0]?.extend).toMatchObject({
      phase: { number: 4, name: 'SP_EXECUTION_OOBE_BOOT' },
      operation: { number: 13 },
    });
  });
});

describe('GET /api/v1/codes/{notation}/suggestions', () => {
  it('suggests 0x80244001 first for 80244O01 (letter O for zero)', async () => {
    const { status, body } = await call('/api/v1/codes/80244O01/suggestions');
    expect(status).toBe(200);
    expect(suggestionsSchema.parse(body).suggestions[0]?.code).toBe('0x80244001');
  });

  it('puts the most looked-up code first among codes at the same distance', async () => {
    const before = suggestionsSchema.parse((await call('/api/v1/codes/8024401/suggestions')).body);
    const atOne = before.suggestions.filter((s) => s.distance === before.suggestions[0]?.distance);
    expect(atOne.length).toBeGreaterThan(2);
    const last = atOne[atOne.length - 1];
    if (!last) throw new Error('no suggestion');
    expect(before.suggestions[0]?.code).not.toBe(last.code);
    for (let i = 0; i < 3; i++) await call(`/api/v1/codes/${last.code}`);
    await composed.deps.lookups.flush();
    const after = suggestionsSchema.parse((await call('/api/v1/codes/8024401/suggestions')).body);
    expect(after.suggestions[0]).toMatchObject({ code: last.code, lookups: 3 });
  });
});

describe('families', () => {
  it('lists every family with its member count', async () => {
    const { status, body } = await call('/api/v1/families');
    expect(status).toBe(200);
    const { families } = familyListSchema.parse(body);
    const pt = families.find((f) => f.id === 'wu-pt');
    expect(pt).toMatchObject({
      members: 79,
      url: '/families/wu-pt',
      apiUrl: '/api/v1/families/wu-pt',
    });
    expect(families.map((f) => f.id)).toEqual(
      expect.arrayContaining(['win32-wrapped', 'network-winhttp', 'windows-setup', 'ntstatus']),
    );
  });

  it('gives one family with its text and a note for each of its codes', async () => {
    const family = familyDetailSchema.parse((await call('/api/v1/families/wu-pt')).body);
    expect(family.match).toBe('wuComponent: PT');
    expect(family.codes).toHaveLength(79);
    expect(family.codes.find((c) => c.code === '0x80244001')?.name).toBe(
      'WU_E_PT_SOAPCLIENT_INITIALIZE',
    );
    // The advice for scripts, as the family file gives it.
    expect(family.retry).toEqual(composed.deps.families.get('wu-pt')?.retry);
    expect(family.retry.when).toMatch(/^(transient|after-restart|after-fix|permanent)$/);
  });

  it('answers 404 not_found naming the known families', async () => {
    const { status, body } = await call('/api/v1/families/nope');
    expect(status).toBe(404);
    expect(errorResponseSchema.parse(body).error.message).toContain('wu-pt');
  });
});

describe('article requests', () => {
  it('counts a request once per address and day', async () => {
    const first = await post('/api/v1/codes/0x80070057/requests');
    expect(first.status).toBe(201);
    expect(requestOutcomeSchema.parse(first.body)).toEqual({
      code: '0x80070057',
      recorded: true,
      requests: 1,
    });
    const again = requestOutcomeSchema.parse(
      (await post('/api/v1/codes/0x80070057/requests')).body,
    );
    expect(again).toEqual({ code: '0x80070057', recorded: false, requests: 1 });
  });

  it.each([
    ['80070002', 400, 'invalid_request'],
    ['0x80244001', 409, 'article_exists'],
  ])('refuses %s with %i %s', async (code, status, errorCode) => {
    const response = await post(`/api/v1/codes/${code}/requests`);
    expect(response.status).toBe(status);
    expect(errorResponseSchema.parse(response.body).error.code).toBe(errorCode);
  });

  it(`stops an address after ${DAILY_REQUEST_LIMIT} codes a day with 429 rate_limited`, async () => {
    const fresh = await composeForTest();
    const local = createHttpApp(fresh.deps);
    for (let i = 0; i < DAILY_REQUEST_LIMIT; i++) {
      // Codes no article covers: a request for a code with an article is refused (409).
      const code = `0x800700${(0x30 + i).toString(16).toUpperCase()}`;
      expect(
        (await local.request(`/api/v1/codes/${code}/requests`, { method: 'POST' })).status,
      ).toBe(201);
    }
    const over = await local.request('/api/v1/codes/0x80070050/requests', { method: 'POST' });
    expect(over.status).toBe(429);
    expect(errorResponseSchema.parse(await over.json()).error.code).toBe('rate_limited');
    await fresh.close();
  });

  it('lists requests only with the configured token', async () => {
    const without = await call('/api/v1/requests');
    expect(without.status).toBe(401);
    expect(without.response.headers.get('www-authenticate')).toContain('Bearer');
    const wrong = await call('/api/v1/requests', { headers: { authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(401);
    const right = await call('/api/v1/requests', { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(right.status).toBe(200);
    expect(requestListSchema.parse(right.body).requests).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: '0x80070057', requests: 1 })]),
    );
  });

  it('keeps the listing switched off when no token is configured', async () => {
    const fresh = await composeForTest();
    const response = await createHttpApp(fresh.deps).request('/api/v1/requests', {
      headers: { authorization: 'Bearer anything' },
    });
    expect(response.status).toBe(401);
    expect(errorResponseSchema.parse(await response.json()).error.message).toContain(
      'switched off',
    );
    await fresh.close();
  });
});
