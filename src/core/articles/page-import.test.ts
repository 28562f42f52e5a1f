import { describe, expect, it } from 'vitest';
import {
  cmd,
  fixAt,
  importOk as importPageWith,
  loadRegistry,
  readPage,
} from '../../test-support/page-import-fixtures.js';
import type { Article } from './schema.js';

const registry = loadRegistry();

const importOk = (text: string): Article => importPageWith(text, registry);

describe('importPageText: the seed page (0x80244001)', () => {
  const article = importOk(readPage('seed-0x80244001.txt'));

  it('reads code, product and the glued severity, and titles the article', () => {
    expect(article.code).toBe('0x80244001');
    expect(article.product).toBe('windows-update');
    expect(article.severity).toBe('moderate');
    expect(article.title).toBe('Microsoft Windows Update error 0x80244001');
  });

  it('puts the meaning paragraph in meaning.summary and nothing else in meaning', () => {
    expect(article.meaning).toEqual({
      summary:
        "Windows Update error 0x80244001 means the SOAP client used by Windows Update could not initialize. Windows Update communicates with Microsoft's servers using a protocol called SOAP (a type of web service communication). When the component that handles this communication fails to start up, updates cannot begin. Corrupted Windows Update components or a blocked internet connection are the most likely causes.",
    });
  });

  it('maps the affected models to platform ids in page order', () => {
    expect(article.appliesTo).toEqual(['windows-10', 'windows-11', 'windows-8.1', 'windows-7']);
  });

  it('keeps the five causes as text with no linked fixes', () => {
    expect(article.causes).toHaveLength(5);
    expect(article.causes.every((cause) => cause.fixes.length === 0)).toBe(true);
    expect(article.causes[0]?.text).toBe(
      'Windows Update client components are corrupted or in an inconsistent state after a previous failed update',
    );
    expect(article.causes[4]?.text).toBe(
      'Third-party security software is blocking the SOAP communication between Windows Update and Microsoft servers',
    );
  });

  it('keeps the five fixes in order, ids slugged from their titles', () => {
    expect(article.fixes.map((fix) => [fix.id, fix.title])).toEqual([
      ['reset-windows-update-components', 'Reset Windows Update components'],
      ['reset-the-winhttp-proxy-settings', 'Reset the WinHTTP proxy settings'],
      ['run-the-windows-update-troubleshooter', 'Run the Windows Update Troubleshooter'],
      ['run-dism-to-repair-windows-components', 'Run DISM to repair Windows components'],
      ['re-register-the-windows-update-dll-files', 'Re-register the Windows Update DLL files'],
    ]);
  });

  it('fix 1: exactly the ten commands, introducer dropped, admin from "Administrator Command Prompt"', () => {
    const fix = fixAt(article, 0);
    expect(fix.actions).toEqual([
      cmd('net stop wuauserv'),
      cmd('net stop cryptsvc'),
      cmd('net stop bits'),
      cmd('net stop msiserver'),
      cmd('rd /s /q C:\\Windows\\SoftwareDistribution'),
      cmd('rd /s /q C:\\Windows\\System32\\catroot2'),
      cmd('net start wuauserv'),
      cmd('net start cryptsvc'),
      cmd('net start bits'),
      cmd('net start msiserver'),
    ]);
    expect(fix.admin).toBe(true);
    expect(fix.restart).toBeUndefined();
  });

  it('fix 2: the netsh command, then the restart step', () => {
    const fix = fixAt(article, 1);
    expect(fix.actions).toEqual([
      cmd('netsh winhttp reset proxy'),
      { step: 'restart your PC and try updating again' },
    ]);
    expect(fix.admin).toBe(true);
    expect(fix.restart).toBe(true);
  });

  it('fix 3: no command, the Settings path is one step', () => {
    const fix = fixAt(article, 2);
    expect(fix.actions).toEqual([
      {
        step: 'Go to Settings > System > Troubleshoot > Other troubleshooters and click Run next to Windows Update',
      },
    ]);
    expect(fix.admin).toBeUndefined();
    expect(fix.restart).toBeUndefined();
  });

  it('fix 4: DISM, the wait step without "then run:", sfc, then the restart step', () => {
    const fix = fixAt(article, 3);
    expect(fix.actions).toEqual([
      cmd('DISM /Online /Cleanup-Image /RestoreHealth'),
      { step: 'wait for it to finish completely' },
      cmd('sfc /scannow'),
      { step: 'then restart' },
    ]);
    expect(fix.admin).toBe(true);
    expect(fix.restart).toBe(true);
  });

  it('fix 5: five regsvr32 commands, then "restart and try again"', () => {
    const fix = fixAt(article, 4);
    expect(fix.actions).toEqual([
      ...['wuapi', 'wuaueng', 'wups', 'wups2', 'msxml3'].map((dll) => cmd(`regsvr32 ${dll}.dll`)),
      { step: 'restart and try again' },
    ]);
    expect(fix.restart).toBe(true);
  });

  it.each([
    [
      0,
      'This full reset clears all update caches and restarts all dependent services from scratch.',
    ],
    [
      1,
      "If a proxy setting was accidentally configured, the SOAP client cannot connect to Microsoft's servers and will fail to initialize.",
    ],
    [
      2,
      'The troubleshooter specifically checks SOAP client registration and Windows Update service dependencies.',
    ],
    [
      3,
      'DISM repairs the Windows component store which contains the WinHTTP and Windows Update SOAP client files.',
    ],
    [
      4,
      'Re-registering msxml3.dll is particularly relevant here because the SOAP protocol relies on XML parsing, which uses the msxml3 component.',
    ],
  ])('fix %i: why is the line after the fix line', (index, why) => {
    expect(fixAt(article, index).why).toBe(why);
  });

  it('takes the escalation paragraph', () => {
    expect(article.escalation).toBe(
      'This error is almost always fixable through the steps below. If DISM and the troubleshooter do not resolve it, a Windows repair install is the most reliable next step.',
    );
  });

  it('keeps three FAQ entries, em dashes in answers as prose', () => {
    expect(article.faq.map((entry) => entry.question)).toEqual([
      'What is SOAP and why does Windows Update use it?',
      'What is WinHTTP?',
      'I am on a work or school network and getting this error. What should I do?',
    ]);
    expect(article.faq[0]?.answer).toContain(
      "talk to Microsoft's update servers — asking what updates are available",
    );
    expect(article.faq[1]?.answer).toContain(
      'background processes — including Windows Update — to',
    );
    expect(article.faq[0]?.answer).not.toContain('```');
    expect(article.faq[1]?.answer).not.toContain('```');
  });

  it('fences the command named in the third answer, rewriting its sentence around it', () => {
    expect(article.faq[2]?.answer).toBe(
      [
        "Work and school networks often route internet traffic through a proxy server. If Windows is configured with incorrect proxy settings for that network, the SOAP client cannot reach Microsoft's servers. Try running this in Administrator Command Prompt to see your current proxy settings:",
        '```cmd\nnetsh winhttp show proxy\n```',
        'If you see a proxy address, check with your IT department whether it is correct for Windows Update to use.',
      ].join('\n\n'),
    );
  });

  it('leaves related, sources and reviewedAt for the editor', () => {
    expect(article.related).toEqual([]);
    expect(article.sources).toEqual([]);
    expect(article.reviewedAt).toBeUndefined();
  });
});
