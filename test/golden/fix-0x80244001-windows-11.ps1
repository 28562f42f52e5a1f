<#
  Error Atlas fix script for windows-update 0x80244001: Windows Update error 0x80244001 (WU_E_PT_SOAPCLIENT_INITIALIZE): the update client could not get ready to talk to the update service
  Fixes, in order: restart-and-check, repair-system-files, reregister-msxml3, reset-winhttp-proxy, run-troubleshooter, check-security-software, reset-components
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

# ---- Fix 1 of 7: restart-and-check (risk: safe) ----
Write-Host ''
Write-Host '=== Fix 1 of 7: Restart, then check the clock and the update services [risk: safe] ==='
Write-Log 'fix 1 (restart-and-check) started'
Write-Host 'Note: Save your work, then choose Start > Power > Restart.'
Write-Host 'Note: On Windows 10 and 11, open Settings > Time & language > Date & time and make sure the date, time and time zone are right; if the page offers Sync now, select it.'
Write-Host 'Note: On Windows 8.1 and 7, make sure the date, time and time zone are right, and correct them if they are not.'
Write-Host 'Note: Open Command Prompt as administrator: select Start, type cmd, right-click Command Prompt and choose Run as administrator.'

Write-Host '> net start cryptSvc'
Write-Host '   (run by cmd.exe)'
if (-not $DryRun) {
  $code = Invoke-Cmd 'net start cryptSvc'
  Write-Log ('[exit ' + $code + '] ' + 'net start cryptSvc')
  if (-not (Wait-ServiceState 'cryptsvc' 'Running')) { Stop-Script 'fix 1 (restart-and-check), step 5: cryptsvc did not reach Running' }
}

Write-Host '> net start bits'
Write-Host '   (run by cmd.exe)'
if (-not $DryRun) {
  $code = Invoke-Cmd 'net start bits'
  Write-Log ('[exit ' + $code + '] ' + 'net start bits')
  if (-not (Wait-ServiceState 'bits' 'Running')) { Stop-Script 'fix 1 (restart-and-check), step 6: bits did not reach Running' }
}

Write-Host '> net start wuauserv'
Write-Host '   (run by cmd.exe)'
if (-not $DryRun) {
  $code = Invoke-Cmd 'net start wuauserv'
  Write-Log ('[exit ' + $code + '] ' + 'net start wuauserv')
  if (-not (Wait-ServiceState 'wuauserv' 'Running')) { Stop-Script 'fix 1 (restart-and-check), step 7: wuauserv did not reach Running' }
}
Write-Host 'Note: If a service answers that it has already been started, that is fine.'
Write-Host 'Note: If a service answers that it is disabled, stop here: someone or something (a policy, a "tweaking" tool, or whoever manages the PC) turned it off on purpose, and that has to be undone first, or asked about.'
Write-Host 'Note: Open Windows Update (Windows 11: Settings > Windows Update; Windows 10: Settings > Update & Security > Windows Update; Windows 8.1 and 7: Windows Update in Control Panel) and select Check for updates.'

Write-Host 'Check: Checking for updates finishes without 0x80244001. Right after the start commands, the command below shows the Windows Update service as RUNNING.'
if (-not $DryRun) {
  Write-Host '> sc query wuauserv'
  $code = Invoke-Cmd 'sc query wuauserv'
  Write-Log ('[check exit ' + $code + '] ' + 'sc query wuauserv')
  if ($code -ne 0) { Stop-Script ('the check of fix 1 (restart-and-check) exited with ' + $code) }
}
Write-Host '   Fix 1 done.'
Write-Log 'fix 1 (restart-and-check) done'

# ---- Fix 2 of 7: repair-system-files (risk: safe) ----
Write-Host ''
Write-Host '=== Fix 2 of 7: Repair the component store and the system files, MSXML included [risk: safe] ==='
Write-Log 'fix 2 (repair-system-files) started'
Write-Host 'Note: Open Command Prompt as administrator: select Start, type cmd, right-click Command Prompt and choose Run as administrator.'

