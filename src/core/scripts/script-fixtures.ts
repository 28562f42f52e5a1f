import type { InlineFix } from '../articles/schema.js';

/**
 * Fixes made to exercise every part of a script: notes with cmd's special characters, a path
 * with spaces, a PowerShell command with a quote, service stops without the orchestrator, a
 * condition, verify steps with and without a command, and each risk level. Tests and golden
 * files use them; they are not content.
 */
export const SCRIPT_TEST_FIXES: readonly InlineFix[] = [
  {
    id: 'check-proxy',
    title: 'Look at the WinHTTP proxy (read-only) & write it down',
    risk: 'safe',
    admin: true,
    actions: [
      { step: 'Write down what it shows (100% of it) | keep the note <here>.' },
      { command: 'netsh winhttp show proxy', shell: 'cmd' },
    ],
    verify: { text: 'It shows direct access or the proxy you expect.' },
  },
  {
    id: 'rename-cache',
    title: 'Stop the update services and rename the cache',
    risk: 'moderate',
    restart: true,
    actions: [
      { command: 'net stop wuauserv', shell: 'cmd' },
      { command: 'net stop bits', shell: 'cmd' },
      { command: 'ren "C:\\Program Files\\Example App\\cache" cache.old', shell: 'cmd' },
      { command: 'ren %SystemRoot%\\SoftwareDistribution SoftwareDistribution.old', shell: 'cmd' },
      { command: 'net start bits', shell: 'cmd' },
      { command: 'net start wuauserv', shell: 'cmd' },
    ],
    verify: {
      text: 'The Windows Update service is known to the system.',
      command: { command: 'sc query wuauserv', shell: 'cmd' },
    },
  },
  {
    id: 'clear-jobs',
    title: 'Remove the transfer jobs in error',
    risk: 'destructive',
    actions: [
      { step: 'Close every program that downloads in the background.' },
      {
        command:
          "Get-ChildItem -LiteralPath 'C:\\Program Files\\O''Brien Tools' | Select-Object -First 1",
        shell: 'powershell',
        condition: 'on Windows 10 and later',
      },
      {
        command:
          "Get-BitsTransfer -AllUsers | Where-Object { $_.JobState -eq 'Error' } | Remove-BitsTransfer",
        shell: 'powershell',
      },
    ],
    verify: {
      text: 'No job in error is left.',
      command: { command: 'Get-BitsTransfer -AllUsers', shell: 'powershell' },
    },
  },
];
