import type { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Composed } from '../../compose.js';
import { fixStatsResponseSchema, sessionResponseSchema } from '../../app/troubleshoot-responses.js';
import { OutcomeRateLimit } from '../../app/outcome-rate-limit.js';
import { composeForTest } from '../../test-support/compose-for-test.js';
import { createHttpApp } from '../create-http-app.js';

let composed: Composed;
let app: Hono;
let now: Date;
beforeEach(async () => {
  composed = await composeForTest();
  now = new Date('2026-11-26T10:00:00.000Z');
  composed.deps.clock = { now: () => now };
  composed.deps.outcomeLimit = new OutcomeRateLimit(composed.deps.clock, 1000);
  app = createHttpApp(composed.deps);
});
afterEach(() => composed.close());

const postJson = (path: string, body: unknown) =>
  app.request(path, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      origin: 'http://localhost',
      'sec-fetch-site': 'same-origin',
    },
    body: JSON.stringify(body),
  });

describe('troubleshooter API', () => {
  it('starts a session, takes the platform and answers, and ends fixed', async () => {
    const started = await postJson('/api/v1/sessions', {
      product: 'windows-update',
      code: '0x80244001',
    });
    expect(started.status).toBe(201);
    expect(started.headers.get('cache-control')).toBe('no-store');
    const session = sessionResponseSchema.parse(await started.json());
    expect(session.status).toBe('choose-platform');
    expect(session.url).toBe(`/windows-update/0x80244001/troubleshoot/${session.id}`);

    const outcomes = `/api/v1/sessions/${session.id}/outcomes`;
    const withPlatform = await postJson(outcomes, { platform: 'windows-10' });
    const afterPlatform = (await withPlatform.json()) as { recorded: boolean; session: unknown };
    const open = sessionResponseSchema.parse(afterPlatform.session);
    expect(open.current).toMatchObject({
      step: 0,
      position: 1,
      of: 7,
      fix: { id: 'restart-and-check' },
    });

    const answer = { step: 0, fix: 'restart-and-check', answer: 'fixed' };
    expect(await (await postJson(outcomes, answer)).json()).toMatchObject({
      recorded: true,
      session: { status: 'fixed', fixedBy: 'restart-and-check' },
    });
    expect(await (await postJson(outcomes, answer)).json()).toMatchObject({ recorded: false });

    const got = await app.request(`/api/v1/sessions/${session.id}`);
    expect(sessionResponseSchema.parse(await got.json()).steps).toHaveLength(1);
  });

  it.each([
    [{ product: 'windows-update' }, 400, 'invalid_request'],
    [{ product: 'nope', code: '0x80244001' }, 404, 'unknown_product'],
    [{ product: 'windows-update', code: '0x80244001', platform: 'amiga' }, 400, 'invalid_request'],
  ])('refuses %j with %i %s', async (body, status, code) => {
    const response = await postJson('/api/v1/sessions', body);
    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject({ error: { code } });
  });

  it('starts at the fix asked for, and refuses a fix that is not an id', async () => {
    const started = await postJson('/api/v1/sessions', {
      product: 'windows-update',
      code: '0x80072EFD',
      platform: 'windows-11',
      fix: 'reset-winhttp-proxy',
    });
    expect(started.status).toBe(201);
    const session = sessionResponseSchema.parse(await started.json());
    expect(session.current).toMatchObject({
      step: 0,
      position: 1,
      fix: { id: 'reset-winhttp-proxy' },
    });
    const refused = await postJson('/api/v1/sessions', {
      product: 'windows-update',
      code: '0x80072EFD',
      fix: 'Reset Proxy!',
    });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ error: { code: 'invalid_request' } });
  });

  it('answers 404 session_not_found and 410 session_expired', async () => {
    const unknown = await app.request('/api/v1/sessions/AAAAAAAAAAAAAAAAAAAAAA');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: 'session_not_found' } });
    const { id } = (await (
      await postJson('/api/v1/sessions', { product: 'windows-update', code: '0x80244001' })
    ).json()) as { id: string };
    now = new Date(now.getTime() + 30 * 24 * 3600 * 1000);
    const expired = await app.request(`/api/v1/sessions/${id}`);
    expect(expired.status).toBe(410);
    expect(await expired.json()).toMatchObject({ error: { code: 'session_expired' } });
  });

  it("gives an article's fix statistics, with the share shown from 30 people on", async () => {
    for (let person = 0; person < 30; person++) {
      await composed.deps.outcomes.recordOutcome({
        sourceId: `person-${person}`,
        product: 'windows-update',
        code: '0x80244001',
        fixId: 'reregister-msxml3',
        platform: 'windows-11',
        answer: person < 21 ? 'fixed' : 'still-failing',
        at: now.toISOString(),
      });
    }
    const response = await app.request(
      '/api/v1/articles/windows-update/0x80244001/stats?platform=windows-11',
    );
    expect(response.status).toBe(200);
    const stats = fixStatsResponseSchema.parse(await response.json());
    expect(stats.fixes.find((f) => f.id === 'reregister-msxml3')).toMatchObject({
      fixed: 21,
      stillFailing: 9,
      shown: { percent: 70, people: 30 },
    });
    expect(stats.fixes.find((f) => f.id === 'restart-and-check')).not.toHaveProperty('shown');
    expect((await app.request('/api/v1/articles/windows-update/0x80244001/stats')).status).toBe(
      400,
    );
    expect(
      (await app.request('/api/v1/articles/windows-update/0x80244002/stats?platform=windows-11'))
        .status,
    ).toBe(404);
  });
});

describe('the troubleshooter in the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document naming the session operations and their schemas', async () => {
    const { Validator } = await import('@seriousme/openapi-schema-validator');
    const doc = (await (await app.request('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, { operationId: string }>>;
      components: { schemas: Record<string, unknown> };
    };
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(doc.paths['/api/v1/sessions/{id}/outcomes']?.post?.operationId).toBe('answerSession');
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(['Session', 'SessionInput', 'FixStats']),
    );
  });
});