Write-Host '> DISM /Online /Cleanup-Image /RestoreHealth'
Write-Host '   (run by cmd.exe)'
if (-not $DryRun) {
  $code = Invoke-Cmd 'DISM /Online /Cleanup-Image /RestoreHealth'
  Write-Log ('[exit ' + $code + '] ' + 'DISM /Online /Cleanup-Image /RestoreHealth')
  if ($code -ne 0) { Stop-Script ('fix 2 (repair-system-files), step 2 exited with ' + $code) }
}
Write-Host 'Note: Wait until it reports a result. The scan and repair take several minutes; do not close the window.'
Write-Host 'Note: If it reports that the restore operation completed successfully, go on to the SFC step below.'
Write-Host 'Note: If it reports that the source files could not be found (0x800F081F) or could not be downloaded (0x800F0906), DISM could not get the repair files from its default source. On a PC managed by an organisation, ask its IT department before you go on: see the next step. Otherwise skip to the installation image steps. If it reports another error code, note it (this site explains it) and go on to the SFC step.'
Write-Host 'Note: A PC that takes its updates from the organisation''s own update server (WSUS) sends DISM''s request there too, and WSUS does not hold repair files. The fix is the Group Policy setting "Specify settings for optional component installation and component repair" (Computer Configuration > Administrative Templates > System): enabled with an alternate source path, or with its option to get repair content directly from Windows Update instead of WSUS. The IT department sets this; then run the DISM command again.'
Write-Host 'Note: To repair from an installation image instead: download from Microsoft an installation image (ISO file) of the same Windows version, edition, build and language as this PC.'
Write-Host 'Note: Open Windows PowerShell as administrator: select Start, type PowerShell, right-click Windows PowerShell and choose Run as administrator.'
Write-Host 'Note: Mount the ISO file with the next command, putting the full path of your ISO file in place of C:\ISO\Windows.iso (the command needs the full path).'

Write-Host '> Mount-DiskImage -ImagePath "C:\ISO\Windows.iso"'
if (-not $DryRun) {
  $code = Invoke-PowerShellText 'Mount-DiskImage -ImagePath "C:\ISO\Windows.iso"'
  Write-Log ('[exit ' + $code + '] ' + 'Mount-DiskImage -ImagePath "C:\ISO\Windows.iso"')
  if ($code -ne 0) { Stop-Script ('fix 2 (repair-system-files), step 10 exited with ' + $code) }
}
Write-Host 'Note: The image now appears as a new drive. Open File Explorer, select This PC and note the drive letter of the new drive (D: in the commands below).'
Write-Host 'Note: List the editions in the image with the next command, in the same PowerShell window, and note the index number of this PC''s edition (Home, Pro, ...).'

Write-Host '> Get-WindowsImage -ImagePath "D:\sources\install.wim"'
if (-not $DryRun) {
  $code = Invoke-PowerShellText 'Get-WindowsImage -ImagePath "D:\sources\install.wim"'
  Write-Log ('[exit ' + $code + '] ' + 'Get-WindowsImage -ImagePath "D:\sources\install.wim"')
  if ($code -ne 0) { Stop-Script ('fix 2 (repair-system-files), step 13 exited with ' + $code) }
}
Write-Host 'Note: If the sources folder has no install.wim (some images carry install.esd instead), this repair needs another image: note it for whoever helps you and go on to the SFC step.'
Write-Host 'Note: Back in the Command Prompt window, repair from the image with the next command, putting your drive letter in place of D: and your edition''s index in place of the final 1. The LimitAccess option keeps DISM from trying Windows Update at all.'

