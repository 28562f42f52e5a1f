@echo off
rem Error Atlas fix script for windows-update 0x80244001: Windows Update error 0x80244001 ^(WU_E_PT_SOAPCLIENT_INITIALIZE^): the update client could not get ready to talk to the update service
rem Fixes, in order: restart-and-check, repair-system-files, reregister-msxml3, reset-winhttp-proxy, run-troubleshooter, check-security-software, reset-components
rem Platform: windows-11
rem Run it from a Command Prompt opened as administrator: erratlas-fix-0x80244001.cmd [/dry-run]
rem /dry-run prints every step and runs nothing. Read the script before you run it.
setlocal EnableExtensions DisableDelayedExpansion
set "ERRATLAS_DRY_RUN="
if /i "%~1"=="/dry-run" set "ERRATLAS_DRY_RUN=1"

rem The elevation check comes first: an elevated token carries the High Mandatory Level
rem (S-1-16-12288) in its groups.
whoami /groups | find "S-1-16-12288" >nul
if errorlevel 1 goto not_elevated

set "ERRATLAS_LOG=%TEMP%\erratlas-fix-0x80244001-%RANDOM%%RANDOM%.log"
if defined ERRATLAS_DRY_RUN echo Dry run: nothing is run and no log is written.
if not defined ERRATLAS_DRY_RUN echo The log of every command and its exit code: "%ERRATLAS_LOG%"
call :log "Error Atlas fix script for windows-update 0x80244001 started"

rem ---- Fix 1 of 7: restart-and-check (risk: safe) ----
echo.
echo === Fix 1 of 7: Restart, then check the clock and the update services [risk: safe] ===
call :log "fix 1 (restart-and-check) started"
echo    Note: Save your work, then choose Start ^> Power ^> Restart.
echo    Note: On Windows 10 and 11, open Settings ^> Time ^& language ^> Date ^& time and make sure the date, time and time zone are right; if the page offers Sync now, select it.
echo    Note: On Windows 8.1 and 7, make sure the date, time and time zone are right, and correct them if they are not.
echo    Note: Open Command Prompt as administrator: select Start, type cmd, right-click Command Prompt and choose Run as administrator.

echo ^> net start cryptSvc
if defined ERRATLAS_DRY_RUN goto fix1_s5_done
set "ERRATLAS_WHAT=fix 1 (restart-and-check), step 5"
net start cryptSvc
set "ERRATLAS_RC=%errorlevel%"
>>"%ERRATLAS_LOG%" echo [%DATE% %TIME%] [exit %ERRATLAS_RC%] net start cryptSvc
call :wait_service cryptsvc RUNNING
if errorlevel 1 goto failed
:fix1_s5_done

echo ^> net start bits
if defined ERRATLAS_DRY_RUN goto fix1_s6_done
set "ERRATLAS_WHAT=fix 1 (restart-and-check), step 6"
net start bits
set "ERRATLAS_RC=%errorlevel%"
>>"%ERRATLAS_LOG%" echo [%DATE% %TIME%] [exit %ERRATLAS_RC%] net start bits
call :wait_service bits RUNNING
if errorlevel 1 goto failed
:fix1_s6_done

echo ^> net start wuauserv
if defined ERRATLAS_DRY_RUN goto fix1_s7_done
set "ERRATLAS_WHAT=fix 1 (restart-and-check), step 7"
net start wuauserv
set "ERRATLAS_RC=%errorlevel%"
>>"%ERRATLAS_LOG%" echo [%DATE% %TIME%] [exit %ERRATLAS_RC%] net start wuauserv
call :wait_service wuauserv RUNNING
if errorlevel 1 goto failed
:fix1_s7_done
echo    Note: If a service answers that it has already been started, that is fine.
echo    Note: If a service answers that it is disabled, stop here: someone or something ^(a policy, a "tweaking" tool, or whoever manages the PC^) turned it off on purpose, and that has to be undone first, or asked about.
echo    Note: Open Windows Update ^(Windows 11: Settings ^> Windows Update; Windows 10: Settings ^> Update ^& Security ^> Windows Update; Windows 8.1 and 7: Windows Update in Control Panel^) and select Check for updates.

