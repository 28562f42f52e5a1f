import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeForTest } from '../test-support/compose-for-test.js';
import type { Composed } from '../compose.js';
import { diagnoseReport } from './diagnose-report.js';
import { healthyReport } from '../core/diagnose/report-fixtures.js';
import type { DiagnosticReport } from '../core/diagnose/report-schema.js';
import { DomainError } from '../core/errors.js';
import { diagnosisResponseSchema } from './diagnosis-response.js';

let composed: Composed;
beforeAll(async () => {
  composed = await composeForTest();
});
afterAll(() => composed.close());

const diagnose = (report: unknown) => {
  const text = JSON.stringify(report);
  return diagnoseReport(composed.deps, text, Buffer.byteLength(text));
};

/** A report in which every kind of finding shows. */
function troubledReport(): DiagnosticReport {
  const r = healthyReport();
  r.services[0]!.startMode = 'Disabled';
  r.pendingRestart.windowsUpdate = true;
  r.systemDrive.freeBytes = 2e9;
  r.proxy.winhttp = { direct: false, server: 'proxy.example:8080', bypass: null, text: [] };
  r.endpoints[0]!.dns = { ok: false, addresses: [], error: 'No such host is known' };
  r.endpoints[1]!.tcp = { ok: false, error: 'refused' };
  r.endpoints[2]!.tls = { ok: false, protocol: null, issuer: null, error: 'bad certificate' };
  r.endpoints.push({
    ...r.endpoints[2]!,
    host: 'download.microsoft.com',
    tls: { ok: true, protocol: 'Tls12', issuer: 'CN=Filter', error: null },
  });
  for (const e of r.endpoints)
    e.http = { status: null, proxy: 'proxy.example:8080', error: 'failed' };
  r.updatePolicy = {
    ...r.updatePolicy,
    useWsus: true,
    wsusServer: 'http://wsus.example:8530',
    deferFeatureUpdates: true,
  };
  r.updateErrors = [{ time: '2026-12-03T10:00:00Z', eventId: 20, code: '0x80240FFF', text: 'x' }];
  return r;
}

describe('diagnosing a report against the articles', () => {
  it('says nothing is wrong on a healthy PC, and names its Windows', async () => {
    const diagnosis = await diagnose(healthyReport());
    expect(diagnosis.findings).toEqual([]);
    expect(diagnosis.windows).toEqual({
      name: 'Microsoft Windows 11 Pro 23H2',
      build: '22631.4602',
    });
  });

  it('links every finding to a fix of a shipped article, and its walk-through starts at it', async () => {
    const diagnosis = await diagnose(troubledReport());
    // The API's documented shape holds what the use case returns.
    expect(diagnosisResponseSchema.parse(diagnosis)).toEqual(diagnosis);
    const kinds = diagnosis.findings.map((f) => f.kind);
    expect(new Set(kinds)).toEqual(
      new Set([
        'service-disabled',
        'restart-pending',
        'low-disk-space',
        'winhttp-proxy-fails',
        'name-resolution-fails',
        'connection-blocked',
        'tls-fails',
        'tls-inspected',
        'wsus-source',
        'dual-scan',
        'update-error',
      ]),
    );
    for (const finding of diagnosis.findings) {
      expect(finding.fix, finding.kind).not.toBeNull();
      const { code, fixId, walkUrl, readUrl } = finding.fix!;
      const stored = await composed.deps.store.getArticle('windows-update', code);
      expect(stored, `${finding.kind} → ${code}`).toBeDefined();
      expect(
        stored!.article.fixes.map((f) => f.id),
        finding.kind,
      ).toContain(fixId);
      if (finding.kind !== 'update-error') {
        expect(walkUrl).toBe(`/windows-update/${code}/troubleshoot?fix=${fixId}`);
        expect(readUrl).toBe(`/windows-update/${code}#${fixId}`);
      }
    }
  });

  it("prefers the article of the report's own error code when it has the fix", async () => {
    const r = healthyReport();
    r.proxy.winhttp = { direct: false, server: 'proxy.example:8080', bypass: null, text: [] };
    for (const e of r.endpoints)
      e.http = { status: null, proxy: 'proxy.example:8080', error: 'failed' };
    r.updateErrors = [{ time: '2026-12-03T10:00:00Z', eventId: 20, code: '0x80244001', text: 'x' }];
    const proxy = (await diagnose(r)).findings.find((f) => f.kind === 'winhttp-proxy-fails');
    expect(proxy?.fix).toMatchObject({ code: '0x80244001', fixId: 'reset-winhttp-proxy' });
  });

  it('a code without an article walks its general fixes from the code page', async () => {
    const r = healthyReport();
    r.updateErrors = [{ time: '2026-12-03T10:00:00Z', eventId: 20, code: '0x80249999', text: 'x' }];
    const [finding] = (await diagnose(r)).findings;
    expect(finding?.fix).toMatchObject({
      code: '0x80249999',
      fixId: null,
      readUrl: '/codes/0x80249999',
      walkUrl: '/windows-update/0x80249999/troubleshoot',
    });
  });

  it.each([
    ['not JSON', 'nope', 'invalid_report'],
    ['not a report', '{"schema":"other"}', 'invalid_report'],
  ])('refuses %s with a stable code', async (_what, text, code) => {
    const error: unknown = await diagnoseReport(composed.deps, text, text.length).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe(code);
  });

  it('refuses an oversized file as report_too_large', async () => {
    const error: unknown = await diagnoseReport(composed.deps, '{}', 49 * 1024).catch(
      (e: unknown) => e,
    );
    expect((error as DomainError).code).toBe('report_too_large');
  });
});
