import type { PlannedFix, PlannedStep, ScriptPlan } from './script-plan.js';
import { SERVICE_TIMEOUT_SECONDS } from './script-plan.js';
import { asciiProse } from './script-text.js';
import { encodePowerShellCommand, powerShellCommandWrapper } from './powershell-text.js';

/**
 * The plan as a batch file for cmd.exe. Lines end in CRLF: cmd.exe can misread labels (`goto`,
 * `call :label`) in a batch file with bare LF line ends. Control flow uses `goto` and labels
 * rather than parenthesised blocks, because text inside a block that holds a `)` ends it early.
 */

/** Text for `echo` in a batch file: cmd's special characters escaped with `^`, `%` doubled. */
export function cmdEcho(text: string): string {
  return asciiProse(text)
    .replace(/[\^&|<>()]/g, (char) => `^${char}`)
    .replace(/%/g, '%%');
}

/** A command as a batch-file line: as typed at a prompt, except that `%` stays as written. */
const cmdLine = (command: string): string => command;

const DRY = 'ERRATLAS_DRY_RUN';

/**
 * A log line holding text from the fix data, written in place: passed through `call :log`, a
 * `|` or `&` in a command would be run by the subroutine's `echo`. Only reached outside a dry
 * run (the dry-run path jumps past it). `:log` itself is only given our own words and ids.
 */
const logLine = (escaped: string): string => `>>"%ERRATLAS_LOG%" echo [%DATE% %TIME%] ${escaped}`;

function header(plan: ScriptPlan, fileName: string): string[] {
  return [
    '@echo off',
    `rem Error Atlas fix script for ${cmdEcho(plan.product)} ${cmdEcho(plan.code)}: ${cmdEcho(plan.title)}`,
    `rem Fixes, in order: ${plan.fixes.map((f) => f.id).join(', ')}`,
    ...(plan.platform ? [`rem Platform: ${plan.platform}`] : []),
    `rem Run it from a Command Prompt opened as administrator: ${fileName} [/dry-run]`,
    'rem /dry-run prints every step and runs nothing. Read the script before you run it.',
    'setlocal EnableExtensions DisableDelayedExpansion',
    `set "${DRY}="`,
    `if /i "%~1"=="/dry-run" set "${DRY}=1"`,
    '',
    'rem The elevation check comes first: an elevated token carries the High Mandatory Level',
    'rem (S-1-16-12288) in its groups.',
    'whoami /groups | find "S-1-16-12288" >nul',
    'if errorlevel 1 goto not_elevated',
    '',
    'set "ERRATLAS_LOG=%TEMP%\\' + fileName.replace(/\.cmd$/, '') + '-%RANDOM%%RANDOM%.log"',
    `if defined ${DRY} echo Dry run: nothing is run and no log is written.`,
    `if not defined ${DRY} echo The log of every command and its exit code: "%ERRATLAS_LOG%"`,
    `call :log "Error Atlas fix script for ${cmdEcho(plan.product)} ${cmdEcho(plan.code)} started"`,
  ];
}

/** Ask Y/N; anything but Y (N, Ctrl+C's 0, choice's own error 255) goes to `no`. */
const ask = (question: string, no: string): string[] => [
  `choice /c YN /m "${question.replace(/["%^]/g, '')}"`,
  `if errorlevel 2 goto ${no}`,
  `if not errorlevel 1 goto ${no}`,
];

function powershellInvocation(command: string): string {
  return `powershell.exe -NoProfile -NonInteractive -EncodedCommand ${encodePowerShellCommand(powerShellCommandWrapper(command))}`;
}

function commandLines(
  fixLabel: string,
  index: number,
  step: PlannedStep & { kind: 'command' },
  where: string,
): string[] {
  const done = `${fixLabel}_s${index}_done`;
  const lines: string[] = [''];
  if (step.added) lines.push(`echo    Added by the script: ${cmdEcho(step.added)}.`);
  lines.push(`echo ^> ${cmdEcho(step.command)}`);
  if (step.shell === 'powershell') lines.push('echo    ^(run by PowerShell^)');
  lines.push(`if defined ${DRY} goto ${done}`);
  if (step.condition) {
    lines.push(`echo    The article runs this only: ${cmdEcho(step.condition)}`);
    lines.push(...ask('Does that apply to this PC? Run it', `${done}_skip`));
  }
  lines.push(`set "ERRATLAS_WHAT=${where}"`);
  lines.push(step.shell === 'cmd' ? cmdLine(step.command) : powershellInvocation(step.command));
  lines.push('set "ERRATLAS_RC=%errorlevel%"');
  lines.push(logLine(`[exit %ERRATLAS_RC%] ${cmdEcho(step.command)}`));
  if (step.service) {
    // A stop or start is judged by the state the service reaches: `net stop` of a service that
    // is already stopped exits 2, and that is fine.
    const state = step.service.want === 'stopped' ? 'STOPPED' : 'RUNNING';
    lines.push(`call :wait_service ${step.service.name} ${state}`);
    lines.push('if errorlevel 1 goto failed');
  } else {
    lines.push('if not "%ERRATLAS_RC%"=="0" goto failed');
  }
  if (step.condition) {
    lines.push(`goto ${done}`);
    lines.push(`:${done}_skip`);
    lines.push('echo    Skipped.');
    lines.push(logLine(`[skipped] ${cmdEcho(step.command)}`));
  }
  lines.push(`:${done}`);
  return lines;
}

