<#
  Error Atlas fix script for windows-update 0x80244001: Windows Update error 0x80244001: the SOAP layer could not start
  Fixes, in order: check-proxy, rename-cache, clear-jobs
  Platform: windows-11
  Run it from Windows PowerShell opened as administrator:
    powershell -ExecutionPolicy Bypass -File .\erratlas-fix-0x80244001.ps1 [-DryRun]
  -DryRun prints every step and runs nothing. Read the script before you run it.
#>
param([switch]$DryRun)
$ErrorActionPreference = 'Stop'

# The elevation check comes first: every fix here needs an administrator.
$principal = New-Object Security.Principal.WindowsPrincipal([Security.Principal.WindowsIdentity]::GetCurrent())
if (-not $principal.IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)) {
  Write-Host 'This script must run as administrator: right-click Windows PowerShell, choose Run as administrator, and run it again.'
  Write-Host 'Nothing was changed.'
  exit 1
}

$log = Join-Path $env:TEMP ('erratlas-fix-0x80244001' + '-' + (Get-Date -Format 'yyyyMMdd-HHmmss') + '.log')
function Write-Log([string]$Line) {
  if (-not $DryRun) { Add-Content -LiteralPath $log -Value ('[' + (Get-Date -Format 's') + '] ' + $Line) }
}
function Confirm-Step([string]$Question) {
  do { $answer = Read-Host ($Question + ' [Y/N]') } until ($answer -match '^[YyNn]$')
  return ($answer -match '^[Yy]$')
}
# cmd.exe gets the command exactly as written: /s strips only the outer quotes added here.
function Invoke-Cmd([string]$Command) {
  $start = New-Object System.Diagnostics.ProcessStartInfo $env:ComSpec
  $start.Arguments = '/d /s /c "' + $Command + '"'
  $start.UseShellExecute = $false
  $process = [System.Diagnostics.Process]::Start($start)
  $process.WaitForExit()
  return $process.ExitCode
}
function Invoke-PowerShellText([string]$Command) {
  $global:LASTEXITCODE = 0
  try { & ([scriptblock]::Create($Command)) | Out-Host } catch { Write-Host $_; return 1 }
  if ($LASTEXITCODE) { return $LASTEXITCODE }
  return 0
}
# Waits up to 60 seconds for a service to reach the state asked.
function Wait-ServiceState([string]$Name, [string]$Want) {
  $service = Get-Service -Name $Name -ErrorAction SilentlyContinue
  if ($null -eq $service) {
    Write-Host ('   There is no service ' + $Name + ' on this PC: nothing to wait for.')
    Write-Log ('[state] ' + $Name + ' does not exist')
    return $true
  }
  try { $service.WaitForStatus($Want, [TimeSpan]::FromSeconds(60)) } catch {
    Write-Host ('   ' + $Name + ' did not reach ' + $Want + ' within 60 seconds.')
    Write-Log ('[timeout] ' + $Name + ' not ' + $Want + ' after 60 s')
    return $false
  }
  Write-Host ('   ' + $Name + ' is ' + $Want + '.')
  Write-Log ('[state] ' + $Name + ' ' + $Want)
  return $true
}
function Stop-Script([string]$What) {
  Write-Host ''
  Write-Host ('Stopped: ' + $What + '. The fixes after it were not run.')
  Write-Host ('The log: ' + $log)
  Write-Log ('stopped: ' + $What)
  exit 1
}

if ($DryRun) { Write-Host 'Dry run: nothing is run and no log is written.' } else { Write-Host ('The log of every command and its exit code: ' + $log) }
Write-Log 'Error Atlas fix script for windows-update 0x80244001 started'

# ---- Fix 1 of 3: check-proxy (risk: safe) ----
Write-Host ''
Write-Host '=== Fix 1 of 3: Look at the WinHTTP proxy (read-only) & write it down [risk: safe] ==='
Write-Log 'fix 1 (check-proxy) started'
Write-Host 'Note: Write down what it shows (100% of it) | keep the note <here>.'