echo    Check: Checking for updates finishes without 0x80244001. Right after the start commands, the command below shows the Windows Update service as RUNNING.
if defined ERRATLAS_DRY_RUN goto fix1_verified
set "ERRATLAS_WHAT=the check of fix 1 (restart-and-check)"
echo ^> sc query wuauserv
sc query wuauserv
set "ERRATLAS_RC=%errorlevel%"
>>"%ERRATLAS_LOG%" echo [%DATE% %TIME%] [check exit %ERRATLAS_RC%] sc query wuauserv
if not "%ERRATLAS_RC%"=="0" goto failed
:fix1_verified
echo    Fix 1 done.
call :log "fix 1 (restart-and-check) done"

rem ---- Fix 2 of 7: repair-system-files (risk: safe) ----
echo.
echo === Fix 2 of 7: Repair the component store and the system files, MSXML included [risk: safe] ===
call :log "fix 2 (repair-system-files) started"
echo    Note: Open Command Prompt as administrator: select Start, type cmd, right-click Command Prompt and choose Run as administrator.

echo ^> DISM /Online /Cleanup-Image /RestoreHealth
if defined ERRATLAS_DRY_RUN goto fix2_s2_done
set "ERRATLAS_WHAT=fix 2 (repair-system-files), step 2"
DISM /Online /Cleanup-Image /RestoreHealth
set "ERRATLAS_RC=%errorlevel%"
>>"%ERRATLAS_LOG%" echo [%DATE% %TIME%] [exit %ERRATLAS_RC%] DISM /Online /Cleanup-Image /RestoreHealth
if not "%ERRATLAS_RC%"=="0" goto failed
:fix2_s2_done
echo    Note: Wait until it reports a result. The scan and repair take several minutes; do not close the window.
echo    Note: If it reports that the restore operation completed successfully, go on to the SFC step below.
echo    Note: If it reports that the source files could not be found ^(0x800F081F^) or could not be downloaded ^(0x800F0906^), DISM could not get the repair files from its default source. On a PC managed by an organisation, ask its IT department before you go on: see the next step. Otherwise skip to the installation image steps. If it reports another error code, note it ^(this site explains it^) and go on to the SFC step.
echo    Note: A PC that takes its updates from the organisation's own update server ^(WSUS^) sends DISM's request there too, and WSUS does not hold repair files. The fix is the Group Policy setting "Specify settings for optional component installation and component repair" ^(Computer Configuration ^> Administrative Templates ^> System^): enabled with an alternate source path, or with its option to get repair content directly from Windows Update instead of WSUS. The IT department sets this; then run the DISM command again.
echo    Note: To repair from an installation image instead: download from Microsoft an installation image ^(ISO file^) of the same Windows version, edition, build and language as this PC.
echo    Note: Open Windows PowerShell as administrator: select Start, type PowerShell, right-click Windows PowerShell and choose Run as administrator.
echo    Note: Mount the ISO file with the next command, putting the full path of your ISO file in place of C:\ISO\Windows.iso ^(the command needs the full path^).

echo ^> Mount-DiskImage -ImagePath "C:\ISO\Windows.iso"
echo    ^(run by PowerShell^)
if defined ERRATLAS_DRY_RUN goto fix2_s10_done
set "ERRATLAS_WHAT=fix 2 (repair-system-files), step 10"
powershell.exe -NoProfile -NonInteractive -EncodedCommand JABFAHIAcgBvAHIAQQBjAHQAaQBvAG4AUAByAGUAZgBlAHIAZQBuAGMAZQAgAD0AIAAnAFMAdABvAHAAJwA7ACAAdAByAHkAIAB7ACAATQBvAHUAbgB0AC0ARABpAHMAawBJAG0AYQBnAGUAIAAtAEkAbQBhAGcAZQBQAGEAdABoACAAIgBDADoAXABJAFMATwBcAFcAaQBuAGQAbwB3AHMALgBpAHMAbwAiACAAfQAgAGMAYQB0AGMAaAAgAHsAIABbAEMAbwBuAHMAbwBsAGUAXQA6ADoARQByAHIAbwByAC4AVwByAGkAdABlAEwAaQBuAGUAKAAkAF8AKQA7ACAAZQB4AGkAdAAgADEAIAB9ADsAIABpAGYAIAAoACQATABBAFMAVABFAFgASQBUAEMATwBEAEUAKQAgAHsAIABlAHgAaQB0ACAAJABMAEEAUwBUAEUAWABJAFQAQwBPAEQARQAgAH0AOwAgAGUAeABpAHQAIAAwAA==
set "ERRATLAS_RC=%errorlevel%"
>>"%ERRATLAS_LOG%" echo [%DATE% %TIME%] [exit %ERRATLAS_RC%] Mount-DiskImage -ImagePath "C:\ISO\Windows.iso"
if not "%ERRATLAS_RC%"=="0" goto failed
:fix2_s10_done
echo    Note: The image now appears as a new drive. Open File Explorer, select This PC and note the drive letter of the new drive ^(D: in the commands below^).
echo    Note: List the editions in the image with the next command, in the same PowerShell window, and note the index number of this PC's edition ^(Home, Pro, ...^).