Write-Host '> DISM /Online /Cleanup-Image /RestoreHealth /Source:WIM:D:\sources\install.wim:1 /LimitAccess'
Write-Host '   (run by cmd.exe)'
if (-not $DryRun) {
  $code = Invoke-Cmd 'DISM /Online /Cleanup-Image /RestoreHealth /Source:WIM:D:\sources\install.wim:1 /LimitAccess'
  Write-Log ('[exit ' + $code + '] ' + 'DISM /Online /Cleanup-Image /RestoreHealth /Source:WIM:D:\sources\install.wim:1 /LimitAccess')
  if ($code -ne 0) { Stop-Script ('fix 2 (repair-system-files), step 16 exited with ' + $code) }
}
Write-Host 'Note: Then check the system files with SFC, in the same window:'

Write-Host '> sfc /scannow'
Write-Host '   (run by cmd.exe)'
if (-not $DryRun) {
  $code = Invoke-Cmd 'sfc /scannow'
  Write-Log ('[exit ' + $code + '] ' + 'sfc /scannow')
  if ($code -ne 0) { Stop-Script ('fix 2 (repair-system-files), step 18 exited with ' + $code) }
}
Write-Host 'Note: Keep the window open until the verification reaches 100%.'
Write-Host 'Note: If SFC reports that it found corrupt files and repaired them, restart the PC.'
Write-Host 'Note: Try again what failed (the update, the feature, the program).'

Write-Host 'Check: DISM ends with the message that the restore operation completed successfully, and running SFC again reports that Windows Resource Protection did not find any integrity violations. The check below then reports that the image is healthy.'
if (-not $DryRun) {
  Write-Host '> DISM /Online /Cleanup-Image /CheckHealth'
  $code = Invoke-Cmd 'DISM /Online /Cleanup-Image /CheckHealth'
  Write-Log ('[check exit ' + $code + '] ' + 'DISM /Online /Cleanup-Image /CheckHealth')
  if ($code -ne 0) { Stop-Script ('the check of fix 2 (repair-system-files) exited with ' + $code) }
}
Write-Host '   Fix 2 done.'
Write-Log 'fix 2 (repair-system-files) done'

# ---- Fix 3 of 7: reregister-msxml3 (risk: safe) ----
Write-Host ''
Write-Host '=== Fix 3 of 7: Register MSXML 3.0 again [risk: safe] ==='
Write-Log 'fix 3 (reregister-msxml3) started'
Write-Host 'Note: Open Command Prompt as administrator.'

Write-Host '> regsvr32 msxml3.dll'
Write-Host '   (run by cmd.exe)'
if (-not $DryRun) {
  $code = Invoke-Cmd 'regsvr32 msxml3.dll'
  Write-Log ('[exit ' + $code + '] ' + 'regsvr32 msxml3.dll')
  if ($code -ne 0) { Stop-Script ('fix 3 (reregister-msxml3), step 2 exited with ' + $code) }
}
Write-Host 'Note: Select OK in the message that appears.'
Write-Host 'Note: Restart the PC.'
Write-Host 'Note: Check for updates again.'

Write-Host 'Check: After the restart, checking for updates no longer ends in 0x80244001. The message from regsvr32 does not tell you whether anything changed.'
if (-not $DryRun) {
  if (-not (Confirm-Step 'Did the check pass?')) { Stop-Script 'the check of fix 3 (reregister-msxml3) did not pass' }
  Write-Log '[check passed] fix 3 (reregister-msxml3)'
}
Write-Host '   Fix 3 done.'
Write-Log 'fix 3 (reregister-msxml3) done'

# ---- Fix 4 of 7: reset-winhttp-proxy (risk: safe) ----
Write-Host ''
Write-Host '=== Fix 4 of 7: Check the WinHTTP proxy, then reset it or set the right one [risk: safe] ==='
Write-Log 'fix 4 (reset-winhttp-proxy) started'
Write-Host 'Note: On a PC managed by your work or school, only look: the WinHTTP proxy there may be set on purpose by the IT department. Run only the show command below, and give what it shows, with the error code, to your IT department instead of changing anything.'
Write-Host 'Note: Open Command Prompt as administrator: select Start, type cmd, right-click Command Prompt and choose Run as administrator.'

