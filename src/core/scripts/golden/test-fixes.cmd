@echo off
rem Error Atlas fix script for windows-update 0x80244001: Windows Update error 0x80244001: the SOAP layer could not start
rem Fixes, in order: check-proxy, rename-cache, clear-jobs
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

rem ---- Fix 1 of 3: check-proxy (risk: safe) ----
echo.
echo === Fix 1 of 3: Look at the WinHTTP proxy ^(read-only^) ^& write it down [risk: safe] ===
call :log "fix 1 (check-proxy) started"
echo    Note: Write down what it shows ^(100%% of it^) ^| keep the note ^<here^>.

echo ^> netsh winhttp show proxy
if defined ERRATLAS_DRY_RUN goto fix1_s2_done
set "ERRATLAS_WHAT=fix 1 (check-proxy), step 2"
netsh winhttp show proxy
set "ERRATLAS_RC=%errorlevel%"
>>"%ERRATLAS_LOG%" echo [%DATE% %TIME%] [exit %ERRATLAS_RC%] netsh winhttp show proxy
if not "%ERRATLAS_RC%"=="0" goto failed
:fix1_s2_done

echo    Check: It shows direct access or the proxy you expect.
if defined ERRATLAS_DRY_RUN goto fix1_verified
set "ERRATLAS_WHAT=the check of fix 1 (check-proxy)"
set "ERRATLAS_RC=answered no"
choice /c YN /m "Did the check pass"
if errorlevel 2 goto failed
if not errorlevel 1 goto failed
call :log "[check passed] fix 1 (check-proxy)"
:fix1_verified
echo    Fix 1 done.
call :log "fix 1 (check-proxy) done"

rem ---- Fix 2 of 3: rename-cache (risk: moderate) ----
echo.
echo === Fix 2 of 3: Stop the update services and rename the cache [risk: moderate] ===
if defined ERRATLAS_DRY_RUN echo [dry run] The script asks before this moderate fix.
if defined ERRATLAS_DRY_RUN goto fix2_go
choice /c YN /m "This fix is moderate. Run it"
if errorlevel 2 goto fix2_skipped
if not errorlevel 1 goto fix2_skipped
:fix2_go
call :log "fix 2 (rename-cache) started"

echo    Added by the script: the Update Orchestrator ^(UsoSvc^) starts the Windows Update service again while it runs, so it is stopped first.
echo ^> net stop usosvc
if defined ERRATLAS_DRY_RUN goto fix2_s1_done
set "ERRATLAS_WHAT=fix 2 (rename-cache), step 1"
net stop usosvc
set "ERRATLAS_RC=%errorlevel%"
>>"%ERRATLAS_LOG%" echo [%DATE% %TIME%] [exit %ERRATLAS_RC%] net stop usosvc
call :wait_service usosvc STOPPED
if errorlevel 1 goto failed
:fix2_s1_done

echo ^> net stop wuauserv
if defined ERRATLAS_DRY_RUN goto fix2_s2_done
set "ERRATLAS_WHAT=fix 2 (rename-cache), step 2"
net stop wuauserv
set "ERRATLAS_RC=%errorlevel%"
>>"%ERRATLAS_LOG%" echo [%DATE% %TIME%] [exit %ERRATLAS_RC%] net stop wuauserv
call :wait_service wuauserv STOPPED
if errorlevel 1 goto failed
:fix2_s2_done

echo ^> net stop bits
if defined ERRATLAS_DRY_RUN goto fix2_s3_done
set "ERRATLAS_WHAT=fix 2 (rename-cache), step 3"
net stop bits
set "ERRATLAS_RC=%errorlevel%"
>>"%ERRATLAS_LOG%" echo [%DATE% %TIME%] [exit %ERRATLAS_RC%] net stop bits
call :wait_service bits STOPPED
if errorlevel 1 goto failed
:fix2_s3_done

echo ^> ren "C:\Program Files\Example App\cache" cache.old
if defined ERRATLAS_DRY_RUN goto fix2_s4_done
set "ERRATLAS_WHAT=fix 2 (rename-cache), step 4"
ren "C:\Program Files\Example App\cache" cache.old
set "ERRATLAS_RC=%errorlevel%"
>>"%ERRATLAS_LOG%" echo [%DATE% %TIME%] [exit %ERRATLAS_RC%] ren "C:\Program Files\Example App\cache" cache.old
if not "%ERRATLAS_RC%"=="0" goto failed
:fix2_s4_done