echo ^> Get-WindowsImage -ImagePath "D:\sources\install.wim"
echo    ^(run by PowerShell^)
if defined ERRATLAS_DRY_RUN goto fix2_s13_done
set "ERRATLAS_WHAT=fix 2 (repair-system-files), step 13"
powershell.exe -NoProfile -NonInteractive -EncodedCommand JABFAHIAcgBvAHIAQQBjAHQAaQBvAG4AUAByAGUAZgBlAHIAZQBuAGMAZQAgAD0AIAAnAFMAdABvAHAAJwA7ACAAdAByAHkAIAB7ACAARwBlAHQALQBXAGkAbgBkAG8AdwBzAEkAbQBhAGcAZQAgAC0ASQBtAGEAZwBlAFAAYQB0AGgAIAAiAEQAOgBcAHMAbwB1AHIAYwBlAHMAXABpAG4AcwB0AGEAbABsAC4AdwBpAG0AIgAgAH0AIABjAGEAdABjAGgAIAB7ACAAWwBDAG8AbgBzAG8AbABlAF0AOgA6AEUAcgByAG8AcgAuAFcAcgBpAHQAZQBMAGkAbgBlACgAJABfACkAOwAgAGUAeABpAHQAIAAxACAAfQA7ACAAaQBmACAAKAAkAEwAQQBTAFQARQBYAEkAVABDAE8ARABFACkAIAB7ACAAZQB4AGkAdAAgACQATABBAFMAVABFAFgASQBUAEMATwBEAEUAIAB9ADsAIABlAHgAaQB0ACAAMAA=
set "ERRATLAS_RC=%errorlevel%"
>>"%ERRATLAS_LOG%" echo [%DATE% %TIME%] [exit %ERRATLAS_RC%] Get-WindowsImage -ImagePath "D:\sources\install.wim"
if not "%ERRATLAS_RC%"=="0" goto failed
:fix2_s13_done
echo    Note: If the sources folder has no install.wim ^(some images carry install.esd instead^), this repair needs another image: note it for whoever helps you and go on to the SFC step.
echo    Note: Back in the Command Prompt window, repair from the image with the next command, putting your drive letter in place of D: and your edition's index in place of the final 1. The LimitAccess option keeps DISM from trying Windows Update at all.

echo ^> DISM /Online /Cleanup-Image /RestoreHealth /Source:WIM:D:\sources\install.wim:1 /LimitAccess
if defined ERRATLAS_DRY_RUN goto fix2_s16_done
set "ERRATLAS_WHAT=fix 2 (repair-system-files), step 16"
DISM /Online /Cleanup-Image /RestoreHealth /Source:WIM:D:\sources\install.wim:1 /LimitAccess
set "ERRATLAS_RC=%errorlevel%"
>>"%ERRATLAS_LOG%" echo [%DATE% %TIME%] [exit %ERRATLAS_RC%] DISM /Online /Cleanup-Image /RestoreHealth /Source:WIM:D:\sources\install.wim:1 /LimitAccess
if not "%ERRATLAS_RC%"=="0" goto failed
:fix2_s16_done
echo    Note: Then check the system files with SFC, in the same window:

echo ^> sfc /scannow
if defined ERRATLAS_DRY_RUN goto fix2_s18_done
set "ERRATLAS_WHAT=fix 2 (repair-system-files), step 18"
sfc /scannow
set "ERRATLAS_RC=%errorlevel%"
>>"%ERRATLAS_LOG%" echo [%DATE% %TIME%] [exit %ERRATLAS_RC%] sfc /scannow
if not "%ERRATLAS_RC%"=="0" goto failed
:fix2_s18_done
echo    Note: Keep the window open until the verification reaches 100%%.
echo    Note: If SFC reports that it found corrupt files and repaired them, restart the PC.
echo    Note: Try again what failed ^(the update, the feature, the program^).

