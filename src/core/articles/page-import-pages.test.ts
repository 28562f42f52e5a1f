import { describe, expect, it } from 'vitest';
import {
  cmd,
  fixAt,
  importOk as importPageWith,
  loadRegistry,
  ps,
  readPage,
} from '../../test-support/page-import-fixtures.js';
import type { Article } from './schema.js';

/** Pages in the scraped layout other than the seed: test/pages/*.txt. */

const registry = loadRegistry();

const importOk = (text: string): Article => importPageWith(text, registry);

describe('0x80070005: PowerShell, conditions, introducer sentences', () => {
  const article = importOk(readPage('0x80070005-access-denied.txt'));

  it('reads the header with a High severity and trailing whitespace trimmed', () => {
    expect([article.code, article.severity, article.title]).toEqual([
      '0x80070005',
      'high',
      'Microsoft Windows Update error 0x80070005',
    ]);
    expect(article.meaning.summary.endsWith('at the same point.')).toBe(true);
    expect(article.appliesTo).toEqual(['windows-11', 'windows-10', 'windows-server-2019']);
  });

  it('cmdlets run in PowerShell; "or on Windows 10 and later:" is the next command\'s condition', () => {
    const fix = fixAt(article, 0);
    expect(fix.actions).toEqual([
      ps('Get-Service wuauserv, bits, cryptsvc'),
      ps('Restart-Service wuauserv -Force'),
      { ...ps('Restart-Service UsoSvc -Force'), condition: 'or on Windows 10 and later' },
      { step: 'run Windows Update again' },
    ]);
    expect(fix.admin).toBe(true);
    // Restarting a service is not restarting the computer.
    expect(fix.restart).toBeUndefined();
  });

  it('"Open Administrator Command Prompt and run:" is dropped before the first command', () => {
    expect(fixAt(article, 1).actions).toEqual([
      cmd('takeown /f %SystemRoot%\\SoftwareDistribution /r /d y'),
      cmd('icacls %SystemRoot%\\SoftwareDistribution /grant Administrators:F /t'),
      { step: 'then check for updates again' },
    ]);
  });

  it('a program run from "Administrator PowerShell" is a PowerShell command', () => {
    const fix = fixAt(article, 2);
    expect(fix.actions).toEqual([
      ps('Repair-WindowsImage -Online -RestoreHealth'),
      ps('sfc /scannow'),
      { step: 'restart your computer' },
    ]);
    expect([fix.admin, fix.restart]).toEqual([true, true]);
  });

  it('splits sentences: an opening sentence and "Run:" both introduce the command', () => {
    const fix = fixAt(article, 3);
    expect(fix.actions).toEqual([
      cmd('chkdsk C: /scan'),
      { step: 'When the scan finishes, restart the PC' },
    ]);
    expect([fix.admin, fix.restart]).toEqual([true, true]);
  });

  it('a fix of steps only', () => {
    const fix = fixAt(article, 4);
    expect(fix.actions).toEqual([
      { step: 'Open your security app and pause real-time protection for 15 minutes' },
      { step: 'try the update again' },
      { step: 'turn protection back on' },
    ]);
    expect(fix.admin).toBeUndefined();
  });

  it('keeps a two-line escalation as two paragraphs', () => {
    expect(article.escalation?.split('\n\n')).toHaveLength(2);
  });

  it('fences a cmdlet named in an answer as powershell', () => {
    expect(article.faq[1]?.answer).toBe(
      'Open Administrator PowerShell and run this to check its status:\n\n```powershell\nGet-Service wuauserv\n```\n\nIf it says Stopped, use the first fix above.',
    );
  });
});

describe('0x800F081F: Windows line endings, no FAQ, a lower-case code', () => {
  const text = readPage('0x800F081F-source-files.txt');
  const article = importOk(text);

  it('is really a CRLF page, and reads as its LF form does', () => {
    expect(text).toContain('\r\n');
    expect(article).toEqual(importOk(text.replace(/\r\n/g, '\n')));
  });

  it('writes the code canonically and keeps both meaning paragraphs', () => {
    expect(article.code).toBe('0x800F081F');
    expect(article.meaning.summary.split('\n\n')).toHaveLength(2);
    expect(article.faq).toEqual([]);
    expect(article.escalation).toMatch(/^If DISM still reports/);
  });

  it('a step before the introducer, and a bare program after a dash', () => {
    expect(fixAt(article, 0).actions).toEqual([
      {
        step: 'Mount a Windows ISO of the same build by double-clicking it and note its drive letter',
      },
      cmd(
        'DISM /Online /Cleanup-Image /RestoreHealth /Source:wim:D:\\sources\\install.wim:1 /LimitAccess',
      ),
      cmd('sfc /scannow'),
    ]);
  });

  it('"run each line:" then a PowerShell alternative with its condition; no final period', () => {
    const fix = fixAt(article, 1);
    expect(fix.id).toBe('install-net-framework-3-5-from-the-image');
    expect(fix.title).toBe('Install .NET Framework 3.5 from the image');
    expect(fix.actions).toEqual([
      cmd(
        'DISM /Online /Enable-Feature /FeatureName:NetFx3 /All /LimitAccess /Source:D:\\sources\\sxs',
      ),
      {
        ...ps(
          'Enable-WindowsOptionalFeature -Online -FeatureName NetFx3 -All -Source D:\\sources\\sxs -LimitAccess',
        ),
        condition: 'or on Windows 10 and later',
      },
    ]);
  });

  it('"then run:" between two commands introduces the second', () => {
    expect(fixAt(article, 2).actions).toEqual([
      cmd('DISM /Online /Cleanup-Image /StartComponentCleanup'),
      cmd('DISM /Online /Cleanup-Image /RestoreHealth'),
      { step: 'restart the computer' },
    ]);
  });
});

describe('0x8024001E: separate meaning heading, Low, no causes, no escalation', () => {
  const article = importOk(readPage('0x8024001E-service-stopped.txt'));

  it('reads "Severity: Low" with the heading on its own line', () => {
    expect(article.severity).toBe('low');
    expect(article.meaning.summary).toMatch(/^Error 0x8024001E means/);
    expect(article.causes).toEqual([]);
    expect(article.escalation).toBeUndefined();
  });

  it('keeps an introducer that no command follows as a step, as written', () => {
    expect(fixAt(article, 0).actions).toEqual([
      { step: 'Keep the PC on and plugged in until the update completes' },
      { step: 'In Administrator Command Prompt:' },
      { step: 'when it is done, restart from Start > Power > Restart' },
    ]);
  });

  it('"or on Windows 7:" qualifies the command after it', () => {
    expect(fixAt(article, 1).actions).toEqual([
      cmd('usoclient StartScan'),
      { ...cmd('wuauclt /detectnow'), condition: 'or on Windows 7' },
      { step: 'wait a few minutes and open Windows Update' },
    ]);
  });

  it('an answer ending in "?" stays the answer; a later "?" line is the next question', () => {
    expect(article.faq.map((entry) => entry.question)).toEqual([
      'Can I just ignore it?',
      'Is the update service running?',
      'It shows Running. What now?',
    ]);
    expect(article.faq[0]?.answer).toBe(
      'Usually yes — Windows retries on its own. Why not let it try again tonight?',
    );
  });

  it('"Run: <cmdlet>." becomes "Run this:" and a powershell fence', () => {
    expect(article.faq[1]?.answer).toBe(
      'Run this:\n\n```powershell\nGet-Service wuauserv\n```\n\nIf Status shows Stopped, the service is not running.',
    );
  });
});
