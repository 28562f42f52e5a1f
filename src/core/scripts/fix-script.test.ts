import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildFixScript, type ScriptFormat } from './fix-script.js';
import { cmdEcho } from './cmd-script.js';
import { SCRIPT_TEST_FIXES } from './script-fixtures.js';
import { cmdRunLines, ps1Openers, ps1RunLines, psUnquote } from './script-structure.js';

const INPUT = {
  product: 'windows-update',
  code: '0x80244001',
  title: 'Windows Update error 0x80244001: the SOAP layer could not start',
  platform: 'windows-11',
  fixes: SCRIPT_TEST_FIXES,
};

const scriptOf = (format: ScriptFormat, input = INPUT) => {
  const built = buildFixScript(input, format);
  if (!built.ok) throw new Error(built.reason);
  return built.value;
};
const linesOf = (format: ScriptFormat) => scriptOf(format).text.split('\r\n');

/** The commands of the fixtures as the scripts must run them: in order, each once, UsoSvc first. */
const EXPECTED_RUN = [
  'netsh winhttp show proxy',
  'net stop usosvc',
  'net stop wuauserv',
  'net stop bits',
  'ren "C:\\Program Files\\Example App\\cache" cache.old',
  'ren %SystemRoot%\\SoftwareDistribution SoftwareDistribution.old',
  'net start bits',
  'net start wuauserv',
  'sc query wuauserv',
  "Get-ChildItem -LiteralPath 'C:\\Program Files\\O''Brien Tools' | Select-Object -First 1",
  "Get-BitsTransfer -AllUsers | Where-Object { $_.JobState -eq 'Error' } | Remove-BitsTransfer",
  'Get-BitsTransfer -AllUsers',
];

