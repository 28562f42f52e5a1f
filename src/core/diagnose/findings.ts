import type { DiagnosticReport, EndpointResult } from './report-schema.js';

/**
 * What a diagnostic report shows, in plain words, each with the fix it calls for. The fix is
 * named by the fix ids an article may give it (first that exists wins) and the code whose
 * article is the fallback; the app resolves that against the stored articles, preferring the
 * codes the report's own update errors name.
 */

export type FindingKind =
  | 'service-disabled'
  | 'restart-pending'
  | 'low-disk-space'
  | 'winhttp-proxy-fails'
  | 'user-proxy-not-in-winhttp'
  | 'name-resolution-fails'
  | 'connection-blocked'
  | 'tls-fails'
  | 'tls-inspected'
  | 'wsus-source'
  | 'dual-scan'
  | 'update-error';

export interface Finding {
  kind: FindingKind;
  /** `problem`: likely a cause; `note`: worth knowing, not wrong in itself. */
  severity: 'problem' | 'note';
  title: string;
  detail: string;
  /** The fix ids that address it, best first, and the article to find them in otherwise. */
  calls: { fixIds: readonly string[]; code: string };
}

/** The 0x8024001E article's fix "Free at least 10 GB on drive C" (content/windows-update/0x8024001E.md). */
export const LOW_DISK_BYTES = 10 * 1000 ** 3;

const SERVICE_NAMES: Readonly<Record<string, string>> = {
  wuauserv: 'Windows Update (wuauserv)',
  bits: 'Background Intelligent Transfer Service (BITS)',
  cryptsvc: 'Cryptographic Services (CryptSvc)',
  usosvc: 'Update Orchestrator Service (UsoSvc)',
  dosvc: 'Delivery Optimization (DoSvc)',
  trustedinstaller: 'Windows Modules Installer (TrustedInstaller)',
};

const list = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

const urlOf = (e: EndpointResult): string => `${e.scheme}://${e.host}`;

/** A request that got an answer from the server (a 407 or a proxy's 502/503/504 did not). */
const reached = (e: EndpointResult): boolean =>
  e.http?.status != null && e.http.status !== 407 && ![502, 503, 504].includes(e.http.status);

function serviceFindings(report: DiagnosticReport): Finding[] {
  const disabled = report.services.filter(
    (s) => s.present && s.startMode?.toLowerCase() === 'disabled',
  );
  if (disabled.length === 0) return [];
  const names = disabled.map((s) => SERVICE_NAMES[s.name.toLowerCase()] ?? s.name);
  return [
    {
      kind: 'service-disabled',
      severity: 'problem',
      title: `${list(names)} ${disabled.length === 1 ? 'is' : 'are'} set to Disabled`,
      detail: `A service set to Disabled cannot start when Windows Update needs it, so checking for or installing updates fails. Only Disabled is a problem: Manual and Automatic are normal.`,
      calls: { fixIds: ['start-update-service', 'check-services'], code: '0x80070422' },
    },
  ];
}

function systemFindings(report: DiagnosticReport): Finding[] {
  const out: Finding[] = [];
  const pending = report.pendingRestart;
  const reasons = [
    pending.componentBasedServicing ? 'the servicing stack (Component Based Servicing)' : undefined,
    pending.windowsUpdate ? 'Windows Update' : undefined,
    pending.pendingFileRename ? 'files waiting to be replaced' : undefined,
  ].filter((r): r is string => r !== undefined);
  if (reasons.length > 0)
    out.push({
      kind: 'restart-pending',
      severity: 'problem',
      title: 'Windows is waiting for a restart',
      detail: `A restart is pending for ${list(reasons)}. Until the PC restarts, half-installed updates can keep new ones from installing. Restart first, then check for updates again.`,
      calls: {
        fixIds: ['restart-and-retry', 'restart-and-check', 'restart-twice'],
        code: '0x80004005',
      },
    });
  const free = report.systemDrive.freeBytes;
  if (free !== null && free < LOW_DISK_BYTES)
    out.push({
      kind: 'low-disk-space',
      severity: 'problem',
      title: `Only ${(free / 1000 ** 3).toFixed(1)} GB free on the system drive ${report.systemDrive.drive}`,
      detail:
        'Updates unpack on the system drive; with less than 10 GB free, large updates can fail to download or install.',
      calls: { fixIds: ['free-10-gb', 'check-connection-space'], code: '0x8024001E' },
    });
  return out;
}

