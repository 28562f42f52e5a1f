import { describe, expect, it } from 'vitest';
import { detectCommand } from './known-programs.js';
import { parseInstructions } from './page-import-actions.js';
import { fenceAnswerCommands } from './page-import-faq.js';
import type { Action } from './schema.js';

const cmd = (command: string, condition?: string): Action => ({
  command,
  shell: 'cmd',
  ...(condition === undefined ? {} : { condition }),
});
const ps = (command: string, condition?: string): Action => ({
  command,
  shell: 'powershell',
  ...(condition === undefined ? {} : { condition }),
});

describe('detectCommand', () => {
  it.each([
    ['net stop wuauserv', 'program'],
    ['DISM /Online /Cleanup-Image /RestoreHealth', 'program'],
    ['%SystemRoot%\\System32\\sfc.exe /scannow', 'program'],
    ['wsreset', 'program'],
    ['wsreset.', 'program'],
    ['move C:\\a.txt D:\\b.txt', 'program'],
    ['shutdown /r /t 0', 'program'],
    ['Get-Service wuauserv', 'cmdlet'],
    ['Repair-WindowsImage -Online -RestoreHealth', 'cmdlet'],
    ['Move the slider to Off', undefined],
    ['shutdown the PC', undefined],
    ['Re-register the DLL files', undefined],
    ['Start-up repair can help', undefined],
    ['Go to Settings', undefined],
    // Programs the list lacks, recognised by their shape.
    ['gpupdate /force', 'program'],
    ['gpresult /h %TEMP%\\gp.html', 'program'],
    ['winmgmt /verifyrepository', 'program'],
    ['pnputil /enum-drivers', 'program'],
    ['MdSched.exe', 'program'],
    ['copy the file to the desktop', undefined],
    ['wait 5 minutes', undefined],
    ['Open /settings', undefined],
  ])('%j → %s', (text, kind) => {
    expect(detectCommand(text)).toBe(kind);
  });
});

describe('parseInstructions', () => {
  it.each<[string, Action[]]>([
    ['In Administrator Command Prompt: sfc /scannow.', [cmd('sfc /scannow')]],
    [
      'Run: sfc /scannow. Then restart the PC.',
      [cmd('sfc /scannow'), { step: 'Then restart the PC' }],
    ],
    [
      'Open Settings. Click Check for updates.',
      [{ step: 'Open Settings' }, { step: 'Click Check for updates' }],
    ],
    [
      'Open Settings, e.g. from Start. Click Update.',
      [{ step: 'Open Settings, e.g. from Start' }, { step: 'Click Update' }],
    ],
    ['In Administrator Command Prompt:', [{ step: 'In Administrator Command Prompt:' }]],
    [
      'Open Administrator PowerShell. Click Help.',
      [{ step: 'Open Administrator PowerShell' }, { step: 'Click Help' }],
    ],
    ['Move the slider to Off.', [{ step: 'Move the slider to Off' }]],
    ['In Administrator PowerShell: net stop wuauserv', [ps('net stop wuauserv')]],
    [
      'In Administrator Command Prompt: wuauclt /detectnow — Get-WindowsUpdateLog',
      [cmd('wuauclt /detectnow'), ps('Get-WindowsUpdateLog')],
    ],
    [
      'If that fails, run: DISM /Online /Cleanup-Image /RestoreHealth',
      [cmd('DISM /Online /Cleanup-Image /RestoreHealth', 'If that fails')],
    ],
    [
      'On Windows 10 and later, in Administrator PowerShell, run: Get-WindowsUpdateLog',
      [ps('Get-WindowsUpdateLog', 'On Windows 10 and later')],
    ],
    [
      'Wait for DISM to finish, then run: — sfc /scannow',
      [{ step: 'Wait for DISM to finish' }, cmd('sfc /scannow')],
    ],
    [
      'Note the drive letter — then type: chkdsk D: /f',
      [{ step: 'Note the drive letter' }, cmd('chkdsk D: /f')],
    ],
    ['Wait. — etc.', [{ step: 'Wait' }, { step: 'etc.' }]],
    [
      'In Administrator Command Prompt: gpresult /h %TEMP%\\gp.html — winmgmt /verifyrepository',
      [cmd('gpresult /h %TEMP%\\gp.html'), cmd('winmgmt /verifyrepository')],
    ],
  ])('%j', (text, actions) => {
    expect(parseInstructions(text).actions).toEqual(actions);
  });

  it.each([
    ['In Administrator Command Prompt: sfc /scannow', true],
    ['Open Command Prompt as administrator. Run: sfc /scannow', true],
    ['Right-click Start, choose Terminal (Admin) and run: sfc /scannow', true],
    ['In PowerShell: Get-Service wuauserv', false],
    ['Go to Settings > Windows Update', false],
  ])('admin for %j is %s', (text, admin) => {
    expect(parseInstructions(text).admin).toBe(admin);
  });

  it.each([
    ['Run: sfc /scannow — then restart.', true],
    ['Run: sfc /scannow — restart your PC and try again.', true],
    ['Reboot the computer.', true],
    ['Restart Windows.', true],
    ['In PowerShell: Restart-Computer', true],
    ['Run: shutdown /r /t 0', true],
    ['Restart the Windows Update service.', false],
    ['In PowerShell: Restart-Service wuauserv', false],
    ['Run: net stop bits — net start bits.', false],
  ])('restart for %j is %s', (text, restart) => {
    expect(parseInstructions(text).restart).toBe(restart);
  });
});

describe('fenceAnswerCommands', () => {
  it.each([
    ['To check, run: sc query wuauserv.', 'To check, run this:\n\n```cmd\nsc query wuauserv\n```'],
    [
      'Have you tried running: sfc /scannow? It often helps.',
      'Have you tried running this?\n\n```cmd\nsfc /scannow\n```\n\nIt often helps.',
    ],
    [
      'Type the command: ipconfig /flushdns and press Enter.',
      'Type the command and press Enter:\n\n```cmd\nipconfig /flushdns\n```',
    ],
    [
      'In PowerShell, run: Stop-Service bits, wuauserv then try again.',
      'In PowerShell, run this then try again:\n\n```powershell\nStop-Service bits, wuauserv\n```',
    ],
    [
      'Run: netsh winhttp show proxy. Then run: netsh winhttp reset proxy.',
      'Run this:\n\n```cmd\nnetsh winhttp show proxy\n```\n\nThen run this:\n\n```cmd\nnetsh winhttp reset proxy\n```',
    ],
    [
      'Running: dism /online in PowerShell works too.',
      'Running this in PowerShell works too:\n\n```powershell\ndism /online\n```',
    ],
  ])('%j', (answer, expected) => {
    expect(fenceAnswerCommands(answer)).toBe(expected);
  });

  it.each([
    'SOAP is a protocol — a formal letter format.',
    'Run: the troubleshooter from Settings.',
    'Note: this takes a while.',
  ])('leaves prose alone: %j', (answer) => {
    expect(fenceAnswerCommands(answer)).toBe(answer);
  });

  it('handles each paragraph of a multi-paragraph answer', () => {
    expect(fenceAnswerCommands('First paragraph.\n\nRun: wsreset.')).toBe(
      'First paragraph.\n\nRun this:\n\n```cmd\nwsreset\n```',
    );
  });
});