function fixLines(fix: PlannedFix, position: number, of: number): string[] {
  const label = `fix${position}`;
  const name = `fix ${position} (${fix.id})`;
  const lines: string[] = [
    '',
    `rem ---- Fix ${position} of ${of}: ${fix.id} (risk: ${fix.risk}) ----`,
    'echo.',
    `echo === Fix ${position} of ${of}: ${cmdEcho(fix.title)} [risk: ${fix.risk}] ===`,
  ];
  if (fix.confirm) {
    lines.push(`if defined ${DRY} echo [dry run] The script asks before this ${fix.risk} fix.`);
    lines.push(`if defined ${DRY} goto ${label}_go`);
    lines.push(...ask(`This fix is ${fix.risk}. Run it`, `${label}_skipped`));
    lines.push(`:${label}_go`);
  }
  lines.push(`call :log "fix ${position} (${fix.id}) started"`);
  fix.steps.forEach((step, index) => {
    if (step.kind === 'note') lines.push(`echo    Note: ${cmdEcho(step.text)}`);
    else lines.push(...commandLines(label, index + 1, step, `${name}, step ${index + 1}`));
  });
  const verified = `${label}_verified`;
  if (fix.verify) {
    lines.push('', `echo    Check: ${cmdEcho(fix.verify.text)}`);
    lines.push(`if defined ${DRY} goto ${verified}`);
    lines.push(`set "ERRATLAS_WHAT=the check of ${name}"`);
    if (fix.verify.command) {
      const { shell, command } = fix.verify.command;
      lines.push(`echo ^> ${cmdEcho(command)}`);
      lines.push(shell === 'cmd' ? cmdLine(command) : powershellInvocation(command));
      lines.push('set "ERRATLAS_RC=%errorlevel%"');
      lines.push(logLine(`[check exit %ERRATLAS_RC%] ${cmdEcho(command)}`));
      lines.push('if not "%ERRATLAS_RC%"=="0" goto failed');
    } else {
      lines.push('set "ERRATLAS_RC=answered no"');
      lines.push(...ask('Did the check pass', 'failed'));
      lines.push(`call :log "[check passed] ${name}"`);
    }
  }
  lines.push(`:${verified}`);
  lines.push(`echo    Fix ${position} done.`);
  lines.push(`call :log "fix ${position} (${fix.id}) done"`);
  if (fix.confirm) {
    lines.push(`goto ${label}_end`);
    lines.push(`:${label}_skipped`);
    lines.push('echo    Skipped.');
    lines.push(`call :log "[skipped] fix ${position} (${fix.id})"`);
    lines.push(`:${label}_end`);
  }
  return lines;
}

function footer(plan: ScriptPlan): string[] {
  const restart = plan.fixes.some((f) => f.restart);
  return [
    '',
    'echo.',
    `if defined ${DRY} echo Dry run finished: nothing was run.`,
    `if not defined ${DRY} echo Every chosen fix ran and its check passed.`,
    ...(restart
      ? ['echo Restart the PC to finish: at least one of these fixes needs a restart.']
      : []),
    'call :log "finished"',
    'exit /b 0',
    '',
    ':not_elevated',
    'echo This script must run as administrator: right-click Command Prompt, choose Run as administrator, and run it again.',
    'echo Nothing was changed.',
    'exit /b 1',
    '',
    ':failed',
    'echo.',
    'echo Stopped: %ERRATLAS_WHAT% failed ^(%ERRATLAS_RC%^). The fixes after it were not run.',
    'echo The log: "%ERRATLAS_LOG%"',
    'call :log "stopped: %ERRATLAS_WHAT% failed (%ERRATLAS_RC%)"',
    'exit /b 1',
    '',
    'rem Appends a line to the log (not in a dry run).',
    ':log',
    `if defined ${DRY} exit /b 0`,
    '>>"%ERRATLAS_LOG%" echo [%DATE% %TIME%] %~1',
    'exit /b 0',
    '',
    `rem Waits up to ${SERVICE_TIMEOUT_SECONDS} seconds for service %1 to reach state %2 (STOPPED or RUNNING).`,
    ':wait_service',
    'set /a ERRATLAS_WAITED=0',
    ':wait_service_poll',
    'sc query %~1 >nul 2>&1',
    'if "%errorlevel%"=="1060" goto wait_service_missing',
    'sc query %~1 | find "%~2" >nul',
    'if not errorlevel 1 goto wait_service_reached',
    `if %ERRATLAS_WAITED% geq ${SERVICE_TIMEOUT_SECONDS} goto wait_service_timeout`,
    'timeout /t 1 /nobreak >nul',
    'set /a ERRATLAS_WAITED+=1',
    'goto wait_service_poll',
    ':wait_service_reached',
    'echo    %~1 is %~2.',
    'call :log "[state] %~1 %~2"',
    'exit /b 0',
    ':wait_service_missing',
    'echo    There is no service %~1 on this PC: nothing to wait for.',
    'call :log "[state] %~1 does not exist"',
    'exit /b 0',
    ':wait_service_timeout',
    `echo    %~1 did not reach %~2 within ${SERVICE_TIMEOUT_SECONDS} seconds.`,
    `set "ERRATLAS_RC=%~1 not %~2 after ${SERVICE_TIMEOUT_SECONDS} s"`,
    'exit /b 1',
  ];
}

/** The whole batch file, CRLF line ends. */
export function renderCmdScript(plan: ScriptPlan, fileName: string): string {
  const lines = [
    ...header(plan, fileName),
    ...plan.fixes.flatMap((fix, i) => fixLines(fix, i + 1, plan.fixes.length)),
    ...footer(plan),
  ];
  return `${lines.join('\r\n')}\r\n`;
}