echo ^> ren %%SystemRoot%%\SoftwareDistribution SoftwareDistribution.old
if defined ERRATLAS_DRY_RUN goto fix2_s5_done
set "ERRATLAS_WHAT=fix 2 (rename-cache), step 5"
ren %SystemRoot%\SoftwareDistribution SoftwareDistribution.old
set "ERRATLAS_RC=%errorlevel%"
>>"%ERRATLAS_LOG%" echo [%DATE% %TIME%] [exit %ERRATLAS_RC%] ren %%SystemRoot%%\SoftwareDistribution SoftwareDistribution.old
if not "%ERRATLAS_RC%"=="0" goto failed
:fix2_s5_done

echo ^> net start bits
if defined ERRATLAS_DRY_RUN goto fix2_s6_done
set "ERRATLAS_WHAT=fix 2 (rename-cache), step 6"
net start bits
set "ERRATLAS_RC=%errorlevel%"
>>"%ERRATLAS_LOG%" echo [%DATE% %TIME%] [exit %ERRATLAS_RC%] net start bits
call :wait_service bits RUNNING
if errorlevel 1 goto failed
:fix2_s6_done

echo ^> net start wuauserv
if defined ERRATLAS_DRY_RUN goto fix2_s7_done
set "ERRATLAS_WHAT=fix 2 (rename-cache), step 7"
net start wuauserv
set "ERRATLAS_RC=%errorlevel%"
>>"%ERRATLAS_LOG%" echo [%DATE% %TIME%] [exit %ERRATLAS_RC%] net start wuauserv
call :wait_service wuauserv RUNNING
if errorlevel 1 goto failed
:fix2_s7_done

echo    Check: The Windows Update service is known to the system.
if defined ERRATLAS_DRY_RUN goto fix2_verified
set "ERRATLAS_WHAT=the check of fix 2 (rename-cache)"
echo ^> sc query wuauserv
sc query wuauserv
set "ERRATLAS_RC=%errorlevel%"
>>"%ERRATLAS_LOG%" echo [%DATE% %TIME%] [check exit %ERRATLAS_RC%] sc query wuauserv
if not "%ERRATLAS_RC%"=="0" goto failed
:fix2_verified
echo    Fix 2 done.
call :log "fix 2 (rename-cache) done"
goto fix2_end
:fix2_skipped
echo    Skipped.
call :log "[skipped] fix 2 (rename-cache)"
:fix2_end

rem ---- Fix 3 of 3: clear-jobs (risk: destructive) ----
echo.
echo === Fix 3 of 3: Remove the transfer jobs in error [risk: destructive] ===
if defined ERRATLAS_DRY_RUN echo [dry run] The script asks before this destructive fix.
if defined ERRATLAS_DRY_RUN goto fix3_go
choice /c YN /m "This fix is destructive. Run it"
if errorlevel 2 goto fix3_skipped
if not errorlevel 1 goto fix3_skipped
:fix3_go
call :log "fix 3 (clear-jobs) started"
echo    Note: Close every program that downloads in the background.

echo ^> Get-ChildItem -LiteralPath 'C:\Program Files\O''Brien Tools' ^| Select-Object -First 1
echo    ^(run by PowerShell^)
if defined ERRATLAS_DRY_RUN goto fix3_s2_done
echo    The article runs this only: on Windows 10 and later
choice /c YN /m "Does that apply to this PC? Run it"
if errorlevel 2 goto fix3_s2_done_skip
if not errorlevel 1 goto fix3_s2_done_skip
set "ERRATLAS_WHAT=fix 3 (clear-jobs), step 2"
powershell.exe -NoProfile -NonInteractive -EncodedCommand JABFAHIAcgBvAHIAQQBjAHQAaQBvAG4AUAByAGUAZgBlAHIAZQBuAGMAZQAgAD0AIAAnAFMAdABvAHAAJwA7ACAAdAByAHkAIAB7ACAARwBlAHQALQBDAGgAaQBsAGQASQB0AGUAbQAgAC0ATABpAHQAZQByAGEAbABQAGEAdABoACAAJwBDADoAXABQAHIAbwBnAHIAYQBtACAARgBpAGwAZQBzAFwATwAnACcAQgByAGkAZQBuACAAVABvAG8AbABzACcAIAB8ACAAUwBlAGwAZQBjAHQALQBPAGIAagBlAGMAdAAgAC0ARgBpAHIAcwB0ACAAMQAgAH0AIABjAGEAdABjAGgAIAB7ACAAWwBDAG8AbgBzAG8AbABlAF0AOgA6AEUAcgByAG8AcgAuAFcAcgBpAHQAZQBMAGkAbgBlACgAJABfACkAOwAgAGUAeABpAHQAIAAxACAAfQA7ACAAaQBmACAAKAAkAEwAQQBTAFQARQBYAEkAVABDAE8ARABFACkAIAB7ACAAZQB4AGkAdAAgACQATABBAFMAVABFAFgASQBUAEMATwBEAEUAIAB9ADsAIABlAHgAaQB0ACAAMAA=
set "ERRATLAS_RC=%errorlevel%"
>>"%ERRATLAS_LOG%" echo [%DATE% %TIME%] [exit %ERRATLAS_RC%] Get-ChildItem -LiteralPath 'C:\Program Files\O''Brien Tools' ^| Select-Object -First 1
if not "%ERRATLAS_RC%"=="0" goto failed
goto fix3_s2_done
:fix3_s2_done_skip
echo    Skipped.
>>"%ERRATLAS_LOG%" echo [%DATE% %TIME%] [skipped] Get-ChildItem -LiteralPath 'C:\Program Files\O''Brien Tools' ^| Select-Object -First 1
:fix3_s2_done

