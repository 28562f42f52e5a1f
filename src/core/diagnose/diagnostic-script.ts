import { psQuote } from '../scripts/powershell-text.js';
import { portOf, type UpdateEndpoint } from './update-endpoints.js';
import { DIAGNOSED_SERVICES, REPORT_SCHEMA_ID, REPORT_VERSION } from './report-schema.js';

/**
 * The read-only diagnostic script (Windows PowerShell 5.1 and PowerShell 7). It changes
 * nothing: it reads settings (CIM, the registry, the event log, `netsh winhttp show proxy`),
 * opens connections to the Windows Update endpoints, and writes one JSON file, the report.
 * The commands it may use are listed in read-only-commands.ts, and a test holds the script to
 * that list. It asks for no computer or user name and writes none: no CIM property or
 * environment variable that holds one is read (CSName, RegisteredUser, COMPUTERNAME, USERNAME).
 */

const BODY = String.raw`
param([string]$OutFile = (Join-Path ([Environment]::GetFolderPath('Desktop')) 'erratlas-report.json'))

$ErrorActionPreference = 'Stop'
$problems = @()

function Get-ErrorText($Record) {
  $text = [string]$Record.Exception.Message
  if ($text.Length -gt 300) { $text = $text.Substring(0, 300) }
  return $text
}
function Get-RegistryValue([string]$Path, [string]$Name) {
  if (-not (Test-Path -LiteralPath $Path)) { return $null }
  $item = Get-ItemProperty -LiteralPath $Path
  $property = $item.PSObject.Properties[$Name]
  if ($null -eq $property) { return $null }
  return $property.Value
}
function ConvertTo-Flag($Value) {
  if ($null -eq $Value) { return $null }
  return ([int]$Value -eq 1)
}
function ConvertTo-Source($Value) {
  if ($null -eq $Value) { return $null }
  if ([int]$Value -eq 1) { return 'wsus' }
  if ([int]$Value -eq 0) { return 'windows-update' }
  return $null
}
function Get-UpdateErrors([hashtable]$Filter, [string]$Log) {
  $found = @()
  try {
    $events = @(Get-WinEvent -FilterHashtable $Filter -MaxEvents 500 | Where-Object { $_.Level -eq 2 } | Select-Object -First 10)
  } catch {
    # No matching event is an empty answer, not a failure.
    if ($_.FullyQualifiedErrorId -like 'NoMatchingEventsFound*') { return @() }
    throw
  }
  foreach ($entry in $events) {
    $message = [string]$entry.Message
    $code = $null
    if ($message -match '0x[0-9A-Fa-f]{8}') { $code = $matches[0] }
    if ($message.Length -gt 300) { $message = $message.Substring(0, 300) }
    $found += [ordered]@{ time = $entry.TimeCreated.ToUniversalTime().ToString('o'); eventId = [int]$entry.Id; code = $code; text = $message; log = $Log }
  }
  return $found
}

Write-Host 'Error Atlas diagnostic check: reading settings and testing connections. Nothing is changed.'

# Windows edition, version and build.
$windows = [ordered]@{ caption = $null; version = $null; build = $null; displayVersion = $null; editionId = $null; ubr = $null; architecture = $null }
try {
  $os = Get-CimInstance -ClassName Win32_OperatingSystem -Property Caption, Version, BuildNumber, OSArchitecture
  $windows.caption = [string]$os.Caption
  $windows.version = [string]$os.Version
  $windows.build = [string]$os.BuildNumber
  $windows.architecture = [string]$os.OSArchitecture
  $current = 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion'
  $windows.displayVersion = Get-RegistryValue $current 'DisplayVersion'
  $windows.editionId = Get-RegistryValue $current 'EditionID'
  $ubr = Get-RegistryValue $current 'UBR'
  if ($null -ne $ubr) { $windows.ubr = [int]$ubr }
} catch { $problems += ('windows: ' + (Get-ErrorText $_)) }

# The state and start type of the update services.
$services = @()
foreach ($name in $serviceNames) {
  try {
    $service = Get-CimInstance -ClassName Win32_Service -Filter ("Name='" + $name + "'") -Property Name, State, StartMode
    if ($null -eq $service) { $services += [ordered]@{ name = $name; present = $false; state = $null; startMode = $null } }
    else { $services += [ordered]@{ name = $name; present = $true; state = [string]$service.State; startMode = [string]$service.StartMode } }
  } catch { $problems += ('service ' + $name + ': ' + (Get-ErrorText $_)) }
}

# The WinHTTP proxy (what Windows Update uses) and the user's proxy (Internet Options).
$winhttp = [ordered]@{ direct = $null; server = $null; bypass = $null; text = @() }
try {
  $lines = @(netsh winhttp show proxy | Where-Object { $_.Trim() -ne '' } | Select-Object -First 20 | ForEach-Object { $_.Trim() })
  $winhttp.text = $lines
  $joined = $lines -join ' '
  if ($joined -match 'Direct access') { $winhttp.direct = $true }
  if ($joined -match 'Proxy Server\(s\)\s*:\s*(\S+)') { $winhttp.direct = $false; $winhttp.server = $matches[1] }
  if ($joined -match 'Bypass List\s*:\s*(\S+)') { $winhttp.bypass = $matches[1] }
} catch { $problems += ('winhttp proxy: ' + (Get-ErrorText $_)) }
$user = [ordered]@{ enabled = $false; server = $null; autoConfigUrl = $null }
try {
  $settings = 'HKCU:\Software\Microsoft\Windows\CurrentVersion\Internet Settings'
  $user.enabled = ((Get-RegistryValue $settings 'ProxyEnable') -eq 1)
  $user.server = Get-RegistryValue $settings 'ProxyServer'
  $user.autoConfigUrl = Get-RegistryValue $settings 'AutoConfigURL'
} catch { $problems += ('user proxy: ' + (Get-ErrorText $_)) }

# A restart that Windows is waiting for.
$pending = [ordered]@{ componentBasedServicing = $null; windowsUpdate = $null; pendingFileRename = $null }
try {
  $pending.componentBasedServicing = Test-Path -LiteralPath 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Component Based Servicing\RebootPending'
  $pending.windowsUpdate = Test-Path -LiteralPath 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\WindowsUpdate\Auto Update\RebootRequired'
  $pending.pendingFileRename = ($null -ne (Get-RegistryValue 'HKLM:\SYSTEM\CurrentControlSet\Control\Session Manager' 'PendingFileRenameOperations'))
} catch { $problems += ('pending restart: ' + (Get-ErrorText $_)) }

# Free space on the system drive.
$drive = [ordered]@{ drive = [string]$env:SystemDrive; freeBytes = $null; sizeBytes = $null }
try {
  $disk = Get-CimInstance -ClassName Win32_LogicalDisk -Filter ("DeviceID='" + $env:SystemDrive + "'") -Property FreeSpace, Size
  $drive.freeBytes = [double]$disk.FreeSpace
  $drive.sizeBytes = [double]$disk.Size
} catch { $problems += ('system drive: ' + (Get-ErrorText $_)) }

# Where updates come from: the WSUS policy, dual scan, deferrals, the scan source policy.
$policy = [ordered]@{ useWsus = $false; wsusServer = $null; wsusStatusServer = $null; disableDualScan = $null; deferQualityUpdates = $null; deferFeatureUpdates = $null; doNotConnectToWindowsUpdateInternetLocations = $null; scanSource = $null }
try {
  $wu = 'HKLM:\SOFTWARE\Policies\Microsoft\Windows\WindowsUpdate'
  $policy.useWsus = ((Get-RegistryValue ($wu + '\AU') 'UseWUServer') -eq 1)
  $policy.wsusServer = Get-RegistryValue $wu 'WUServer'
  $policy.wsusStatusServer = Get-RegistryValue $wu 'WUStatusServer'
  $policy.disableDualScan = ConvertTo-Flag (Get-RegistryValue $wu 'DisableDualScan')
  $policy.deferQualityUpdates = ConvertTo-Flag (Get-RegistryValue $wu 'DeferQualityUpdates')
  $policy.deferFeatureUpdates = ConvertTo-Flag (Get-RegistryValue $wu 'DeferFeatureUpdates')
  $policy.doNotConnectToWindowsUpdateInternetLocations = ConvertTo-Flag (Get-RegistryValue $wu 'DoNotConnectToWindowsUpdateInternetLocations')
  $policy.scanSource = [ordered]@{
    useUpdateClassPolicySource = ConvertTo-Flag (Get-RegistryValue ($wu + '\AU') 'UseUpdateClassPolicySource')
    feature = ConvertTo-Source (Get-RegistryValue $wu 'SetPolicyDrivenUpdateSourceForFeatureUpdates')
    quality = ConvertTo-Source (Get-RegistryValue $wu 'SetPolicyDrivenUpdateSourceForQualityUpdates')
    driver = ConvertTo-Source (Get-RegistryValue $wu 'SetPolicyDrivenUpdateSourceForDriverUpdates')
    other = ConvertTo-Source (Get-RegistryValue $wu 'SetPolicyDrivenUpdateSourceForOtherUpdates')
  }
} catch { $problems += ('update policy: ' + (Get-ErrorText $_)) }

# The last errors of the Windows Update client, with their codes: its own log, and the System
# log, where the client writes events too (installation failures among them).
$updateErrors = @()
try {
  $updateErrors += @(Get-UpdateErrors @{ LogName = 'Microsoft-Windows-WindowsUpdateClient/Operational' } 'operational')
} catch { $problems += ('update errors: ' + (Get-ErrorText $_)) }
try {
  $updateErrors += @(Get-UpdateErrors @{ LogName = 'System'; ProviderName = 'Microsoft-Windows-WindowsUpdateClient' } 'system')
} catch { $problems += ('update errors (System log): ' + (Get-ErrorText $_)) }

# Each Windows Update endpoint: name resolution, TCP, the TLS handshake (https), and an HTTP
# request through the WinHTTP proxy when one is set (Windows Update uses WinHTTP), else direct.
$proxy = $winhttp.server
if ($proxy -and $proxy -match 'https=([^;]+)') { $proxy = $matches[1] } elseif ($proxy -and $proxy -match 'http=([^;]+)') { $proxy = $matches[1] }
$endpointResults = @()
foreach ($endpoint in $endpoints) {
  $target = $endpoint.host
  Write-Host ('Testing ' + $endpoint.scheme + '://' + $target)
  $result = [ordered]@{ host = $target; scheme = $endpoint.scheme; port = $endpoint.port; dns = $null; tcp = $null; tls = $null; http = $null }
  try {
    $addresses = @([System.Net.Dns]::GetHostAddresses($target) | ForEach-Object { $_.IPAddressToString })
    $result.dns = [ordered]@{ ok = $true; addresses = $addresses; error = $null }
  } catch { $result.dns = [ordered]@{ ok = $false; addresses = @(); error = (Get-ErrorText $_) } }
  if ($result.dns.ok) {
    $client = New-Object System.Net.Sockets.TcpClient
    try {
      $connect = $client.BeginConnect($target, $endpoint.port, $null, $null)
      if (-not $connect.AsyncWaitHandle.WaitOne(5000)) { throw 'no answer within 5 seconds' }
      $client.EndConnect($connect)
      $result.tcp = [ordered]@{ ok = $true; error = $null }
      if ($endpoint.scheme -eq 'https') {
        $stream = New-Object System.Net.Security.SslStream($client.GetStream(), $false)
        $stream.ReadTimeout = 5000
        $stream.WriteTimeout = 5000
        try {
          $stream.AuthenticateAsClient($target)
          $result.tls = [ordered]@{ ok = $true; protocol = [string]$stream.SslProtocol; issuer = [string]$stream.RemoteCertificate.Issuer; error = $null }
        } catch { $result.tls = [ordered]@{ ok = $false; protocol = $null; issuer = $null; error = (Get-ErrorText $_) } }
        finally { $stream.Dispose() }
      }
    } catch { $result.tcp = [ordered]@{ ok = $false; error = (Get-ErrorText $_) } }
    finally { $client.Close() }
  }
  try {
    $request = [System.Net.WebRequest]::Create($endpoint.scheme + '://' + $target + '/')
    $request.Method = 'HEAD'
    $request.Timeout = 10000
    $request.AllowAutoRedirect = $false
    if ($proxy) { $request.Proxy = New-Object System.Net.WebProxy($proxy) } else { $request.Proxy = $null }
    $response = $request.GetResponse()
    $result.http = [ordered]@{ status = [int]$response.StatusCode; proxy = $proxy; error = $null }
    $response.Close()
  } catch {
    $answer = $null
    if ($_.Exception.InnerException -and $_.Exception.InnerException.Response) { $answer = $_.Exception.InnerException.Response }
    if ($answer) { $result.http = [ordered]@{ status = [int]$answer.StatusCode; proxy = $proxy; error = $null }; $answer.Close() }
    else { $result.http = [ordered]@{ status = $null; proxy = $proxy; error = (Get-ErrorText $_) } }
  }
  $endpointResults += $result
}

$report = [ordered]@{
  schema = $schemaId
  version = $schemaVersion
  generatedAt = (Get-Date).ToUniversalTime().ToString('o')
  windows = $windows
  services = @($services)
  proxy = [ordered]@{ winhttp = $winhttp; user = $user }
  pendingRestart = $pending
  systemDrive = $drive
  updatePolicy = $policy
  updateErrors = @($updateErrors)
  endpoints = @($endpointResults)
  problems = @($problems)
}
$json = ConvertTo-Json -InputObject $report -Depth 6
[System.IO.File]::WriteAllText($OutFile, $json, (New-Object System.Text.UTF8Encoding($false)))
Write-Host ('The report: ' + $OutFile)
Write-Host 'Upload it on the Error Atlas diagnosis page (/diagnose), or run: erratlas diagnose <the report file>'
`;