Write-Host '> netsh winhttp show proxy'
Write-Host '   (run by cmd.exe)'
if (-not $DryRun) {
  $code = Invoke-Cmd 'netsh winhttp show proxy'
  Write-Log ('[exit ' + $code + '] ' + 'netsh winhttp show proxy')
  if ($code -ne 0) { Stop-Script ('fix 1 (check-proxy), step 2 exited with ' + $code) }
}

Write-Host 'Check: It shows direct access or the proxy you expect.'
if (-not $DryRun) {
  if (-not (Confirm-Step 'Did the check pass?')) { Stop-Script 'the check of fix 1 (check-proxy) did not pass' }
  Write-Log '[check passed] fix 1 (check-proxy)'
}
Write-Host '   Fix 1 done.'
Write-Log 'fix 1 (check-proxy) done'

# ---- Fix 2 of 3: rename-cache (risk: moderate) ----
Write-Host ''
Write-Host '=== Fix 2 of 3: Stop the update services and rename the cache [risk: moderate] ==='
$run = $true
if ($DryRun) { Write-Host '[dry run] The script asks before this moderate fix.' } else { $run = Confirm-Step 'This fix is moderate. Run it?' }
if ($run) {
  Write-Log 'fix 2 (rename-cache) started'

  Write-Host 'Added by the script: the Update Orchestrator (UsoSvc) starts the Windows Update service again while it runs, so it is stopped first.'
  Write-Host '> net stop usosvc'
  Write-Host '   (run by cmd.exe)'
  if (-not $DryRun) {
    $code = Invoke-Cmd 'net stop usosvc'
    Write-Log ('[exit ' + $code + '] ' + 'net stop usosvc')
    if (-not (Wait-ServiceState 'usosvc' 'Stopped')) { Stop-Script 'fix 2 (rename-cache), step 1: usosvc did not reach Stopped' }
  }

  Write-Host '> net stop wuauserv'
  Write-Host '   (run by cmd.exe)'
  if (-not $DryRun) {
    $code = Invoke-Cmd 'net stop wuauserv'
    Write-Log ('[exit ' + $code + '] ' + 'net stop wuauserv')
    if (-not (Wait-ServiceState 'wuauserv' 'Stopped')) { Stop-Script 'fix 2 (rename-cache), step 2: wuauserv did not reach Stopped' }
  }

  Write-Host '> net stop bits'
  Write-Host '   (run by cmd.exe)'
  if (-not $DryRun) {
    $code = Invoke-Cmd 'net stop bits'
    Write-Log ('[exit ' + $code + '] ' + 'net stop bits')
    if (-not (Wait-ServiceState 'bits' 'Stopped')) { Stop-Script 'fix 2 (rename-cache), step 3: bits did not reach Stopped' }
  }

  Write-Host '> ren "C:\Program Files\Example App\cache" cache.old'
  Write-Host '   (run by cmd.exe)'
  if (-not $DryRun) {
    $code = Invoke-Cmd 'ren "C:\Program Files\Example App\cache" cache.old'
    Write-Log ('[exit ' + $code + '] ' + 'ren "C:\Program Files\Example App\cache" cache.old')
    if ($code -ne 0) { Stop-Script ('fix 2 (rename-cache), step 4 exited with ' + $code) }
  }

  Write-Host '> ren %SystemRoot%\SoftwareDistribution SoftwareDistribution.old'
  Write-Host '   (run by cmd.exe)'
  if (-not $DryRun) {
    $code = Invoke-Cmd 'ren %SystemRoot%\SoftwareDistribution SoftwareDistribution.old'
    Write-Log ('[exit ' + $code + '] ' + 'ren %SystemRoot%\SoftwareDistribution SoftwareDistribution.old')
    if ($code -ne 0) { Stop-Script ('fix 2 (rename-cache), step 5 exited with ' + $code) }
  }

  Write-Host '> net start bits'
  Write-Host '   (run by cmd.exe)'
  if (-not $DryRun) {
    $code = Invoke-Cmd 'net start bits'
    Write-Log ('[exit ' + $code + '] ' + 'net start bits')
    if (-not (Wait-ServiceState 'bits' 'Running')) { Stop-Script 'fix 2 (rename-cache), step 6: bits did not reach Running' }
  }

  Write-Host '> net start wuauserv'
  Write-Host '   (run by cmd.exe)'
  if (-not $DryRun) {
    $code = Invoke-Cmd 'net start wuauserv'
    Write-Log ('[exit ' + $code + '] ' + 'net start wuauserv')
    if (-not (Wait-ServiceState 'wuauserv' 'Running')) { Stop-Script 'fix 2 (rename-cache), step 7: wuauserv did not reach Running' }
  }

  Write-Host 'Check: The Windows Update service is known to the system.'
  if (-not $DryRun) {
    Write-Host '> sc query wuauserv'
    $code = Invoke-Cmd 'sc query wuauserv'
    Write-Log ('[check exit ' + $code + '] ' + 'sc query wuauserv')
    if ($code -ne 0) { Stop-Script ('the check of fix 2 (rename-cache) exited with ' + $code) }
  }
  Write-Host '   Fix 2 done.'
  Write-Log 'fix 2 (rename-cache) done'
} else {
  Write-Host '   Skipped.'
  Write-Log '[skipped] fix 2 (rename-cache)'
}