describe.each(['cmd', 'ps1'] as const)('the %s fix script', (format) => {
  it('matches its golden file', () => {
    const golden = fileURLToPath(new URL(`./golden/test-fixes.${format}`, import.meta.url));
    const text = scriptOf(format).text;
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(golden, text);
    expect(text).toBe(readFileSync(golden, 'utf8'));
  });

  it('runs every command of the chosen fixes once, in order (UsoSvc added before wuauserv)', () => {
    const run = (format === 'cmd' ? cmdRunLines : ps1RunLines)(linesOf(format));
    expect(run.map((r) => r.command)).toEqual(EXPECTED_RUN);
  });

  it('is ASCII with CRLF line ends only', () => {
    const text = scriptOf(format).text;
    expect(text).toMatch(/^[\x20-\x7e\r\n]*$/);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('runs only the fixes asked for, in the order asked', () => {
    const input = { ...INPUT, fixes: [SCRIPT_TEST_FIXES[2]!, SCRIPT_TEST_FIXES[0]!] };
    const lines = scriptOf(format, input).text.split('\r\n');
    const run = (format === 'cmd' ? cmdRunLines : ps1RunLines)(lines).map((r) => r.command);
    expect(run).toEqual([...EXPECTED_RUN.slice(9), EXPECTED_RUN[0]]);
  });

  it('refuses a command a script cannot carry as written', () => {
    const fix = {
      id: 'x',
      title: 'X',
      actions: [{ command: 'ren a\u2019b c', shell: 'cmd' as const }],
    };
    const built = buildFixScript({ ...INPUT, fixes: [fix] }, format);
    expect(built.ok).toBe(false);
    if (!built.ok) expect(built.reason).toContain('fix "x" has a command with U+2019');
  });
});

describe('the cmd script', () => {
  const lines = linesOf('cmd');
  const runs = cmdRunLines(lines);

  it('checks elevation before anything else runs, and exits with a message without it', () => {
    const check = lines.indexOf('whoami /groups | find "S-1-16-12288" >nul');
    expect(lines[check + 1]).toBe('if errorlevel 1 goto not_elevated');
    for (const before of lines.slice(0, check))
      expect(before).toMatch(
        /^(@echo off|rem .*|setlocal .*|set "ERRATLAS_DRY_RUN="|if \/i "%~1"=="\/dry-run" set "ERRATLAS_DRY_RUN=1"|)$/,
      );
    const handler = lines.indexOf(':not_elevated');
    expect(lines.slice(handler + 1, handler + 4)).toEqual([
      expect.stringContaining('must run as administrator'),
      'echo Nothing was changed.',
      'exit /b 1',
    ]);
  });

  it('jumps past every command in a dry run, to a label after it', () => {
    for (const { line } of runs) {
      const jump = lines
        .slice(0, line)
        .map((l, i) => ({ l, i }))
        .reverse()
        .find(({ l }) => l.startsWith('if defined ERRATLAS_DRY_RUN goto '))!;
      const label = `:${jump.l.split(' goto ')[1]}`;
      expect(lines.indexOf(label)).toBeGreaterThan(line);
    }
  });

  it('logs each command with its exit code, to a quoted path under %TEMP%', () => {
    for (const { line, command } of runs.filter((r) => !r.command.startsWith('Get-'))) {
      expect(lines[line + 2]).toBe(
        `>>"%ERRATLAS_LOG%" echo [%DATE% %TIME%] [${lines[line + 2]!.includes('[check exit') ? 'check exit' : 'exit'} %ERRATLAS_RC%] ${cmdEcho(command)}`,
      );
    }
    expect(lines.find((l) => l.startsWith('set "ERRATLAS_LOG='))).toMatch(
      /^set "ERRATLAS_LOG=%TEMP%\\erratlas-fix-0x80244001-%RANDOM%%RANDOM%\.log"$/,
    );
    for (const l of lines.filter((x) => x.includes('%ERRATLAS_LOG%')))
      expect(l).toContain('"%ERRATLAS_LOG%"');
  });

  it('asks before each moderate or destructive fix, and its commands come after the answer', () => {
    for (const [n, fix] of SCRIPT_TEST_FIXES.entries()) {
      const start = lines.findIndex((l) => l.startsWith(`rem ---- Fix ${n + 1} of`));
      const end = lines.findIndex(
        (l, i) => i > start && (l.startsWith('rem ---- Fix') || l === 'call :log "finished"'),
      );
      const section = runs.filter((r) => r.line > start && r.line < end);
      const ask = lines.findIndex(
        (l, i) => i > start && i < end && l.startsWith('choice /c YN /m "This fix is'),
      );
      if (fix.risk === 'safe') {
        expect(ask).toBe(-1);
        continue;
      }
      expect(lines[ask]).toBe(`choice /c YN /m "This fix is ${fix.risk}. Run it"`);
      expect(lines.slice(ask + 1, ask + 3)).toEqual([
        `if errorlevel 2 goto fix${n + 1}_skipped`,
        `if not errorlevel 1 goto fix${n + 1}_skipped`,
      ]);
      expect(section.every((r) => r.line > ask)).toBe(true);
      expect(lines.indexOf(`:fix${n + 1}_skipped`)).toBeGreaterThan(
        Math.max(...section.map((r) => r.line)),
      );
    }
  });

  it('waits for each service it stops or starts, and stops at a command that fails', () => {
    const waits = lines.filter((l) => l.startsWith('call :wait_service '));
    expect(waits).toEqual([
      'call :wait_service usosvc STOPPED',
      'call :wait_service wuauserv STOPPED',
      'call :wait_service bits STOPPED',
      'call :wait_service bits RUNNING',
      'call :wait_service wuauserv RUNNING',
    ]);
    expect(lines).toContain('if %ERRATLAS_WAITED% geq 60 goto wait_service_timeout');
    const ren = runs.find((r) => r.command.startsWith('ren "C:'))!;
    expect(lines[ren.line + 3]).toBe('if not "%ERRATLAS_RC%"=="0" goto failed');
    const verify = runs.find((r) => r.command === 'sc query wuauserv')!;
    expect(lines[verify.line + 3]).toBe('if not "%ERRATLAS_RC%"=="0" goto failed');
  });

  it('carries a path with spaces as written, and escapes prose for echo', () => {
    expect(lines).toContain('ren "C:\\Program Files\\Example App\\cache" cache.old');
    expect(lines).toContain(
      'echo    Note: Write down what it shows ^(100%% of it^) ^| keep the note ^<here^>.',
    );
    expect(cmdEcho('a & del x ^ %PATH%')).toBe('a ^& del x ^^ %%PATH%%');
  });

  it('asks before a command the article runs only under a condition', () => {
    const cond = lines.findIndex((l) =>
      l.startsWith('echo    The article runs this only: on Windows 10 and later'),
    );
    expect(lines[cond + 1]).toBe('choice /c YN /m "Does that apply to this PC? Run it"');
    const run = runs.find((r) => r.command.startsWith('Get-ChildItem'))!;
    expect(run.line).toBeGreaterThan(cond);
  });
});

describe('the PowerShell script', () => {
  const lines = linesOf('ps1');
  const runs = ps1RunLines(lines);
  const openers = ps1Openers(lines);

  it('checks elevation before anything else runs, and exits with a message without it', () => {
    const check = lines.indexOf(
      'if (-not $principal.IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)) {',
    );
    const statements = lines
      .slice(lines.indexOf('#>') + 1, check)
      .filter((l) => l !== '' && !l.startsWith('#'));
    expect(statements).toEqual([
      'param([switch]$DryRun)',
      "$ErrorActionPreference = 'Stop'",
      '$principal = New-Object Security.Principal.WindowsPrincipal([Security.Principal.WindowsIdentity]::GetCurrent())',
    ]);
    expect(lines.slice(check + 1, check + 5)).toEqual([
      expect.stringContaining('must run as administrator'),
      "  Write-Host 'Nothing was changed.'",
      '  exit 1',
      '}',
    ]);
  });

  it('runs every command only outside a dry run', () => {
    for (const { line } of runs) expect(openers[line]).toContain('if (-not $DryRun) {');
  });

  it('logs each command with its exit code, to a file under $env:TEMP', () => {
    for (const { line } of runs)
      expect(lines[line + 1]).toMatch(
        /^\s*Write-Log \('\[(check )?exit ' \+ \$code \+ '\] ' \+ '.*'\)$/,
      );
    for (const { line, command } of runs)
      expect(psUnquote(/('(?:[^']|'')*')\)$/.exec(lines[line + 1]!)![1]!)).toBe(command);
    expect(lines.find((l) => l.startsWith('$log = '))).toMatch(
      /^\$log = Join-Path \$env:TEMP \('erratlas-fix-0x80244001' \+/,
    );
    expect(lines).toContain(
      "  if (-not $DryRun) { Add-Content -LiteralPath $log -Value ('[' + (Get-Date -Format 's') + '] ' + $Line) }",
    );
  });

  it('asks before each moderate or destructive fix, and runs its commands only on yes', () => {
    for (const [n, fix] of SCRIPT_TEST_FIXES.entries()) {
      const start = lines.findIndex((l) => l.startsWith(`# ---- Fix ${n + 1} of`));
      const mine = runs.filter(
        (r) =>
          r.line > start && !lines.slice(start + 1, r.line).some((l) => l.startsWith('# ---- Fix')),
      );
      if (fix.risk === 'safe') {
        for (const r of mine) expect(openers[r.line]).not.toContain('if ($run) {');
        continue;
      }
      expect(lines[start + 4]).toBe(
        `if ($DryRun) { Write-Host '[dry run] The script asks before this ${fix.risk} fix.' } else { $run = Confirm-Step 'This fix is ${fix.risk}. Run it?' }`,
      );
      for (const r of mine) expect(openers[r.line]).toContain('if ($run) {');
    }
  });

  it('waits for each service with a time-out, and stops at the first failure', () => {
    const waits = lines
      .filter((l) => l.includes("Wait-ServiceState '"))
      .map((l) => /Wait-ServiceState ('\w+') '(\w+)'/.exec(l)!.slice(1).join(' '));
    expect(waits).toEqual([
      "'usosvc' Stopped",
      "'wuauserv' Stopped",
      "'bits' Stopped",
      "'bits' Running",
      "'wuauserv' Running",
    ]);
    expect(lines).toContain(
      '  try { $service.WaitForStatus($Want, [TimeSpan]::FromSeconds(60)) } catch {',
    );
    const ren = runs.find((r) => r.command.startsWith('ren "C:'))!;
    expect(lines[ren.line + 2]).toMatch(/if \(\$code -ne 0\) \{ Stop-Script /);
  });

  it('hands cmd.exe a path with spaces exactly: /s strips only the quotes it adds', () => {
    const ren = runs.find((r) => r.command.startsWith('ren "C:'))!;
    // What Invoke-Cmd builds, and what cmd.exe /s /c runs of it (the first and last quote removed).
    const argumentsLine = `/d /s /c "${ren.command}"`;
    const ran = argumentsLine.replace(/^\/d \/s \/c "/, '').replace(/"$/, '');
    expect(ran).toBe('ren "C:\\Program Files\\Example App\\cache" cache.old');
    expect(lines).toContain(`  $start.Arguments = '/d /s /c "' + $Command + '"'`);
  });
});
