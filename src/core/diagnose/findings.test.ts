import { describe, expect, it } from 'vitest';
import { findingsOf, reportedCodes } from './findings.js';
import { healthyReport } from './report-fixtures.js';
import type { DiagnosticReport } from './report-schema.js';

const kinds = (report: DiagnosticReport) => findingsOf(report).map((f) => f.kind);
const withReport = (change: (r: DiagnosticReport) => void): DiagnosticReport => {
  const report = healthyReport();
  change(report);
  return report;
};

describe('findings of a diagnostic report', () => {
  it('finds nothing on a healthy PC', () => expect(findingsOf(healthyReport())).toEqual([]));

  it('a disabled service, naming it; Manual and Automatic are fine', () => {
    const report = withReport((r) => (r.services[0]!.startMode = 'Disabled'));
    const [finding] = findingsOf(report);
    expect(finding).toMatchObject({
      kind: 'service-disabled',
      title: 'Windows Update (wuauserv) is set to Disabled',
    });
    expect(finding?.calls.fixIds).toContain('start-update-service');
  });

  it('a pending restart, with what it waits for', () => {
    const [finding] = findingsOf(
      withReport((r) => (r.pendingRestart.componentBasedServicing = true)),
    );
    expect(finding?.kind).toBe('restart-pending');
    expect(finding?.detail).toContain('the servicing stack');
  });

  it('less than 10 GB free on the system drive', () => {
    const [finding] = findingsOf(withReport((r) => (r.systemDrive.freeBytes = 6.4e9)));
    expect(finding).toMatchObject({
      kind: 'low-disk-space',
      title: 'Only 6.4 GB free on the system drive C:',
    });
  });

  it('a WinHTTP proxy through which nothing answers', () => {
    const report = withReport((r) => {
      r.proxy.winhttp = { direct: false, server: 'proxy.example:8080', bypass: null, text: [] };
      for (const e of r.endpoints)
        e.http = {
          status: null,
          proxy: 'proxy.example:8080',
          error: 'The remote name could not be resolved',
        };
    });
    expect(kinds(report)).toEqual(['winhttp-proxy-fails']);
  });

  it('a proxy answering 407 counts as not reached', () => {
    const report = withReport((r) => {
      r.proxy.winhttp = { direct: false, server: 'proxy.example:8080', bypass: null, text: [] };
      for (const e of r.endpoints)
        e.http = { status: 407, proxy: 'proxy.example:8080', error: null };
    });
    expect(kinds(report)).toEqual(['winhttp-proxy-fails']);
  });

  it('a browser proxy that WinHTTP does not have, when direct requests fail', () => {
    const report = withReport((r) => {
      r.proxy.user = { enabled: true, server: 'proxy.corp.example:3128', autoConfigUrl: null };
      r.endpoints[0]!.http = {
        status: null,
        proxy: null,
        error: 'Unable to connect to the remote server',
      };
    });
    expect(kinds(report)).toEqual(['user-proxy-not-in-winhttp']);
  });

  it('names that do not resolve, once per host', () => {
    const report = withReport((r) => {
      for (const e of r.endpoints) {
        e.dns = { ok: false, addresses: [], error: 'No such host is known' };
        e.tcp = null;
        e.tls = null;
        e.http = { status: null, proxy: null, error: 'The remote name could not be resolved' };
      }
    });
    const [finding] = findingsOf(report);
    expect(finding?.kind).toBe('name-resolution-fails');
    expect(finding?.title).toBe('3 Windows Update names do not resolve');
  });

  it('a connection refused on a resolved name', () => {
    const report = withReport(
      (r) => (r.endpoints[1]!.tcp = { ok: false, error: 'no answer within 5 seconds' }),
    );
    const [finding] = findingsOf(report);
    expect(finding?.kind).toBe('connection-blocked');
    expect(finding?.detail).toContain('download.microsoft.com (port 443)');
  });

  it('a TLS handshake that fails, and one signed by an inspecting proxy', () => {
    const failed = withReport(
      (r) =>
        (r.endpoints[1]!.tls = {
          ok: false,
          protocol: null,
          issuer: null,
          error: 'The remote certificate is invalid',
        }),
    );
    expect(kinds(failed)).toEqual(['tls-fails']);
    const inspected = withReport(
      (r) =>
        (r.endpoints[2]!.tls = {
          ok: true,
          protocol: 'Tls12',
          issuer: 'CN=Contoso Web Filter Root',
          error: null,
        }),
    );
    const [finding] = findingsOf(inspected);
    expect(finding?.kind).toBe('tls-inspected');
    expect(finding?.detail).toContain('"CN=Contoso Web Filter Root"');
  });

  it('a WSUS server, and dual scan with deferrals, as notes after the problems', () => {
    const report = withReport((r) => {
      r.updatePolicy.useWsus = true;
      r.updatePolicy.wsusServer = 'http://wsus.corp.example:8530';
      r.updatePolicy.deferQualityUpdates = true;
      r.systemDrive.freeBytes = 1e9;
    });
    expect(findingsOf(report).map((f) => [f.kind, f.severity])).toEqual([
      ['low-disk-space', 'problem'],
      ['wsus-source', 'note'],
      ['dual-scan', 'note'],
    ]);
    // Windows 10: the dual-scan switch keeps the scan on the WSUS server.
    const switchedOff = withReport((r) => {
      r.windows.build = '19045';
      r.updatePolicy.useWsus = true;
      r.updatePolicy.wsusServer = 'http://wsus.corp.example:8530';
      r.updatePolicy.deferQualityUpdates = true;
      r.updatePolicy.disableDualScan = true;
    });
    expect(kinds(switchedOff)).toEqual(['wsus-source']);
  });

  it('on Windows 11 the dual-scan switch does not count; the scan source policy does', () => {
    const deferred = (r: DiagnosticReport) => {
      r.updatePolicy.useWsus = true;
      r.updatePolicy.wsusServer = 'http://wsus.corp.example:8530';
      r.updatePolicy.deferFeatureUpdates = true;
      r.updatePolicy.disableDualScan = true;
    };
    const switchOnly = findingsOf(withReport(deferred)).find((f) => f.kind === 'dual-scan');
    expect(switchOnly?.detail).toContain('no longer works on Windows 11');
    const source = {
      useUpdateClassPolicySource: true,
      feature: 'wsus',
      quality: 'wsus',
      driver: null,
      other: null,
    } as const;
    const withSource = withReport((r) => {
      deferred(r);
      r.updatePolicy.scanSource = { ...source };
    });
    expect(kinds(withSource)).toEqual(['wsus-source']);
    // Written to the registry without UseUpdateClassPolicySource, the scan source does not count.
    const withoutSwitch = withReport((r) => {
      deferred(r);
      r.updatePolicy.scanSource = { ...source, useUpdateClassPolicySource: null };
    });
    expect(kinds(withoutSwitch)).toEqual(['wsus-source', 'dual-scan']);
  });

  it('on Windows 10, the dual-scan switch together with a scan source is a note of its own', () => {
    const both = withReport((r) => {
      r.windows.build = '19045';
      r.updatePolicy.useWsus = true;
      r.updatePolicy.wsusServer = 'http://wsus.corp.example:8530';
      r.updatePolicy.disableDualScan = true;
      r.updatePolicy.scanSource = {
        useUpdateClassPolicySource: true,
        feature: 'windows-update',
        quality: 'wsus',
        driver: null,
        other: null,
      };
    });
    const note = findingsOf(both).find((f) => f.kind === 'dual-scan');
    expect(note?.title).toContain('may not come from Windows Update');
    expect(note?.severity).toBe('note');
  });

  it('counts a failure written to both event logs once', () => {
    const report = withReport((r) => {
      r.updateErrors = [
        {
          time: '2026-12-03T10:00:00.1000000Z',
          eventId: 20,
          code: '0x80070643',
          text: 'x',
          log: 'operational',
        },
        {
          time: '2026-12-03T10:00:00.4000000Z',
          eventId: 20,
          code: '0x80070643',
          text: 'x',
          log: 'system',
        },
        { time: '2026-12-04T10:00:00Z', eventId: 20, code: '0x80070643', text: 'x', log: 'system' },
      ];
    });
    const finding = findingsOf(report).find((f) => f.kind === 'update-error');
    expect(finding?.detail).toContain('2 times');
  });

  it('each distinct update error code, most recent first, in canonical form', () => {
    const report = withReport((r) => {
      r.updateErrors = [
        {
          time: '2026-12-01T10:00:00Z',
          eventId: 20,
          code: '0x80070643',
          text: 'Installation Failure',
        },
        {
          time: '2026-12-03T10:00:00Z',
          eventId: 20,
          code: '0x80244001',
          text: 'Installation Failure',
        },
        { time: '2026-12-02T10:00:00Z', eventId: 31, code: '0x80070643', text: 'Download failure' },
        { time: '2026-12-02T09:00:00Z', eventId: 25, code: null, text: 'no code' },
      ];
    });
    expect(reportedCodes(report)).toEqual(['0x80244001', '0x80070643']);
    const errors = findingsOf(report).filter((f) => f.kind === 'update-error');
    expect(errors.map((f) => f.title)).toEqual([
      'Windows Update failed with 0x80244001',
      'Windows Update failed with 0x80070643',
    ]);
    expect(errors[1]?.detail).toContain('2 times');
  });
});