echo    Check: DISM ends with the message that the restore operation completed successfully, and running SFC again reports that Windows Resource Protection did not find any integrity violations. The check below then reports that the image is healthy.
if defined ERRATLAS_DRY_RUN goto fix2_verified
set "ERRATLAS_WHAT=the check of fix 2 (repair-system-files)"
echo ^> DISM /Online /Cleanup-Image /CheckHealth
DISM /Online /Cleanup-Image /CheckHealth
set "ERRATLAS_RC=%errorlevel%"
>>"%ERRATLAS_LOG%" echo [%DATE% %TIME%] [check exit %ERRATLAS_RC%] DISM /Online /Cleanup-Image /CheckHealth
if not "%ERRATLAS_RC%"=="0" goto failed
:fix2_verified
echo    Fix 2 done.
call :log "fix 2 (repair-system-files) done"

rem ---- Fix 3 of 7: reregister-msxml3 (risk: safe) ----
echo.
echo === Fix 3 of 7: Register MSXML 3.0 again [risk: safe] ===
call :log "fix 3 (reregister-msxml3) started"
echo    Note: Open Command Prompt as administrator.

echo ^> regsvr32 msxml3.dll
if defined ERRATLAS_DRY_RUN goto fix3_s2_done
set "ERRATLAS_WHAT=fix 3 (reregister-msxml3), step 2"
regsvr32 msxml3.dll
set "ERRATLAS_RC=%errorlevel%"
>>"%ERRATLAS_LOG%" echo [%DATE% %TIME%] [exit %ERRATLAS_RC%] regsvr32 msxml3.dll
if not "%ERRATLAS_RC%"=="0" goto failed
:fix3_s2_done
echo    Note: Select OK in the message that appears.
echo    Note: Restart the PC.
echo    Note: Check for updates again.

echo    Check: After the restart, checking for updates no longer ends in 0x80244001. The message from regsvr32 does not tell you whether anything changed.
if defined ERRATLAS_DRY_RUN goto fix3_verified
set "ERRATLAS_WHAT=the check of fix 3 (reregister-msxml3)"
set "ERRATLAS_RC=answered no"
choice /c YN /m "Did the check pass"
if errorlevel 2 goto failed
if not errorlevel 1 goto failed
call :log "[check passed] fix 3 (reregister-msxml3)"
:fix3_verified
echo    Fix 3 done.
call :log "fix 3 (reregister-msxml3) done"

rem ---- Fix 4 of 7: reset-winhttp-proxy (risk: safe) ----
echo.
echo === Fix 4 of 7: Check the WinHTTP proxy, then reset it or set the right one [risk: safe] ===
call :log "fix 4 (reset-winhttp-proxy) started"
echo    Note: On a PC managed by your work or school, only look: the WinHTTP proxy there may be set on purpose by the IT department. Run only the show command below, and give what it shows, with the error code, to your IT department instead of changing anything.
echo    Note: Open Command Prompt as administrator: select Start, type cmd, right-click Command Prompt and choose Run as administrator.

echo ^> netsh winhttp show proxy
if defined ERRATLAS_DRY_RUN goto fix4_s3_done
set "ERRATLAS_WHAT=fix 4 (reset-winhttp-proxy), step 3"
netsh winhttp show proxy
set "ERRATLAS_RC=%errorlevel%"
>>"%ERRATLAS_LOG%" echo [%DATE% %TIME%] [exit %ERRATLAS_RC%] netsh winhttp show proxy
if not "%ERRATLAS_RC%"=="0" goto failed
:fix4_s3_done
echo    Note: Write down or photograph what it shows: you need it to undo this fix.
echo    Note: If it reports direct access, that is, no proxy server, there is nothing to reset here: skip this fix.

echo ^> netsh winhttp reset proxy
if defined ERRATLAS_DRY_RUN goto fix4_s6_done
echo    The article runs this only: If it names a proxy that you no longer use ^(left behind by a VPN client, a proxy or filtering tool, or an old network^), and your browser reaches the internet without a proxy, reset it
choice /c YN /m "Does that apply to this PC? Run it"
if errorlevel 2 goto fix4_s6_done_skip
if not errorlevel 1 goto fix4_s6_done_skip
set "ERRATLAS_WHAT=fix 4 (reset-winhttp-proxy), step 6"
netsh winhttp reset proxy
set "ERRATLAS_RC=%errorlevel%"
>>"%ERRATLAS_LOG%" echo [%DATE% %TIME%] [exit %ERRATLAS_RC%] netsh winhttp reset proxy
if not "%ERRATLAS_RC%"=="0" goto failed
goto fix4_s6_done
:fix4_s6_done_skip
echo    Skipped.
>>"%ERRATLAS_LOG%" echo [%DATE% %TIME%] [skipped] netsh winhttp reset proxy
:fix4_s6_done