echo ^> Get-BitsTransfer -AllUsers ^| Where-Object { $_.JobState -eq 'Error' } ^| Remove-BitsTransfer
echo    ^(run by PowerShell^)
if defined ERRATLAS_DRY_RUN goto fix3_s3_done
set "ERRATLAS_WHAT=fix 3 (clear-jobs), step 3"
powershell.exe -NoProfile -NonInteractive -EncodedCommand JABFAHIAcgBvAHIAQQBjAHQAaQBvAG4AUAByAGUAZgBlAHIAZQBuAGMAZQAgAD0AIAAnAFMAdABvAHAAJwA7ACAAdAByAHkAIAB7ACAARwBlAHQALQBCAGkAdABzAFQAcgBhAG4AcwBmAGUAcgAgAC0AQQBsAGwAVQBzAGUAcgBzACAAfAAgAFcAaABlAHIAZQAtAE8AYgBqAGUAYwB0ACAAewAgACQAXwAuAEoAbwBiAFMAdABhAHQAZQAgAC0AZQBxACAAJwBFAHIAcgBvAHIAJwAgAH0AIAB8ACAAUgBlAG0AbwB2AGUALQBCAGkAdABzAFQAcgBhAG4AcwBmAGUAcgAgAH0AIABjAGEAdABjAGgAIAB7ACAAWwBDAG8AbgBzAG8AbABlAF0AOgA6AEUAcgByAG8AcgAuAFcAcgBpAHQAZQBMAGkAbgBlACgAJABfACkAOwAgAGUAeABpAHQAIAAxACAAfQA7ACAAaQBmACAAKAAkAEwAQQBTAFQARQBYAEkAVABDAE8ARABFACkAIAB7ACAAZQB4AGkAdAAgACQATABBAFMAVABFAFgASQBUAEMATwBEAEUAIAB9ADsAIABlAHgAaQB0ACAAMAA=
set "ERRATLAS_RC=%errorlevel%"
>>"%ERRATLAS_LOG%" echo [%DATE% %TIME%] [exit %ERRATLAS_RC%] Get-BitsTransfer -AllUsers ^| Where-Object { $_.JobState -eq 'Error' } ^| Remove-BitsTransfer
if not "%ERRATLAS_RC%"=="0" goto failed
:fix3_s3_done

echo    Check: No job in error is left.
if defined ERRATLAS_DRY_RUN goto fix3_verified
set "ERRATLAS_WHAT=the check of fix 3 (clear-jobs)"
echo ^> Get-BitsTransfer -AllUsers
powershell.exe -NoProfile -NonInteractive -EncodedCommand JABFAHIAcgBvAHIAQQBjAHQAaQBvAG4AUAByAGUAZgBlAHIAZQBuAGMAZQAgAD0AIAAnAFMAdABvAHAAJwA7ACAAdAByAHkAIAB7ACAARwBlAHQALQBCAGkAdABzAFQAcgBhAG4AcwBmAGUAcgAgAC0AQQBsAGwAVQBzAGUAcgBzACAAfQAgAGMAYQB0AGMAaAAgAHsAIABbAEMAbwBuAHMAbwBsAGUAXQA6ADoARQByAHIAbwByAC4AVwByAGkAdABlAEwAaQBuAGUAKAAkAF8AKQA7ACAAZQB4AGkAdAAgADEAIAB9ADsAIABpAGYAIAAoACQATABBAFMAVABFAFgASQBUAEMATwBEAEUAKQAgAHsAIABlAHgAaQB0ACAAJABMAEEAUwBUAEUAWABJAFQAQwBPAEQARQAgAH0AOwAgAGUAeABpAHQAIAAwAA==
set "ERRATLAS_RC=%errorlevel%"
>>"%ERRATLAS_LOG%" echo [%DATE% %TIME%] [check exit %ERRATLAS_RC%] Get-BitsTransfer -AllUsers
if not "%ERRATLAS_RC%"=="0" goto failed
:fix3_verified
echo    Fix 3 done.
call :log "fix 3 (clear-jobs) done"
goto fix3_end
:fix3_skipped
echo    Skipped.
call :log "[skipped] fix 3 (clear-jobs)"
:fix3_end

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