function proxyFindings(report: DiagnosticReport): Finding[] {
  const { winhttp, user } = report.proxy;
  const tested = report.endpoints.filter((e) => e.http !== null);
  const noneReached = tested.length > 0 && !tested.some(reached);
  const out: Finding[] = [];
  if (winhttp.direct === false && winhttp.server && noneReached)
    out.push({
      kind: 'winhttp-proxy-fails',
      severity: 'problem',
      title: `No Windows Update address answered through the WinHTTP proxy ${winhttp.server}`,
      detail:
        'Windows Update connects through the WinHTTP proxy. Every test request through it failed, so the proxy is gone, wrong, or needs a sign-in that Windows Update cannot give. A proxy left behind by a VPN or filtering tool is a common cause.',
      calls: { fixIds: ['reset-winhttp-proxy'], code: '0x80072EFD' },
    });
  if (user.enabled && user.server && winhttp.direct === true && tested.some((e) => !reached(e)))
    out.push({
      kind: 'user-proxy-not-in-winhttp',
      severity: 'problem',
      title: `Your browser uses the proxy ${user.server}, but Windows Update connects directly`,
      detail:
        'The proxy set in Internet Options is not the WinHTTP proxy Windows Update uses, and some direct requests failed. If your network needs that proxy, copy it to WinHTTP.',
      calls: { fixIds: ['reset-winhttp-proxy'], code: '0x80072EFD' },
    });
  return out;
}

function connectionFindings(report: DiagnosticReport): Finding[] {
  const out: Finding[] = [];
  const unresolved = [
    ...new Set(report.endpoints.filter((e) => e.dns && !e.dns.ok).map((e) => e.host)),
  ];
  if (unresolved.length > 0)
    out.push({
      kind: 'name-resolution-fails',
      severity: 'problem',
      title: `${unresolved.length} Windows Update ${unresolved.length === 1 ? 'name does' : 'names do'} not resolve`,
      detail: `The PC could not look up ${list(unresolved)}. Without name resolution the update client cannot find the servers: check the network connection and the DNS server, or a filter that blocks these names.`,
      calls: { fixIds: ['test-connection'], code: '0x80072EE7' },
    });
  const blocked = report.endpoints.filter((e) => e.dns?.ok && e.tcp && !e.tcp.ok);
  if (blocked.length > 0)
    out.push({
      kind: 'connection-blocked',
      severity: 'problem',
      title: `${blocked.length} Windows Update ${blocked.length === 1 ? 'address refuses' : 'addresses refuse'} a connection`,
      detail: `The names resolve, but no connection opened to ${list(blocked.map((e) => `${e.host} (port ${e.port})`))}. A firewall or a web filter between this PC and Microsoft is the usual cause: these addresses must be allowed.`,
      calls: { fixIds: ['allow-update-endpoints'], code: '0x80072EFD' },
    });
  const tlsFailed = report.endpoints.filter((e) => e.tcp?.ok && e.tls && !e.tls.ok);
  if (tlsFailed.length > 0)
    out.push({
      kind: 'tls-fails',
      severity: 'problem',
      title: `The secure connection (TLS) to ${list(tlsFailed.map(urlOf))} failed`,
      detail:
        'The connection opened but the TLS handshake did not complete. A wrong system clock, security software that inspects secure connections, or missing TLS 1.2 support are the usual causes.',
      calls: { fixIds: ['fix-clock', 'check-security-software'], code: '0x80072F8F' },
    });
  const inspected = report.endpoints.filter(
    (e) => e.tls?.ok && e.tls.issuer && !/microsoft/i.test(e.tls.issuer),
  );
  if (inspected.length > 0)
    out.push({
      kind: 'tls-inspected',
      severity: 'problem',
      title: 'Secure connections to Windows Update are signed by someone other than Microsoft',
      detail: `The certificate for ${list(inspected.map(urlOf))} was issued by "${inspected[0]!.tls!.issuer}". Security software or a proxy that inspects secure connections is in between and puts its own certificate in place of Microsoft's, which the update client can refuse. Exclude the Windows Update addresses from the inspection.`,
      calls: { fixIds: ['check-security-software', 'exempt-from-web-filter'], code: '0x80072F8F' },
    });
  return out;
}

function policyFindings(report: DiagnosticReport): Finding[] {
  const policy = report.updatePolicy;
  const out: Finding[] = [];
  if (policy.useWsus && policy.wsusServer) {
    out.push({
      kind: 'wsus-source',
      severity: 'note',
      title: `Updates come from your organisation's server, ${policy.wsusServer}`,
      detail:
        'A policy points Windows Update at a WSUS server instead of Microsoft. Errors then often come from that server or the way to it: on a work or school PC, give this report to your IT department.',
      calls: { fixIds: ['check-update-source', 'check-wsus-server'], code: '0x80072EE2' },
    });
    const dualScan = dualScanFinding(report);
    if (dualScan) out.push(dualScan);
  }
  return out;
}