Write-Host '> netsh winhttp show proxy'
Write-Host '   (run by cmd.exe)'
if (-not $DryRun) {
  $code = Invoke-Cmd 'netsh winhttp show proxy'
  Write-Log ('[exit ' + $code + '] ' + 'netsh winhttp show proxy')
  if ($code -ne 0) { Stop-Script ('fix 4 (reset-winhttp-proxy), step 3 exited with ' + $code) }
}
Write-Host 'Note: Write down or photograph what it shows: you need it to undo this fix.'
Write-Host 'Note: If it reports direct access, that is, no proxy server, there is nothing to reset here: skip this fix.'

Write-Host '> netsh winhttp reset proxy'
Write-Host '   (run by cmd.exe)'
if (-not $DryRun) {
  Write-Host 'The article runs this only: If it names a proxy that you no longer use (left behind by a VPN client, a proxy or filtering tool, or an old network), and your browser reaches the internet without a proxy, reset it'
  if (Confirm-Step 'Does that apply to this PC? Run it?') {
    $code = Invoke-Cmd 'netsh winhttp reset proxy'
    Write-Log ('[exit ' + $code + '] ' + 'netsh winhttp reset proxy')
    if ($code -ne 0) { Stop-Script ('fix 4 (reset-winhttp-proxy), step 6 exited with ' + $code) }
  } else {
    Write-Host '   Skipped.'
    Write-Log ('[skipped] ' + 'netsh winhttp reset proxy')
  }
}

Write-Host '> netsh winhttp set proxy proxy.example.com:8080'
Write-Host '   (run by cmd.exe)'
if (-not $DryRun) {
  Write-Host 'The article runs this only: If instead your network needs a proxy, set the WinHTTP proxy to the proxy server and port that your network uses (your IT department or your network''s documentation names them; proxy.example.com and 8080 stand for them here)'
  if (Confirm-Step 'Does that apply to this PC? Run it?') {
    $code = Invoke-Cmd 'netsh winhttp set proxy proxy.example.com:8080'
    Write-Log ('[exit ' + $code + '] ' + 'netsh winhttp set proxy proxy.example.com:8080')
    if ($code -ne 0) { Stop-Script ('fix 4 (reset-winhttp-proxy), step 7 exited with ' + $code) }
  } else {
    Write-Host '   Skipped.'
    Write-Log ('[skipped] ' + 'netsh winhttp set proxy proxy.example.com:8080')
  }
}

Write-Host '> netsh winhttp import proxy source=ie'
Write-Host '   (run by cmd.exe)'
if (-not $DryRun) {
  Write-Host 'The article runs this only: On Windows 10, if the proxy is set in Internet Explorer''s settings and your browser works through it, you can copy that setting to WinHTTP instead'
  if (Confirm-Step 'Does that apply to this PC? Run it?') {
    $code = Invoke-Cmd 'netsh winhttp import proxy source=ie'
    Write-Log ('[exit ' + $code + '] ' + 'netsh winhttp import proxy source=ie')
    if ($code -ne 0) { Stop-Script ('fix 4 (reset-winhttp-proxy), step 8 exited with ' + $code) }
  } else {
    Write-Host '   Skipped.'
    Write-Log ('[skipped] ' + 'netsh winhttp import proxy source=ie')
  }
}
Write-Host 'Note: Check for updates again.'

Write-Host 'Check: The command below shows direct access, or the proxy you imported, and checking for updates no longer ends in the error.'
if (-not $DryRun) {
  Write-Host '> netsh winhttp show proxy'
  $code = Invoke-Cmd 'netsh winhttp show proxy'
  Write-Log ('[check exit ' + $code + '] ' + 'netsh winhttp show proxy')
  if ($code -ne 0) { Stop-Script ('the check of fix 4 (reset-winhttp-proxy) exited with ' + $code) }
}
Write-Host '   Fix 4 done.'
Write-Log 'fix 4 (reset-winhttp-proxy) done'