# ---- Fix 3 of 3: clear-jobs (risk: destructive) ----
Write-Host ''
Write-Host '=== Fix 3 of 3: Remove the transfer jobs in error [risk: destructive] ==='
$run = $true
if ($DryRun) { Write-Host '[dry run] The script asks before this destructive fix.' } else { $run = Confirm-Step 'This fix is destructive. Run it?' }
if ($run) {
  Write-Log 'fix 3 (clear-jobs) started'
  Write-Host 'Note: Close every program that downloads in the background.'

  Write-Host '> Get-ChildItem -LiteralPath ''C:\Program Files\O''''Brien Tools'' | Select-Object -First 1'
  if (-not $DryRun) {
    Write-Host 'The article runs this only: on Windows 10 and later'
    if (Confirm-Step 'Does that apply to this PC? Run it?') {
      $code = Invoke-PowerShellText 'Get-ChildItem -LiteralPath ''C:\Program Files\O''''Brien Tools'' | Select-Object -First 1'
      Write-Log ('[exit ' + $code + '] ' + 'Get-ChildItem -LiteralPath ''C:\Program Files\O''''Brien Tools'' | Select-Object -First 1')
      if ($code -ne 0) { Stop-Script ('fix 3 (clear-jobs), step 2 exited with ' + $code) }
    } else {
      Write-Host '   Skipped.'
      Write-Log ('[skipped] ' + 'Get-ChildItem -LiteralPath ''C:\Program Files\O''''Brien Tools'' | Select-Object -First 1')
    }
  }

  Write-Host '> Get-BitsTransfer -AllUsers | Where-Object { $_.JobState -eq ''Error'' } | Remove-BitsTransfer'
  if (-not $DryRun) {
    $code = Invoke-PowerShellText 'Get-BitsTransfer -AllUsers | Where-Object { $_.JobState -eq ''Error'' } | Remove-BitsTransfer'
    Write-Log ('[exit ' + $code + '] ' + 'Get-BitsTransfer -AllUsers | Where-Object { $_.JobState -eq ''Error'' } | Remove-BitsTransfer')
    if ($code -ne 0) { Stop-Script ('fix 3 (clear-jobs), step 3 exited with ' + $code) }
  }

  Write-Host 'Check: No job in error is left.'
  if (-not $DryRun) {
    Write-Host '> Get-BitsTransfer -AllUsers'
    $code = Invoke-PowerShellText 'Get-BitsTransfer -AllUsers'
    Write-Log ('[check exit ' + $code + '] ' + 'Get-BitsTransfer -AllUsers')
    if ($code -ne 0) { Stop-Script ('the check of fix 3 (clear-jobs) exited with ' + $code) }
  }
  Write-Host '   Fix 3 done.'
  Write-Log 'fix 3 (clear-jobs) done'
} else {
  Write-Host '   Skipped.'
  Write-Log '[skipped] fix 3 (clear-jobs)'
}

Write-Host ''
if ($DryRun) { Write-Host 'Dry run finished: nothing was run.' } else { Write-Host 'Every chosen fix ran and its check passed.' }
Write-Host 'Restart the PC to finish: at least one of these fixes needs a restart.'
Write-Log 'finished'
exit 0