echo ^> netsh winhttp set proxy proxy.example.com:8080
if defined ERRATLAS_DRY_RUN goto fix4_s7_done
echo    The article runs this only: If instead your network needs a proxy, set the WinHTTP proxy to the proxy server and port that your network uses ^(your IT department or your network's documentation names them; proxy.example.com and 8080 stand for them here^)
choice /c YN /m "Does that apply to this PC? Run it"
if errorlevel 2 goto fix4_s7_done_skip
if not errorlevel 1 goto fix4_s7_done_skip
set "ERRATLAS_WHAT=fix 4 (reset-winhttp-proxy), step 7"
netsh winhttp set proxy proxy.example.com:8080
set "ERRATLAS_RC=%errorlevel%"
>>"%ERRATLAS_LOG%" echo [%DATE% %TIME%] [exit %ERRATLAS_RC%] netsh winhttp set proxy proxy.example.com:8080
if not "%ERRATLAS_RC%"=="0" goto failed
goto fix4_s7_done
:fix4_s7_done_skip
echo    Skipped.
>>"%ERRATLAS_LOG%" echo [%DATE% %TIME%] [skipped] netsh winhttp set proxy proxy.example.com:8080
:fix4_s7_done

echo ^> netsh winhttp import proxy source=ie
if defined ERRATLAS_DRY_RUN goto fix4_s8_done
echo    The article runs this only: On Windows 10, if the proxy is set in Internet Explorer's settings and your browser works through it, you can copy that setting to WinHTTP instead
choice /c YN /m "Does that apply to this PC? Run it"
if errorlevel 2 goto fix4_s8_done_skip
if not errorlevel 1 goto fix4_s8_done_skip
set "ERRATLAS_WHAT=fix 4 (reset-winhttp-proxy), step 8"
netsh winhttp import proxy source=ie
set "ERRATLAS_RC=%errorlevel%"
>>"%ERRATLAS_LOG%" echo [%DATE% %TIME%] [exit %ERRATLAS_RC%] netsh winhttp import proxy source=ie
if not "%ERRATLAS_RC%"=="0" goto failed
goto fix4_s8_done
:fix4_s8_done_skip
echo    Skipped.
>>"%ERRATLAS_LOG%" echo [%DATE% %TIME%] [skipped] netsh winhttp import proxy source=ie
:fix4_s8_done
echo    Note: Check for updates again.

echo    Check: The command below shows direct access, or the proxy you imported, and checking for updates no longer ends in the error.
if defined ERRATLAS_DRY_RUN goto fix4_verified
set "ERRATLAS_WHAT=the check of fix 4 (reset-winhttp-proxy)"
echo ^> netsh winhttp show proxy
netsh winhttp show proxy
set "ERRATLAS_RC=%errorlevel%"
>>"%ERRATLAS_LOG%" echo [%DATE% %TIME%] [check exit %ERRATLAS_RC%] netsh winhttp show proxy
if not "%ERRATLAS_RC%"=="0" goto failed
:fix4_verified
echo    Fix 4 done.
call :log "fix 4 (reset-winhttp-proxy) done"

rem ---- Fix 5 of 7: run-troubleshooter (risk: safe) ----
echo.
echo === Fix 5 of 7: Run the Windows Update troubleshooter [risk: safe] ===
call :log "fix 5 (run-troubleshooter) started"
echo    Note: On Windows 10, open Settings ^> Update ^& Security ^> Troubleshoot and select Windows Update.
echo    Note: On Windows 11, 8.1 and 7, look for a Windows Update troubleshooter under Troubleshoot in Settings, or under Troubleshooting in Control Panel.
echo    Note: If your Windows no longer has it, skip this fix: the other fixes do not depend on it.
echo    Note: If it runs, accept the repairs it offers, then check for updates again.

echo    Check: The troubleshooter lists what it found and fixed, and checking for updates no longer ends in 0x80244001.
if defined ERRATLAS_DRY_RUN goto fix5_verified
set "ERRATLAS_WHAT=the check of fix 5 (run-troubleshooter)"
set "ERRATLAS_RC=answered no"
choice /c YN /m "Did the check pass"
if errorlevel 2 goto failed
if not errorlevel 1 goto failed
call :log "[check passed] fix 5 (run-troubleshooter)"
:fix5_verified
echo    Fix 5 done.
call :log "fix 5 (run-troubleshooter) done"

rem ---- Fix 6 of 7: check-security-software (risk: moderate) ----
echo.
echo === Fix 6 of 7: Check security software from another vendor [risk: moderate] ===
if defined ERRATLAS_DRY_RUN echo [dry run] The script asks before this moderate fix.
if defined ERRATLAS_DRY_RUN goto fix6_go
choice /c YN /m "This fix is moderate. Run it"
if errorlevel 2 goto fix6_skipped
if not errorlevel 1 goto fix6_skipped
:fix6_go
call :log "fix 6 (check-security-software) started"
echo    Note: If the only security software on the PC is Microsoft's own, such as Microsoft Defender, skip this fix.
echo    Note: Open your security product and look in its quarantine, history or blocked-connections list for anything about Windows Update.
echo    Note: If you find an entry, restore or allow it as the product's own help describes.
echo    Note: If you find nothing, use the product's own pause option to pause its web or firewall protection for 15 minutes.
echo    Note: Check for updates while the protection is paused.
echo    Note: Turn the protection back on straight away, whatever the result.

echo    Check: Checking for updates succeeds while the protection is paused, and afterwards the product shows that protection is on again.
if defined ERRATLAS_DRY_RUN goto fix6_verified
set "ERRATLAS_WHAT=the check of fix 6 (check-security-software)"
set "ERRATLAS_RC=answered no"
choice /c YN /m "Did the check pass"
if errorlevel 2 goto failed
if not errorlevel 1 goto failed
call :log "[check passed] fix 6 (check-security-software)"
:fix6_verified
echo    Fix 6 done.
call :log "fix 6 (check-security-software) done"
goto fix6_end
:fix6_skipped
echo    Skipped.
call :log "[skipped] fix 6 (check-security-software)"
:fix6_end

rem ---- Fix 7 of 7: reset-components (risk: moderate) ----
echo.
echo === Fix 7 of 7: Reset the Windows Update components [risk: moderate] ===
if defined ERRATLAS_DRY_RUN echo [dry run] The script asks before this moderate fix.
if defined ERRATLAS_DRY_RUN goto fix7_go
choice /c YN /m "This fix is moderate. Run it"
if errorlevel 2 goto fix7_skipped
if not errorlevel 1 goto fix7_skipped
:fix7_go
call :log "fix 7 (reset-components) started"
echo    Note: First finish any restart that Windows is waiting for. On Windows 11 open Settings ^> Windows Update; on Windows 10 open Settings ^> Update ^& Security ^> Windows Update; on Windows 8.1 and 7 open Windows Update in Control Panel. If the page says that a restart is needed to finish installing updates, save your work, restart, and check for updates again: if the error is gone, stop here.
echo    Note: Open Command Prompt as administrator: select Start, type cmd, right-click Command Prompt and choose Run as administrator.

echo ^> net stop usosvc
if defined ERRATLAS_DRY_RUN goto fix7_s3_done
echo    The article runs this only: On Windows 10 and 11, stop the Update Orchestrator service first: the Settings page works through it, and it passes requests on to the Windows Update service, which must stay stopped while you work
choice /c YN /m "Does that apply to this PC? Run it"
if errorlevel 2 goto fix7_s3_done_skip
if not errorlevel 1 goto fix7_s3_done_skip
set "ERRATLAS_WHAT=fix 7 (reset-components), step 3"
net stop usosvc
set "ERRATLAS_RC=%errorlevel%"
>>"%ERRATLAS_LOG%" echo [%DATE% %TIME%] [exit %ERRATLAS_RC%] net stop usosvc
call :wait_service usosvc STOPPED
if errorlevel 1 goto failed
goto fix7_s3_done
:fix7_s3_done_skip
echo    Skipped.
>>"%ERRATLAS_LOG%" echo [%DATE% %TIME%] [skipped] net stop usosvc
:fix7_s3_done

echo ^> net stop wuauserv
if defined ERRATLAS_DRY_RUN goto fix7_s4_done
set "ERRATLAS_WHAT=fix 7 (reset-components), step 4"
net stop wuauserv
set "ERRATLAS_RC=%errorlevel%"
>>"%ERRATLAS_LOG%" echo [%DATE% %TIME%] [exit %ERRATLAS_RC%] net stop wuauserv
call :wait_service wuauserv STOPPED
if errorlevel 1 goto failed
:fix7_s4_done

echo ^> net stop cryptSvc
if defined ERRATLAS_DRY_RUN goto fix7_s5_done
set "ERRATLAS_WHAT=fix 7 (reset-components), step 5"
net stop cryptSvc
set "ERRATLAS_RC=%errorlevel%"
>>"%ERRATLAS_LOG%" echo [%DATE% %TIME%] [exit %ERRATLAS_RC%] net stop cryptSvc
call :wait_service cryptsvc STOPPED
if errorlevel 1 goto failed
:fix7_s5_done

echo ^> net stop bits
if defined ERRATLAS_DRY_RUN goto fix7_s6_done
set "ERRATLAS_WHAT=fix 7 (reset-components), step 6"
net stop bits
set "ERRATLAS_RC=%errorlevel%"
>>"%ERRATLAS_LOG%" echo [%DATE% %TIME%] [exit %ERRATLAS_RC%] net stop bits
call :wait_service bits STOPPED
if errorlevel 1 goto failed
:fix7_s6_done

echo ^> net stop msiserver
if defined ERRATLAS_DRY_RUN goto fix7_s7_done
set "ERRATLAS_WHAT=fix 7 (reset-components), step 7"
net stop msiserver
set "ERRATLAS_RC=%errorlevel%"
>>"%ERRATLAS_LOG%" echo [%DATE% %TIME%] [exit %ERRATLAS_RC%] net stop msiserver
call :wait_service msiserver STOPPED
if errorlevel 1 goto failed
:fix7_s7_done
echo    Note: If a service answers that it is not started, that is fine: go on. If the Update Orchestrator service refuses to stop, go on as well and watch the next check.

echo ^> sc query wuauserv
if defined ERRATLAS_DRY_RUN goto fix7_s9_done
echo    The article runs this only: Check that the Windows Update service is stopped
choice /c YN /m "Does that apply to this PC? Run it"
if errorlevel 2 goto fix7_s9_done_skip
if not errorlevel 1 goto fix7_s9_done_skip
set "ERRATLAS_WHAT=fix 7 (reset-components), step 9"
sc query wuauserv
set "ERRATLAS_RC=%errorlevel%"
>>"%ERRATLAS_LOG%" echo [%DATE% %TIME%] [exit %ERRATLAS_RC%] sc query wuauserv
if not "%ERRATLAS_RC%"=="0" goto failed
goto fix7_s9_done
:fix7_s9_done_skip
echo    Skipped.
>>"%ERRATLAS_LOG%" echo [%DATE% %TIME%] [skipped] sc query wuauserv
:fix7_s9_done
echo    Note: If it shows RUNNING rather than STOPPED, it was started again: repeat the stop commands above, then check again.

echo ^> ren %%SystemRoot%%\SoftwareDistribution SoftwareDistribution.old
if defined ERRATLAS_DRY_RUN goto fix7_s11_done
set "ERRATLAS_WHAT=fix 7 (reset-components), step 11"
ren %SystemRoot%\SoftwareDistribution SoftwareDistribution.old
set "ERRATLAS_RC=%errorlevel%"
>>"%ERRATLAS_LOG%" echo [%DATE% %TIME%] [exit %ERRATLAS_RC%] ren %%SystemRoot%%\SoftwareDistribution SoftwareDistribution.old
if not "%ERRATLAS_RC%"=="0" goto failed
:fix7_s11_done

echo ^> ren %%SystemRoot%%\System32\catroot2 catroot2.old
if defined ERRATLAS_DRY_RUN goto fix7_s12_done
set "ERRATLAS_WHAT=fix 7 (reset-components), step 12"
ren %SystemRoot%\System32\catroot2 catroot2.old
set "ERRATLAS_RC=%errorlevel%"
>>"%ERRATLAS_LOG%" echo [%DATE% %TIME%] [exit %ERRATLAS_RC%] ren %%SystemRoot%%\System32\catroot2 catroot2.old
if not "%ERRATLAS_RC%"=="0" goto failed
:fix7_s12_done
echo    Note: If a rename answers that the folder is in use or that access is denied, a service has started again: repeat the stop commands, then the rename.
echo    Note: If a rename answers that a duplicate file name exists, an earlier reset left a .old folder behind: repeat the rename with another new name, such as SoftwareDistribution.old2.

echo ^> net start cryptSvc
if defined ERRATLAS_DRY_RUN goto fix7_s15_done
set "ERRATLAS_WHAT=fix 7 (reset-components), step 15"
net start cryptSvc
set "ERRATLAS_RC=%errorlevel%"
>>"%ERRATLAS_LOG%" echo [%DATE% %TIME%] [exit %ERRATLAS_RC%] net start cryptSvc
call :wait_service cryptsvc RUNNING
if errorlevel 1 goto failed
:fix7_s15_done

echo ^> net start bits
if defined ERRATLAS_DRY_RUN goto fix7_s16_done
set "ERRATLAS_WHAT=fix 7 (reset-components), step 16"
net start bits
set "ERRATLAS_RC=%errorlevel%"
>>"%ERRATLAS_LOG%" echo [%DATE% %TIME%] [exit %ERRATLAS_RC%] net start bits
call :wait_service bits RUNNING
if errorlevel 1 goto failed
:fix7_s16_done

echo ^> net start msiserver
if defined ERRATLAS_DRY_RUN goto fix7_s17_done
set "ERRATLAS_WHAT=fix 7 (reset-components), step 17"
net start msiserver
set "ERRATLAS_RC=%errorlevel%"
>>"%ERRATLAS_LOG%" echo [%DATE% %TIME%] [exit %ERRATLAS_RC%] net start msiserver
call :wait_service msiserver RUNNING
if errorlevel 1 goto failed
:fix7_s17_done

echo ^> net start wuauserv
if defined ERRATLAS_DRY_RUN goto fix7_s18_done
set "ERRATLAS_WHAT=fix 7 (reset-components), step 18"
net start wuauserv
set "ERRATLAS_RC=%errorlevel%"
>>"%ERRATLAS_LOG%" echo [%DATE% %TIME%] [exit %ERRATLAS_RC%] net start wuauserv
call :wait_service wuauserv RUNNING
if errorlevel 1 goto failed
:fix7_s18_done
echo    Note: Restart the PC.
echo    Note: Open Windows Update and check for updates again.
echo    Note: Keep the .old folders until updates install normally again; after that you can delete them to free disk space.

echo    Check: A new SoftwareDistribution folder has appeared in %%SystemRoot%%, and checking for updates no longer ends in the error. The command below shows the state of the Windows Update service; it must not report that the service cannot be found.
if defined ERRATLAS_DRY_RUN goto fix7_verified
set "ERRATLAS_WHAT=the check of fix 7 (reset-components)"
echo ^> sc query wuauserv
sc query wuauserv
set "ERRATLAS_RC=%errorlevel%"
>>"%ERRATLAS_LOG%" echo [%DATE% %TIME%] [check exit %ERRATLAS_RC%] sc query wuauserv
if not "%ERRATLAS_RC%"=="0" goto failed
:fix7_verified
echo    Fix 7 done.
call :log "fix 7 (reset-components) done"
goto fix7_end
:fix7_skipped
echo    Skipped.
call :log "[skipped] fix 7 (reset-components)"
:fix7_end

echo.
if defined ERRATLAS_DRY_RUN echo Dry run finished: nothing was run.
if not defined ERRATLAS_DRY_RUN echo Every chosen fix ran and its check passed.
echo Restart the PC to finish: at least one of these fixes needs a restart.
call :log "finished"
exit /b 0

:not_elevated
echo This script must run as administrator: right-click Command Prompt, choose Run as administrator, and run it again.
echo Nothing was changed.
exit /b 1

:failed
echo.
echo Stopped: %ERRATLAS_WHAT% failed ^(%ERRATLAS_RC%^). The fixes after it were not run.
echo The log: "%ERRATLAS_LOG%"
call :log "stopped: %ERRATLAS_WHAT% failed (%ERRATLAS_RC%)"
exit /b 1

rem Appends a line to the log (not in a dry run).
:log
if defined ERRATLAS_DRY_RUN exit /b 0
>>"%ERRATLAS_LOG%" echo [%DATE% %TIME%] %~1
exit /b 0

rem Waits up to 60 seconds for service %1 to reach state %2 (STOPPED or RUNNING).
:wait_service
set /a ERRATLAS_WAITED=0
:wait_service_poll
sc query %~1 >nul 2>&1
if "%errorlevel%"=="1060" goto wait_service_missing
sc query %~1 | find "%~2" >nul
if not errorlevel 1 goto wait_service_reached
if %ERRATLAS_WAITED% geq 60 goto wait_service_timeout
timeout /t 1 /nobreak >nul
set /a ERRATLAS_WAITED+=1
goto wait_service_poll
:wait_service_reached
echo    %~1 is %~2.
call :log "[state] %~1 %~2"
exit /b 0
:wait_service_missing
echo    There is no service %~1 on this PC: nothing to wait for.
call :log "[state] %~1 does not exist"
exit /b 0
:wait_service_timeout
echo    %~1 did not reach %~2 within 60 seconds.
set "ERRATLAS_RC=%~1 not %~2 after 60 s"
exit /b 1
