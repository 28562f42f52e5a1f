import type { PlannedFix, PlannedStep, ScriptPlan } from './script-plan.js';
import { SERVICE_TIMEOUT_SECONDS } from './script-plan.js';
import { asciiProse } from './script-text.js';
import { psQuote } from './powershell-text.js';

/**
 * The plan as a PowerShell script (Windows PowerShell 5.1 and PowerShell 7). Every text from
 * the fix data is a single-quoted string, so nothing in it is expanded or run as code: a cmd
 * command goes to cmd.exe verbatim as the process's command line (ProcessStartInfo.Arguments,
 * no argument quoting by PowerShell in between), a PowerShell command is made a script block
 * from its text, so a syntax error in one command cannot stop the whole script from parsing.
 * Logging is explicit (a line per command with its exit code) rather than Start-Transcript,
 * whose record of native programs' output and exit codes differs between PowerShell versions.
 */

const say = (text: string): string => `Write-Host ${psQuote(asciiProse(text))}`;

const PRELUDE = [
  "$ErrorActionPreference = 'Stop'",
  '',
  '# The elevation check comes first: every fix here needs an administrator.',
  '$principal = New-Object Security.Principal.WindowsPrincipal([Security.Principal.WindowsIdentity]::GetCurrent())',
  'if (-not $principal.IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)) {',
  "  Write-Host 'This script must run as administrator: right-click Windows PowerShell, choose Run as administrator, and run it again.'",
  "  Write-Host 'Nothing was changed.'",
  '  exit 1',
  '}',
  '',
];

const HELPERS = [
  'function Write-Log([string]$Line) {',
  "  if (-not $DryRun) { Add-Content -LiteralPath $log -Value ('[' + (Get-Date -Format 's') + '] ' + $Line) }",
  '}',
  'function Confirm-Step([string]$Question) {',
  "  do { $answer = Read-Host ($Question + ' [Y/N]') } until ($answer -match '^[YyNn]$')",
  "  return ($answer -match '^[Yy]$')",
  '}',
  '# cmd.exe gets the command exactly as written: /s strips only the outer quotes added here.',
  'function Invoke-Cmd([string]$Command) {',
  '  $start = New-Object System.Diagnostics.ProcessStartInfo $env:ComSpec',
  `  $start.Arguments = '/d /s /c "' + $Command + '"'`,
  '  $start.UseShellExecute = $false',
  '  $process = [System.Diagnostics.Process]::Start($start)',
  '  $process.WaitForExit()',
  '  return $process.ExitCode',
  '}',
  'function Invoke-PowerShellText([string]$Command) {',
  '  $global:LASTEXITCODE = 0',
  '  try { & ([scriptblock]::Create($Command)) | Out-Host } catch { Write-Host $_; return 1 }',
  '  if ($LASTEXITCODE) { return $LASTEXITCODE }',
  '  return 0',
  '}',
  `# Waits up to ${SERVICE_TIMEOUT_SECONDS} seconds for a service to reach the state asked.`,
  'function Wait-ServiceState([string]$Name, [string]$Want) {',
  '  $service = Get-Service -Name $Name -ErrorAction SilentlyContinue',
  '  if ($null -eq $service) {',
  "    Write-Host ('   There is no service ' + $Name + ' on this PC: nothing to wait for.')",
  "    Write-Log ('[state] ' + $Name + ' does not exist')",
  '    return $true',
  '  }',
  `  try { $service.WaitForStatus($Want, [TimeSpan]::FromSeconds(${SERVICE_TIMEOUT_SECONDS})) } catch {`,
  `    Write-Host ('   ' + $Name + ' did not reach ' + $Want + ' within ${SERVICE_TIMEOUT_SECONDS} seconds.')`,
  `    Write-Log ('[timeout] ' + $Name + ' not ' + $Want + ' after ${SERVICE_TIMEOUT_SECONDS} s')`,
  '    return $false',
  '  }',
  "  Write-Host ('   ' + $Name + ' is ' + $Want + '.')",
  "  Write-Log ('[state] ' + $Name + ' ' + $Want)",
  '  return $true',
  '}',
  'function Stop-Script([string]$What) {',
  "  Write-Host ''",
  "  Write-Host ('Stopped: ' + $What + '. The fixes after it were not run.')",
  "  Write-Host ('The log: ' + $log)",
  "  Write-Log ('stopped: ' + $What)",
  '  exit 1',
  '}',
  '',
];

const indent = (lines: readonly string[], by = '  '): string[] =>
  lines.map((l) => (l === '' ? l : `${by}${l}`));

function runLines(shell: 'cmd' | 'powershell', command: string): string {
  return shell === 'cmd'
    ? `$code = Invoke-Cmd ${psQuote(command)}`
    : `$code = Invoke-PowerShellText ${psQuote(command)}`;
}

