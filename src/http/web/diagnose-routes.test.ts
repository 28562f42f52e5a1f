import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { createHttpApp } from '../create-http-app.js';
import { composeForTest } from '../../test-support/compose-for-test.js';
import type { Composed } from '../../compose.js';
import { healthyReport } from '../../core/diagnose/report-fixtures.js';
import type { DiagnosticReport } from '../../core/diagnose/report-schema.js';
import { renderDiagnosticScript } from '../../core/diagnose/diagnostic-script.js';

const folder = mkdtempSync(join(tmpdir(), 'atlas-diagnose-'));
const file = join(folder, 'atlas.db');
let composed: Composed;
let app: Hono;
beforeAll(async () => {
  composed = await composeForTest({ kind: 'sqlite', file });
  app = createHttpApp(composed.deps);
});
afterAll(async () => {
  await composed.close();
  rmSync(folder, { recursive: true, force: true });
});

const SAME_ORIGIN = { 'sec-fetch-site': 'same-origin' };

function upload(content: string, name = 'erratlas-report.json') {
  const form = new FormData();
  form.set('report', new File([content], name, { type: 'application/json' }));
  return app.request('/diagnose', { method: 'POST', body: form, headers: SAME_ORIGIN });
}

function proxyReport(): DiagnosticReport {
  const r = healthyReport();
  r.proxy.winhttp = { direct: false, server: 'proxy.example:8080', bypass: null, text: [] };
  for (const e of r.endpoints)
    e.http = { status: null, proxy: 'proxy.example:8080', error: 'failed' };
  return r;
}

/** Rows in every table of the database file: what "nothing stored" is checked against. */
function rowCounts(): Record<string, number> {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .all() as { name: string }[];
    return Object.fromEntries(
      tables.map(({ name }) => [
        name,
        (db.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n,
      ]),
    );
  } finally {
    db.close();
  }
}

describe('/diagnose', () => {
  it('offers the read-only check and a form for its report', async () => {
    const html = await (await app.request('/diagnose')).text();
    expect(html).toContain('href="/diagnose/erratlas-diagnose.ps1"');
    expect(html).toContain('enctype="multipart/form-data"');
    expect(html).toContain('name="report"');
  });

  it('downloads the diagnostic script made from the endpoint data', async () => {
    const response = await app.request('/diagnose/erratlas-diagnose.ps1');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="erratlas-diagnose.ps1"',
    );
    expect(await response.text()).toBe(renderDiagnosticScript(composed.deps.updateEndpoints));
  });

  it('reads an uploaded report into findings linked to their fix, and stores nothing', async () => {
    const before = rowCounts();
    const response = await upload(JSON.stringify(proxyReport()));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const html = await response.text();
    expect(html).toContain(
      'No Windows Update address answered through the WinHTTP proxy proxy.example:8080',
    );
    expect(html).toContain('href="/windows-update/0x80072EFD#reset-winhttp-proxy"');
    expect(html).toContain(
      'href="/windows-update/0x80072EFD/troubleshoot?fix=reset-winhttp-proxy"',
    );
    expect(rowCounts()).toEqual(before);
  });

  it('starts the walk-through at the fix the finding calls for', async () => {
    const start = await (
      await app.request('/windows-update/0x80072EFD/troubleshoot?fix=reset-winhttp-proxy')
    ).text();
    expect(start).toContain('<input type="hidden" name="fix" value="reset-winhttp-proxy"/>');
    const started = await app.request('/windows-update/0x80072EFD/troubleshoot', {
      method: 'POST',
      headers: { ...SAME_ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'platform=windows-11&fix=reset-winhttp-proxy',
    });
    expect(started.status).toBe(303);
    const step = await (await app.request(started.headers.get('location')!)).text();
    expect(step).toContain('Step 1 of');
    expect(step).toContain('<input type="hidden" name="fix" value="reset-winhttp-proxy"/>');
  });

  it.each([
    ['not JSON', 'not json', 400, 'invalid_report', 'the file is not JSON'],
    [
      'another JSON file',
      '{"name":"package"}',
      400,
      'invalid_report',
      'not an Error Atlas diagnostic report',
    ],
    [
      'a report with an unknown key',
      JSON.stringify({ ...healthyReport(), computerName: 'PC-1' }),
      400,
      'invalid_report',
      'Unrecognized key',
    ],
    [
      'a file over 48 KiB',
      `{"x":"${'a'.repeat(50 * 1024)}"}`,
      413,
      'report_too_large',
      'at most 48 KiB',
    ],
  ])(
    'refuses %s with %i and a stable code, storing nothing',
    async (_what, content, status, code, message) => {
      const before = rowCounts();
      const response = await upload(content);
      expect(response.status).toBe(status);
      const html = await response.text();
      expect(html).toContain(`(${code})`);
      expect(html).toContain(message);
      expect(html).toContain('name="report"');
      expect(rowCounts()).toEqual(before);
    },
  );

  it('refuses a body over the route cap before reading it (413 payload_too_large)', async () => {
    const response = await upload('x'.repeat(70 * 1024));
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      'payload_too_large',
    );
  });

  it('refuses a form without the file', async () => {
    const form = new FormData();
    form.set('other', 'x');
    const response = await app.request('/diagnose', {
      method: 'POST',
      body: form,
      headers: SAME_ORIGIN,
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('choose the report file');
  });

  it('shows hostile text from a report escaped', async () => {
    const r = healthyReport();
    r.endpoints[1]!.tls = {
      ok: true,
      protocol: 'Tls12',
      issuer: '<script>alert(1)</script>',
      error: null,
    };
    const html = await (await upload(JSON.stringify(r))).text();
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script>alert(1)&lt;/script>');
  });

  it('refuses an upload from another site', async () => {
    const form = new FormData();
    form.set('report', new File([JSON.stringify(healthyReport())], 'r.json'));
    const response = await app.request('/diagnose', {
      method: 'POST',
      body: form,
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    expect(response.status).toBe(403);
  });
});

describe('POST /api/v1/diagnoses', () => {
  const post = (body: string) =>
    app.request('/api/v1/diagnoses', {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json' },
    });

  it('answers the diagnosis as JSON, not stored', async () => {
    const response = await post(JSON.stringify(proxyReport()));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as {
      findings: { kind: string; fix: { walkUrl: string } }[];
    };
    expect(body.findings.map((f) => f.kind)).toEqual(['winhttp-proxy-fails']);
    expect(body.findings[0]?.fix.walkUrl).toBe(
      '/windows-update/0x80072EFD/troubleshoot?fix=reset-winhttp-proxy',
    );
  });

  it.each([
    ['{', 400, 'invalid_report'],
    ['{"schema":"erratlas-diagnostic-report","version":1}', 400, 'invalid_report'],
    [`{"x":"${'a'.repeat(50 * 1024)}"}`, 413, 'report_too_large'],
    ['x'.repeat(70 * 1024), 413, 'payload_too_large'],
  ])('refuses a bad body with its code (%#)', async (body, status, code) => {
    const response = await post(body);
    expect(response.status).toBe(status);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(code);
  });
});
