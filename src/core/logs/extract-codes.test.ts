import { describe, expect, it } from 'vitest';
import { catalog } from '../../test-support/analyse-log-text.js';
import { extractCodes } from './extract-codes.js';

const codes = (text: string): string[] =>
  extractCodes(text, catalog).map(
    (c) =>
      `0x${c.value.toString(16).toUpperCase().padStart(8, '0')} ${c.context}${c.extend !== undefined ? ` ext=0x${c.extend.toString(16).toUpperCase()}` : ''}`,
  );

describe('codes taken from their context', () => {
  it.each([
    [
      'WU *FAILED* without 0x',
      '*FAILED* [8024402C] Method failed [CUpdateServiceProxy::Send:120]',
      ['0x8024402C *FAILED* [..]'],
    ],
    [
      'CBS [HRESULT = ..] with a name',
      'Failed [HRESULT = 0x800f081f - CBS_E_SOURCE_MISSING]',
      ['0x800F081F [HRESULT = ..]'],
    ],
    [
      'CBS [HRESULT = ..] without a name',
      'Failed [HRESULT = 0x800f0805]',
      ['0x800F0805 [HRESULT = ..]'],
    ],
    [
      'DISM (hr:0x..)',
      'Failed finalizing changes. - CDISMPackageManager::Internal_Finalize(hr:0x800f081f)',
      ['0x800F081F (hr:0x..)'],
    ],
    [
      'DISM HRESULT= without 0x',
      'processed the command line but failed. HRESULT=80070BC9',
      ['0x80070BC9 hr='],
    ],
    ['hr = 0x..', 'Download failed, hr = 0x80246008', ['0x80246008 hr=']],
    [
      'a Win32 gle= wraps to 0x8007xxxx',
      'Shell application requested abort![gle=0x00000570]',
      ['0x80070570 gle='],
    ],
    ['a full HRESULT after gle= stays', '[gle=0x80004005]', ['0x80004005 gle=']],
    [
      'Exit code = 0x..',
      '* END * Finding updates, Exit code = 0x8024402C',
      ['0x8024402C exit code'],
    ],
    [
      'error 0x..',
      'PT WARNING: ECP: Failed to validate cab file digest with error 0x80246003',
      ['0x80246003 error 0x..'],
    ],
    ['error = 0x.. (WPP)', 'hit a transient error, error = 0x80D0000A', ['0x80D0000A error 0x..']],
    ['Result = 0x..', 'CSetupManager::Execute(211): Result = 0x80070032', ['0x80070032 Result =']],
    [
      'Exception from HRESULT',
      'System.Runtime.InteropServices.COMException (Exception from HRESULT: 0x80240438)',
      ['0x80240438 Exception from HRESULT'],
    ],
    [
      'MIG Error N while (decimal Win32)',
      'Error 1392 while gathering object C:\\x.dat',
      ['0x80070570 Error N while'],
    ],
    ['error code N (decimal)', 'failed with error code 5', ['0x80070005 error code']],
    ['NTSTATUS in signed decimal', 'Failed: NTSTATUS = -1073741790', ['0xC0000022 NTSTATUS']],
    [
      'CSI (F) STATUS name',
      '(F) STATUS_OBJECT_NAME_NOT_FOUND #40# from Windows::Rtl::SysQueryValueKey',
      ['0xC0000034 (F) STATUS_…'],
    ],
    ['errorCode event data', "<Data Name='errorCode'>0x80073d02</Data>", ['0x80073D02 errorCode']],
    [
      'setup result and extend',
      'SetupHost: Reporting error event -> [0xC1900101, 0x4000D]',
      ['0xC1900101 setup result and extend code ext=0x4000D'],
    ],
    [
      'setup extended data',
      'SetupNotify: Specifying extended data [0x2000D] for error [0x8007042B].',
      ['0x8007042B setup result and extend code ext=0x2000D'],
    ],
    [
      'setup result written with its extend',
      'failed with 0xC1900101 - 0x4000D',
      ['0xC1900101 setup result and extend code ext=0x4000D'],
    ],
    [
      'code first (Panther CONX)',
      '0x80070002 Failed to get ImagePath for service (beep)',
      ['0x80070002 code first'],
    ],
  ])('%s', (_what, text, expected) => {
    expect(codes(text)).toEqual(expected);
  });

  it.each([
    ['a Panther message id', 'Info       [0x080489] MIG    Gather started'],
    ['a CSI sequence number', '00000003@2024/3/5:13:05:02.458 WcpInitialize'],
    ['hashes and checksums', 'ServerChecksum 0x1A2B3C4D hash 8024402C deadbeef b:0a1b2c3d4e5f6071'],
    ['a bare 0x value without a context word', 'Mapped address 0x80070005 in table'],
    ['success codes', 'hr = 0x00000000; Exit code = 0x240001; Result = [0x0]; Error: 0x1'],
    [
      'GUIDs and update ids',
      'updateId = 11111111-2222-3333-4444-555555555555.201 {8FB23541-BD3F-4E49-A693-4FB12C81F2B3}',
    ],
    ['times and dates', '2024/03/05 14:02:13.7654321 1234  5678'],
  ])('takes nothing from %s', (_what, text) => {
    expect(codes(text)).toEqual([]);
  });

  it('one code per value on a line, the extend code kept', () => {
    expect(codes('error 0x8007042B then Reporting error event -> [0x8007042B, 0x2000D]')).toEqual([
      '0x8007042B error 0x.. ext=0x2000D',
    ]);
  });
});
