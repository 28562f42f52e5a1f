import { describe, expect, it } from 'vitest';
import { EVERY_WINDOWS, WINDOWS_10_UP, WINDOWS_8_UP } from './command-table.js';
import { readCommand } from './read-command.js';
import type { Shell } from './schema.js';

describe('readCommand', () => {
  it.each<[string, Shell, readonly string[]]>([
    ['net stop wuauserv', 'cmd', EVERY_WINDOWS],
    ['sc config wuauserv start= auto', 'cmd', EVERY_WINDOWS],
    ['netsh winhttp import proxy source=ie', 'cmd', EVERY_WINDOWS],
    ['DISM /Online /Cleanup-Image /RestoreHealth', 'cmd', WINDOWS_8_UP],
    [
      'DISM.exe /Online /Cleanup-Image /RestoreHealth /Source:wim:D:\\sources\\install.wim:1 /LimitAccess',
      'cmd',
      WINDOWS_8_UP,
    ],
    ['%SystemRoot%\\System32\\sfc.exe /scannow', 'cmd', EVERY_WINDOWS],
    ['ren %SystemRoot%\\SoftwareDistribution SoftwareDistribution.old', 'cmd', EVERY_WINDOWS],
    ['usoclient StartScan', 'cmd', WINDOWS_10_UP],
    ['Get-WindowsUpdateLog', 'powershell', WINDOWS_10_UP],
    ['sfc /scannow', 'powershell', EVERY_WINDOWS],
    [
      "Get-BitsTransfer -AllUsers | Where-Object { $_.JobState -eq 'Error' } | Format-List *",
      'powershell',
      EVERY_WINDOWS,
    ],
    ['Stop-Service -Name wuauserv `\n  -Force', 'powershell', EVERY_WINDOWS],
  ])('reads %j (%s) and where it runs', (text, shell, platforms) => {
    const read = readCommand(text, shell);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const everywhere = EVERY_WINDOWS.filter((id) =>
      read.value.every((use) => use.platforms.includes(id)),
    );
    expect(everywhere).toEqual([...platforms]);
  });

  it.each<[string, Shell, RegExp]>([
    [
      'DISM /Online /Cleanup-Image /Restorehealt',
      'cmd',
      /dism has no switch \/restorehealt; accepted: .*\/restorehealth/,
    ],
    [
      'netsh winhttp reset proxie',
      'cmd',
      /not a use the table knows; accepted: .*netsh winhttp reset proxy/,
    ],
    ['sc config wuauserv startup= auto', 'cmd', /sc has no option startup=; accepted: start=/],
    ['frobnicate /x', 'cmd', /"frobnicate" is not in the command table/],
    ['Get-Service', 'cmd', /PowerShell cmdlet; mark the block powershell/],
    ['ren a b', 'powershell', /built into Command Prompt.*Rename-Item/],
    ['net stop bits & net stop wuauserv', 'cmd', /chains 2 commands/],
    ['net stop bits\nnet stop wuauserv', 'cmd', /one command per action/],
    [
      'Get-BitsTransfer -AllUser',
      'powershell',
      /get-bitstransfer has no switch -alluser; accepted: -allusers/,
    ],
    ['gsv wuauserv', 'powershell', /"gsv" is not in the command table.*full cmdlet name/],
  ])('refuses %j (%s), saying what is accepted', (text, shell, message) => {
    const read = readCommand(text, shell);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.reason).toMatch(message);
  });

  it.each([
    ['rd /s /q %SystemRoot%\\SoftwareDistribution', 'cmd', /rd \/s deletes a folder/],
    [
      'reg delete HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\WindowsUpdate /f',
      'cmd',
      /reg delete removes/,
    ],
    ['bitsadmin /reset /allusers', 'cmd', /every user's transfers/],
    ['Remove-Item -Path x -Recurse', 'powershell', /Remove-Item deletes/],
  ] as const)('names why %j is destructive', (text, shell, why) => {
    const read = readCommand(text, shell);
    expect(read.ok && read.value[0]?.destructive).toMatch(why);
  });

  it.each([
    ['rd %TEMP%\\empty', 'cmd'],
    ['reg query HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\WindowsUpdate', 'cmd'],
    ['bitsadmin /list /allusers /verbose', 'cmd'],
  ] as const)('does not call %j destructive', (text, shell) => {
    const read = readCommand(text, shell);
    expect(read.ok && read.value[0]?.destructive).toBeUndefined();
  });
});
