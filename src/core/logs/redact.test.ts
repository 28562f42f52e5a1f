import { describe, expect, it } from 'vitest';
import { redact } from './redact.js';

describe('redact', () => {
  it.each([
    [
      'a user profile path',
      String.raw`C:\Users\jsmith\Desktop\WindowsUpdate.log`,
      String.raw`C:\Users\<user>\Desktop\WindowsUpdate.log`,
    ],
    [
      'a user name with a space and a dot',
      String.raw`C:\Users\Jane Q. Doe\AppData\Local\Temp`,
      String.raw`C:\Users\<user>\AppData\Local\Temp`,
    ],
    ['forward slashes', 'c:/users/bob/x.txt', 'c:/users/<user>/x.txt'],
    [
      'the old profile root',
      String.raw`C:\Documents and Settings\alice\Local Settings`,
      String.raw`C:\Documents and Settings\<user>\Local Settings`,
    ],
    [
      'a WSUS URL with port',
      'WSUS server: http://wsus01.contoso.local:8530/ClientWebService',
      'WSUS server: http://<server>:8530/ClientWebService',
    ],
    ['a WSUS server without URL', 'WUServer = WSUS01', 'WUServer = <server>'],
    [
      'a UNC share',
      String.raw`\\FILESRV02\Sources\install.wim`,
      String.raw`\\<server>\Sources\install.wim`,
    ],
    [
      'a domain SID',
      'SID S-1-5-21-3623811015-3361044348-30300820-1013 logged on',
      'SID <sid> logged on',
    ],
    ['an Entra ID SID', 'S-1-12-1-1234567890-1234567890-1234567890-1234567890', '<sid>'],
    ['an IPv4 address', 'proxy 192.168.10.25:8080 refused', 'proxy <ip>:8080 refused'],
    ['a MAC address', 'adapter 00-1A-2B-3C-4D-5E up', 'adapter <mac> up'],
    ['a compressed IPv6 address', 'from fe80::1c2d:3e4f:5a6b%12 ok', 'from <ipv6>%12 ok'],
    ['a full IPv6 address', '2001:0db8:85a3:0000:0000:8a2e:0370:7334', '<ipv6>'],
    ['an e-mail address', 'signed in as jane.doe+wu@contoso.com.', 'signed in as <email>.'],
    ['a machine name', 'ComputerName = DESKTOP-AB12CDE', 'ComputerName = <machine>'],
    [
      'an XML Computer element',
      '<Computer>LAPTOP-7.contoso.local</Computer>',
      '<Computer><machine></Computer>',
    ],
    [
      'a domain account',
      String.raw`initiated by CONTOSO\jdoe`,
      String.raw`initiated by <domain>\<user>`,
    ],
    ['a fully qualified host', 'resolving dc01.corp.contoso.com failed', 'resolving <host> failed'],
  ])('hides %s', (_what, input, expected) => {
    expect(redact(input)).toBe(expected);
  });

  it.each([
    ['a version number', 'Windows 10.0.19041.1 build 6.1.7601.17514'],
    [
      'WPP prefix times and method names',
      '[0]39A0.357C::03/05/2024-14:02:13.766 [agent] CDISMPackageManager::Internal_Finalize Add::Feed',
    ],
    ['a timestamp', '2024-03-05 14:02:13.7654321'],
    ['the Public profile', String.raw`C:\Users\Public\Documents`],
    [
      'a Windows Update endpoint',
      'https://fe2.update.microsoft.com/v6/ClientWebService/client.asmx',
    ],
    ['a well-known SID', 'running as S-1-5-18'],
    ['loopback', 'listening on 127.0.0.1 and ::1'],
    ['file names', 'CBS.log WindowsUpdate.log dism.exe setupact.log'],
    ['device paths', String.raw`\\?\C:\Windows\WinSxS`],
    [
      'codes and GUIDs',
      '[HRESULT = 0x800f081f - CBS_E_SOURCE_MISSING] {11111111-2222-3333-4444-555555555555}',
    ],
    ['registry paths', String.raw`HKLM\SOFTWARE\Policies\Microsoft\Windows\WindowsUpdate`],
  ])('keeps %s', (_what, input) => {
    expect(redact(input)).toBe(input);
  });
});