# ---- Fix 5 of 7: run-troubleshooter (risk: safe) ----
Write-Host ''
Write-Host '=== Fix 5 of 7: Run the Windows Update troubleshooter [risk: safe] ==='
Write-Log 'fix 5 (run-troubleshooter) started'
Write-Host 'Note: On Windows 10, open Settings > Update & Security > Troubleshoot and select Windows Update.'
Write-Host 'Note: On Windows 11, 8.1 and 7, look for a Windows Update troubleshooter under Troubleshoot in Settings, or under Troubleshooting in Control Panel.'
Write-Host 'Note: If your Windows no longer has it, skip this fix: the other fixes do not depend on it.'
Write-Host 'Note: If it runs, accept the repairs it offers, then check for updates again.'

Write-Host 'Check: The troubleshooter lists what it found and fixed, and checking for updates no longer ends in 0x80244001.'
if (-not $DryRun) {
  if (-not (Confirm-Step 'Did the check pass?')) { Stop-Script 'the check of fix 5 (run-troubleshooter) did not pass' }
  Write-Log '[check passed] fix 5 (run-troubleshooter)'
}
Write-Host '   Fix 5 done.'
Write-Log 'fix 5 (run-troubleshooter) done'

# ---- Fix 6 of 7: check-security-software (risk: moderate) ----
Write-Host ''
Write-Host '=== Fix 6 of 7: Check security software from another vendor [risk: moderate] ==='
$run = $true
if ($DryRun) { Write-Host '[dry run] The script asks before this moderate fix.' } else { $run = Confirm-Step 'This fix is moderate. Run it?' }
if ($run) {
  Write-Log 'fix 6 (check-security-software) started'
  Write-Host 'Note: If the only security software on the PC is Microsoft''s own, such as Microsoft Defender, skip this fix.'
  Write-Host 'Note: Open your security product and look in its quarantine, history or blocked-connections list for anything about Windows Update.'
  Write-Host 'Note: If you find an entry, restore or allow it as the product''s own help describes.'
  Write-Host 'Note: If you find nothing, use the product''s own pause option to pause its web or firewall protection for 15 minutes.'
  Write-Host 'Note: Check for updates while the protection is paused.'
  Write-Host 'Note: Turn the protection back on straight away, whatever the result.'

  Write-Host 'Check: Checking for updates succeeds while the protection is paused, and afterwards the product shows that protection is on again.'
  if (-not $DryRun) {
    if (-not (Confirm-Step 'Did the check pass?')) { Stop-Script 'the check of fix 6 (check-security-software) did not pass' }
    Write-Log '[check passed] fix 6 (check-security-software)'
  }
  Write-Host '   Fix 6 done.'
  Write-Log 'fix 6 (check-security-software) done'
} else {
  Write-Host '   Skipped.'
  Write-Log '[skipped] fix 6 (check-security-software)'
}