function commandLines(step: PlannedStep & { kind: 'command' }, where: string): string[] {
  const lines: string[] = [''];
  if (step.added) lines.push(say(`   Added by the script: ${step.added}.`));
  lines.push(`Write-Host ${psQuote(`> ${step.command}`)}`);
  if (step.shell === 'cmd') lines.push("Write-Host '   (run by cmd.exe)'");
  const run: string[] = [];
  if (step.condition) {
    run.push(say(`   The article runs this only: ${step.condition}`));
    run.push("if (Confirm-Step 'Does that apply to this PC? Run it?') {");
  }
  const body: string[] = [
    runLines(step.shell, step.command),
    `Write-Log ('[exit ' + $code + '] ' + ${psQuote(step.command)})`,
  ];
  if (step.service) {
    // A stop or start is judged by the state the service reaches, not by the exit code.
    const want = step.service.want === 'stopped' ? 'Stopped' : 'Running';
    body.push(
      `if (-not (Wait-ServiceState ${psQuote(step.service.name)} '${want}')) { Stop-Script ${psQuote(`${where}: ${step.service.name} did not reach ${want}`)} }`,
    );
  } else {
    body.push(`if ($code -ne 0) { Stop-Script (${psQuote(`${where} exited with `)} + $code) }`);
  }
  if (step.condition) {
    run.push(...indent(body));
    run.push('} else {');
    run.push("  Write-Host '   Skipped.'");
    run.push(`  Write-Log ('[skipped] ' + ${psQuote(step.command)})`);
    run.push('}');
  } else {
    run.push(...body);
  }
  lines.push('if (-not $DryRun) {', ...indent(run), '}');
  return lines;
}

function fixLines(fix: PlannedFix, position: number, of: number): string[] {
  const name = `fix ${position} (${fix.id})`;
  const lines: string[] = [
    '',
    `# ---- Fix ${position} of ${of}: ${fix.id} (risk: ${fix.risk}) ----`,
    "Write-Host ''",
    say(`=== Fix ${position} of ${of}: ${fix.title} [risk: ${fix.risk}] ===`),
  ];
  const body: string[] = [`Write-Log ${psQuote(`${name} started`)}`];
  fix.steps.forEach((step, index) => {
    if (step.kind === 'note') body.push(say(`   Note: ${step.text}`));
    else body.push(...commandLines(step, `${name}, step ${index + 1}`));
  });
  if (fix.verify) {
    body.push('', say(`   Check: ${fix.verify.text}`));
    const check: string[] = [];
    if (fix.verify.command) {
      const { shell, command } = fix.verify.command;
      check.push(`Write-Host ${psQuote(`> ${command}`)}`);
      check.push(runLines(shell, command));
      check.push(`Write-Log ('[check exit ' + $code + '] ' + ${psQuote(command)})`);
      check.push(
        `if ($code -ne 0) { Stop-Script (${psQuote(`the check of ${name} exited with `)} + $code) }`,
      );
    } else {
      check.push(
        `if (-not (Confirm-Step 'Did the check pass?')) { Stop-Script ${psQuote(`the check of ${name} did not pass`)} }`,
      );
      check.push(`Write-Log ${psQuote(`[check passed] ${name}`)}`);
    }
    body.push('if (-not $DryRun) {', ...indent(check), '}');
  }
  body.push(`Write-Host '   Fix ${position} done.'`, `Write-Log ${psQuote(`${name} done`)}`);
  if (fix.confirm) {
    lines.push('$run = $true');
    lines.push(
      `if ($DryRun) { Write-Host '[dry run] The script asks before this ${fix.risk} fix.' } else { $run = Confirm-Step 'This fix is ${fix.risk}. Run it?' }`,
    );
    lines.push('if ($run) {', ...indent(body), '} else {');
    lines.push("  Write-Host '   Skipped.'", `  Write-Log ${psQuote(`[skipped] ${name}`)}`, '}');
  } else {
    lines.push(...body);
  }
  return lines;
}

/** The whole script, CRLF line ends (as Windows tools write them). */
export function renderPs1Script(plan: ScriptPlan, fileName: string): string {
  const restart = plan.fixes.some((f) => f.restart);
  const lines = [
    '<#',
    `  Error Atlas fix script for ${plan.product} ${plan.code}: ${asciiProse(plan.title).replace(/#>/g, '# >')}`,
    `  Fixes, in order: ${plan.fixes.map((f) => f.id).join(', ')}`,
    ...(plan.platform ? [`  Platform: ${plan.platform}`] : []),
    '  Run it from Windows PowerShell opened as administrator:',
    `    powershell -ExecutionPolicy Bypass -File .\\${fileName} [-DryRun]`,
    '  -DryRun prints every step and runs nothing. Read the script before you run it.',
    '#>',
    'param([switch]$DryRun)',
    ...PRELUDE,
    `$log = Join-Path $env:TEMP (${psQuote(fileName.replace(/\.ps1$/, ''))} + '-' + (Get-Date -Format 'yyyyMMdd-HHmmss') + '.log')`,
    ...HELPERS,
    "if ($DryRun) { Write-Host 'Dry run: nothing is run and no log is written.' } else { Write-Host ('The log of every command and its exit code: ' + $log) }",
    `Write-Log ${psQuote(`Error Atlas fix script for ${plan.product} ${plan.code} started`)}`,
    ...plan.fixes.flatMap((fix, i) => fixLines(fix, i + 1, plan.fixes.length)),
    '',
    "Write-Host ''",
    "if ($DryRun) { Write-Host 'Dry run finished: nothing was run.' } else { Write-Host 'Every chosen fix ran and its check passed.' }",
    ...(restart
      ? ["Write-Host 'Restart the PC to finish: at least one of these fixes needs a restart.'"]
      : []),
    "Write-Log 'finished'",
    'exit 0',
  ];
  return `${lines.join('\r\n')}\r\n`;
}