/** The whole script for these endpoints, CRLF line ends, ASCII only. */
export function renderDiagnosticScript(endpoints: readonly UpdateEndpoint[]): string {
  const data = [
    '<#',
    '  Error Atlas diagnostic check for Windows Update. Read-only: it changes nothing on this PC.',
    '  It reads the Windows version, the update services, the proxy settings, a pending restart,',
    '  free space, the update-source policy and the last update errors, tests the connection to',
    '  each Windows Update endpoint, and writes one JSON report (no computer or user name in it).',
    '  Run it in Windows PowerShell (administrator rights are not needed):',
    '    powershell -ExecutionPolicy Bypass -File .\\erratlas-diagnose.ps1 [-OutFile <path>]',
    '#>',
  ];
  const values = [
    `$schemaId = ${psQuote(REPORT_SCHEMA_ID)}`,
    `$schemaVersion = ${REPORT_VERSION}`,
    `$serviceNames = @(${DIAGNOSED_SERVICES.map(psQuote).join(', ')})`,
    '$endpoints = @(',
    ...endpoints.map(
      (e) => `  @{ host = ${psQuote(e.host)}; scheme = ${psQuote(e.scheme)}; port = ${portOf(e)} }`,
    ),
    ')',
  ];
  // `param` must be the script's first statement, so the values come after it.
  const [paramLine, ...rest] = BODY.trim().split('\n');
  const lines = [...data, paramLine!, ...values, ...rest];
  return `${lines.join('\r\n')}\r\n`;
}
