import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderDiagnosticScript } from './diagnostic-script.js';
import { parseUpdateEndpoints } from './update-endpoints.js';
import { readOnlyViolations } from './read-only-violations.js';
import { DIAGNOSED_SERVICES } from './report-schema.js';

const tsv = readFileSync(
  fileURLToPath(new URL('../../../data/windows/update-endpoints.tsv', import.meta.url)),
  'utf8',
);
const parsed = parseUpdateEndpoints(tsv);
if (!parsed.ok) throw new Error(parsed.reason);
const endpoints = parsed.value;
const script = renderDiagnosticScript(endpoints);

describe('the diagnostic script is read-only', () => {
  it('uses only the read-only cmdlets, calls, types and programs, and writes only its report', () => {
    expect(readOnlyViolations(script)).toEqual([]);
  });

  // The check is only as good as what it catches: each of these lines must be refused.
  it.each([
    ['Set-Service -Name wuauserv -StartupType Disabled', 'Set-Service is not a read-only cmdlet'],
    ['Stop-Service wuauserv', 'Stop-Service is not a read-only cmdlet'],
    ['sc config wuauserv start= disabled', 'runs sc with arguments not on the list'],
    ['netsh winhttp reset proxy', 'runs netsh with arguments not on the list'],
    ['reg add HKLM\\SOFTWARE\\X /v Y /d 1 /f', 'runs reg with arguments not on the list'],
    ["iex 'Remove-Item C:\\x'", 'runs text as code'],
    ['& $command', 'runs text as code'],
    ['[System.IO.File]::Delete($OutFile)', '[System.IO.File]::Delete is not on the list'],
    ['$key.SetValue(1)', 'calls a method that changes something'],
    ["$json > 'C:\\x.json'", 'redirects output into a file'],
    ["del 'C:\\x'", 'uses an alias of a command that writes'],
    [
      'New-Object System.Diagnostics.Process',
      'New-Object System.Diagnostics.Process is not on the list',
    ],
    ['$name = $env:COMPUTERNAME', 'reads a computer or user name'],
  ])('catches %s', (line, problem) => {
    const bad = script.replace(
      "$ErrorActionPreference = 'Stop'",
      `$ErrorActionPreference = 'Stop'\r\n${line}`,
    );
    expect(readOnlyViolations(bad).join('\n')).toContain(problem);
  });
});

describe('what the diagnostic script collects', () => {
  it('tests every endpoint of the data file, with its port', () => {
    for (const e of endpoints)
      expect(script).toContain(
        `@{ host = '${e.host}'; scheme = '${e.scheme}'; port = ${e.scheme === 'https' ? 443 : 80} }`,
      );
  });

  it('asks for the six update services', () => {
    expect(script).toContain(
      `$serviceNames = @(${DIAGNOSED_SERVICES.map((s) => `'${s}'`).join(', ')})`,
    );
  });

  it.each([
    ['edition, version, build', 'Win32_OperatingSystem -Property Caption, Version, BuildNumber'],
    ['service state and start type', 'Win32_Service'],
    ['the WinHTTP proxy', 'netsh winhttp show proxy'],
    ['the user proxy', 'HKCU:\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings'],
    ['a pending restart', 'Component Based Servicing\\RebootPending'],
    ['free space', 'Win32_LogicalDisk'],
    ['the WSUS policy', "'UseWUServer'"],
    ['dual scan', "'DisableDualScan'"],
    ['the scan source policy', "'SetPolicyDrivenUpdateSourceForQualityUpdates'"],
    ['the scan source switch', "'UseUpdateClassPolicySource'"],
    ['update errors', 'Microsoft-Windows-WindowsUpdateClient/Operational'],
    [
      'update errors in the System log',
      "LogName = 'System'; ProviderName = 'Microsoft-Windows-WindowsUpdateClient'",
    ],
    ['an empty event log as no errors', "'NoMatchingEventsFound*'"],
    ['the TLS handshake', 'AuthenticateAsClient'],
  ])('reads %s', (_what, text) => expect(script).toContain(text));

  it('starts with its comment and param, is ASCII and has CRLF line ends', () => {
    const body = script.slice(script.indexOf('#>') + 4);
    expect(body.split('\r\n')[0]).toMatch(/^param\(\[string\]\$OutFile = /);
    expect(script).toMatch(/^[\x20-\x7e\r\n]*$/);
    expect(script.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });
});
