import type { DiagnosticReport } from './report-schema.js';

/**
 * A report as the diagnostic script writes it for a healthy Windows 11 PC (nothing to find),
 * for tests to change one thing at a time. Not content.
 */
export function healthyReport(): DiagnosticReport {
  const endpoint = (
    host: string,
    scheme: 'http' | 'https',
  ): DiagnosticReport['endpoints'][number] => ({
    host,
    scheme,
    port: scheme === 'https' ? 443 : 80,
    dns: { ok: true, addresses: ['203.0.113.10'], error: null },
    tcp: { ok: true, error: null },
    tls:
      scheme === 'https'
        ? {
            ok: true,
            protocol: 'Tls12',
            issuer: 'CN=Microsoft Azure RSA TLS Issuing CA 03, O=Microsoft Corporation, C=US',
            error: null,
          }
        : null,
    http: { status: 200, proxy: null, error: null },
  });
  return {
    schema: 'erratlas-diagnostic-report',
    version: 1,
    generatedAt: '2026-12-04T20:00:00.0000000Z',
    windows: {
      caption: 'Microsoft Windows 11 Pro',
      version: '10.0.22631',
      build: '22631',
      displayVersion: '23H2',
      editionId: 'Professional',
      ubr: 4602,
      architecture: '64-bit',
    },
    services: [
      { name: 'wuauserv', present: true, state: 'Stopped', startMode: 'Manual' },
      { name: 'bits', present: true, state: 'Stopped', startMode: 'Manual' },
      { name: 'cryptsvc', present: true, state: 'Running', startMode: 'Auto' },
      { name: 'UsoSvc', present: true, state: 'Running', startMode: 'Auto' },
      { name: 'dosvc', present: true, state: 'Running', startMode: 'Auto' },
      { name: 'TrustedInstaller', present: true, state: 'Stopped', startMode: 'Manual' },
    ],
    proxy: {
      winhttp: {
        direct: true,
        server: null,
        bypass: null,
        text: ['Current WinHTTP proxy settings:', 'Direct access (no proxy server).'],
      },
      user: { enabled: false, server: null, autoConfigUrl: null },
    },
    pendingRestart: {
      componentBasedServicing: false,
      windowsUpdate: false,
      pendingFileRename: false,
    },
    systemDrive: { drive: 'C:', freeBytes: 80e9, sizeBytes: 250e9 },
    updatePolicy: {
      useWsus: false,
      wsusServer: null,
      wsusStatusServer: null,
      disableDualScan: null,
      deferQualityUpdates: null,
      deferFeatureUpdates: null,
      doNotConnectToWindowsUpdateInternetLocations: null,
    },
    updateErrors: [],
    endpoints: [
      endpoint('windowsupdate.microsoft.com', 'http'),
      endpoint('download.microsoft.com', 'https'),
      endpoint('dl.delivery.mp.microsoft.com', 'https'),
    ],
    problems: [],
  };
}