# ---- Fix 7 of 7: reset-components (risk: moderate) ----
Write-Host ''
Write-Host '=== Fix 7 of 7: Reset the Windows Update components [risk: moderate] ==='
$run = $true
if ($DryRun) { Write-Host '[dry run] The script asks before this moderate fix.' } else { $run = Confirm-Step 'This fix is moderate. Run it?' }
if ($run) {
  Write-Log 'fix 7 (reset-components) started'
  Write-Host 'Note: First finish any restart that Windows is waiting for. On Windows 11 open Settings > Windows Update; on Windows 10 open Settings > Update & Security > Windows Update; on Windows 8.1 and 7 open Windows Update in Control Panel. If the page says that a restart is needed to finish installing updates, save your work, restart, and check for updates again: if the error is gone, stop here.'
  Write-Host 'Note: Open Command Prompt as administrator: select Start, type cmd, right-click Command Prompt and choose Run as administrator.'

  Write-Host '> net stop usosvc'
  Write-Host '   (run by cmd.exe)'
  if (-not $DryRun) {
    Write-Host 'The article runs this only: On Windows 10 and 11, stop the Update Orchestrator service first: the Settings page works through it, and it passes requests on to the Windows Update service, which must stay stopped while you work'
    if (Confirm-Step 'Does that apply to this PC? Run it?') {
      $code = Invoke-Cmd 'net stop usosvc'
      Write-Log ('[exit ' + $code + '] ' + 'net stop usosvc')
      if (-not (Wait-ServiceState 'usosvc' 'Stopped')) { Stop-Script 'fix 7 (reset-components), step 3: usosvc did not reach Stopped' }
    } else {
      Write-Host '   Skipped.'
      Write-Log ('[skipped] ' + 'net stop usosvc')
    }
  }

  Write-Host '> net stop wuauserv'
  Write-Host '   (run by cmd.exe)'
  if (-not $DryRun) {
    $code = Invoke-Cmd 'net stop wuauserv'
    Write-Log ('[exit ' + $code + '] ' + 'net stop wuauserv')
    if (-not (Wait-ServiceState 'wuauserv' 'Stopped')) { Stop-Script 'fix 7 (reset-components), step 4: wuauserv did not reach Stopped' }
  }

  Write-Host '> net stop cryptSvc'
  Write-Host '   (run by cmd.exe)'
  if (-not $DryRun) {
    $code = Invoke-Cmd 'net stop cryptSvc'
    Write-Log ('[exit ' + $code + '] ' + 'net stop cryptSvc')
    if (-not (Wait-ServiceState 'cryptsvc' 'Stopped')) { Stop-Script 'fix 7 (reset-components), step 5: cryptsvc did not reach Stopped' }
  }

  Write-Host '> net stop bits'
  Write-Host '   (run by cmd.exe)'
  if (-not $DryRun) {
    $code = Invoke-Cmd 'net stop bits'
    Write-Log ('[exit ' + $code + '] ' + 'net stop bits')
    if (-not (Wait-ServiceState 'bits' 'Stopped')) { Stop-Script 'fix 7 (reset-components), step 6: bits did not reach Stopped' }
  }

  Write-Host '> net stop msiserver'
  Write-Host '   (run by cmd.exe)'
  if (-not $DryRun) {
    $code = Invoke-Cmd 'net stop msiserver'
    Write-Log ('[exit ' + $code + '] ' + 'net stop msiserver')
    if (-not (Wait-ServiceState 'msiserver' 'Stopped')) { Stop-Script 'fix 7 (reset-components), step 7: msiserver did not reach Stopped' }
  }
  Write-Host 'Note: If a service answers that it is not started, that is fine: go on. If the Update Orchestrator service refuses to stop, go on as well and watch the next check.'

  Write-Host '> sc query wuauserv'
  Write-Host '   (run by cmd.exe)'
  if (-not $DryRun) {
    Write-Host 'The article runs this only: Check that the Windows Update service is stopped'
    if (Confirm-Step 'Does that apply to this PC? Run it?') {
      $code = Invoke-Cmd 'sc query wuauserv'
      Write-Log ('[exit ' + $code + '] ' + 'sc query wuauserv')
      if ($code -ne 0) { Stop-Script ('fix 7 (reset-components), step 9 exited with ' + $code) }
    } else {
      Write-Host '   Skipped.'
      Write-Log ('[skipped] ' + 'sc query wuauserv')
    }
  }
  Write-Host 'Note: If it shows RUNNING rather than STOPPED, it was started again: repeat the stop commands above, then check again.'

  Write-Host '> ren %SystemRoot%\SoftwareDistribution SoftwareDistribution.old'
  Write-Host '   (run by cmd.exe)'
  if (-not $DryRun) {
    $code = Invoke-Cmd 'ren %SystemRoot%\SoftwareDistribution SoftwareDistribution.old'
    Write-Log ('[exit ' + $code + '] ' + 'ren %SystemRoot%\SoftwareDistribution SoftwareDistribution.old')
    if ($code -ne 0) { Stop-Script ('fix 7 (reset-components), step 11 exited with ' + $code) }
  }

  Write-Host '> ren %SystemRoot%\System32\catroot2 catroot2.old'
  Write-Host '   (run by cmd.exe)'
  if (-not $DryRun) {
    $code = Invoke-Cmd 'ren %SystemRoot%\System32\catroot2 catroot2.old'
    Write-Log ('[exit ' + $code + '] ' + 'ren %SystemRoot%\System32\catroot2 catroot2.old')
    if ($code -ne 0) { Stop-Script ('fix 7 (reset-components), step 12 exited with ' + $code) }
  }
  Write-Host 'Note: If a rename answers that the folder is in use or that access is denied, a service has started again: repeat the stop commands, then the rename.'
  Write-Host 'Note: If a rename answers that a duplicate file name exists, an earlier reset left a .old folder behind: repeat the rename with another new name, such as SoftwareDistribution.old2.'

  Write-Host '> net start cryptSvc'
  Write-Host '   (run by cmd.exe)'
  if (-not $DryRun) {
    $code = Invoke-Cmd 'net start cryptSvc'
    Write-Log ('[exit ' + $code + '] ' + 'net start cryptSvc')
    if (-not (Wait-ServiceState 'cryptsvc' 'Running')) { Stop-Script 'fix 7 (reset-components), step 15: cryptsvc did not reach Running' }
  }

  Write-Host '> net start bits'
  Write-Host '   (run by cmd.exe)'
  if (-not $DryRun) {
    $code = Invoke-Cmd 'net start bits'
    Write-Log ('[exit ' + $code + '] ' + 'net start bits')
    if (-not (Wait-ServiceState 'bits' 'Running')) { Stop-Script 'fix 7 (reset-components), step 16: bits did not reach Running' }
  }

  Write-Host '> net start msiserver'
  Write-Host '   (run by cmd.exe)'
  if (-not $DryRun) {
    $code = Invoke-Cmd 'net start msiserver'
    Write-Log ('[exit ' + $code + '] ' + 'net start msiserver')
    if (-not (Wait-ServiceState 'msiserver' 'Running')) { Stop-Script 'fix 7 (reset-components), step 17: msiserver did not reach Running' }
  }

  Write-Host '> net start wuauserv'
  Write-Host '   (run by cmd.exe)'
  if (-not $DryRun) {
    $code = Invoke-Cmd 'net start wuauserv'
    Write-Log ('[exit ' + $code + '] ' + 'net start wuauserv')
    if (-not (Wait-ServiceState 'wuauserv' 'Running')) { Stop-Script 'fix 7 (reset-components), step 18: wuauserv did not reach Running' }
  }
  Write-Host 'Note: Restart the PC.'
  Write-Host 'Note: Open Windows Update and check for updates again.'
  Write-Host 'Note: Keep the .old folders until updates install normally again; after that you can delete them to free disk space.'

  Write-Host 'Check: A new SoftwareDistribution folder has appeared in %SystemRoot%, and checking for updates no longer ends in the error. The command below shows the state of the Windows Update service; it must not report that the service cannot be found.'
  if (-not $DryRun) {
    Write-Host '> sc query wuauserv'
    $code = Invoke-Cmd 'sc query wuauserv'
    Write-Log ('[check exit ' + $code + '] ' + 'sc query wuauserv')
    if ($code -ne 0) { Stop-Script ('the check of fix 7 (reset-components) exited with ' + $code) }
  }
  Write-Host '   Fix 7 done.'
  Write-Log 'fix 7 (reset-components) done'
} else {
  Write-Host '   Skipped.'
  Write-Log '[skipped] fix 7 (reset-components)'
}

Write-Host ''
if ($DryRun) { Write-Host 'Dry run finished: nothing was run.' } else { Write-Host 'Every chosen fix ran and its check passed.' }
Write-Host 'Restart the PC to finish: at least one of these fixes needs a restart.'
Write-Log 'finished'
exit 0