/** First build of Windows 11 (21H2); Windows 10's builds are below it. */
const WINDOWS_11_FIRST_BUILD = 22000;

/**
 * Where a PC with a WSUS server and deferral policies takes its updates from. Microsoft's
 * "Use Windows Update for Business and WSUS together" (docs/content-review/content-open.md):
 * with a WSUS server and deferral policies, every update comes from Windows Update unless the
 * scan source policy says otherwise; the dual-scan switch (DisableDualScan) no longer works on
 * Windows 11, and on Windows 10 it must not be combined with the scan source policy, or no
 * update comes from Windows Update. A scan source written to the registry counts only with
 * UseUpdateClassPolicySource set (Group Policy sets it).
 */
function dualScanFinding(report: DiagnosticReport): Finding | undefined {
  const policy = report.updatePolicy;
  const windows11 = Number(report.windows.build) >= WINDOWS_11_FIRST_BUILD;
  const scan = policy.scanSource;
  const scanSourceSet =
    scan !== undefined &&
    scan.useUpdateClassPolicySource === true &&
    [scan.feature, scan.quality, scan.driver, scan.other].some((source) => source !== null);
  const calls = { fixIds: ['check-update-source'], code: '0x80072EE2' };
  if (scanSourceSet) {
    if (windows11 || policy.disableDualScan !== true) return undefined;
    return {
      kind: 'dual-scan',
      severity: 'note',
      title:
        'Dual scan is switched off and a scan source is set: updates may not come from Windows Update',
      detail:
        'On Windows 10, Microsoft says not to combine the older dual-scan switch (DisableDualScan) with the policy "Specify source service for specific classes of Windows Updates": with both set, no update comes from Windows Update, even for the kinds of updates the policy sends there. Your IT department decides which one to keep.',
      calls,
    };
  }
  if (!(policy.deferQualityUpdates || policy.deferFeatureUpdates)) return undefined;
  if (!windows11 && policy.disableDualScan === true) return undefined;
  return {
    kind: 'dual-scan',
    severity: 'note',
    title: 'Updates may come from Windows Update instead of the WSUS server',
    detail: `A WSUS server and update deferral policies are set, but no scan source policy: in that case, Microsoft says, Windows takes its updates from Windows Update, not from the WSUS server. The policy "Specify source service for specific classes of Windows Updates" chooses the source for each kind of update${windows11 ? '; the older dual-scan switch (DisableDualScan) no longer works on Windows 11' : ''}. Your IT department decides which source is meant.`,
    calls,
  };
}

/**
 * The update errors, each once: the client can write one failure to its own log and to the
 * System log, with the same event id, code and second.
 */
export function distinctUpdateErrors(report: DiagnosticReport): DiagnosticReport['updateErrors'] {
  const seen = new Set<string>();
  return report.updateErrors.filter((e) => {
    const key = `${e.eventId}|${e.code?.toUpperCase() ?? ''}|${e.time.slice(0, 19)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The distinct codes of the report's update errors, most recent first. */
export function reportedCodes(report: DiagnosticReport): string[] {
  const codes: string[] = [];
  const sorted = [...distinctUpdateErrors(report)].sort((a, b) => b.time.localeCompare(a.time));
  for (const error of sorted) {
    const code =
      error.code && /^0x[0-9a-f]{8}$/i.test(error.code)
        ? `0x${error.code.slice(2).toUpperCase()}`
        : undefined;
    if (code && !codes.includes(code)) codes.push(code);
  }
  return codes;
}

function errorFindings(report: DiagnosticReport): Finding[] {
  return reportedCodes(report)
    .slice(0, 5)
    .map((code) => {
      const times = distinctUpdateErrors(report).filter(
        (e) => e.code?.toUpperCase() === code.toUpperCase(),
      ).length;
      return {
        kind: 'update-error' as const,
        severity: 'problem' as const,
        title: `Windows Update failed with ${code}`,
        detail: `The update client's events (its own log and the System log) hold this code ${times === 1 ? 'once' : `${times} times`} among its last errors.`,
        calls: { fixIds: [], code },
      };
    });
}

/** Every finding, problems before notes, in the order a person should look at them. */
export function findingsOf(report: DiagnosticReport): Finding[] {
  const all = [
    ...systemFindings(report),
    ...serviceFindings(report),
    ...proxyFindings(report),
    ...connectionFindings(report),
    ...policyFindings(report),
    ...errorFindings(report),
  ];
  return [
    ...all.filter((f) => f.severity === 'problem'),
    ...all.filter((f) => f.severity === 'note'),
  ];
}
