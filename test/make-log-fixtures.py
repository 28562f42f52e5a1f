#!/usr/bin/env python3
"""Writes the log fixtures in their real layouts and encodings (LOG-FORMATS.md). Values are
invented; layouts, BOMs and line ends follow the fact sheet. Re-run to regenerate."""
import os

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'logs')

def srv(ts, level, comp, msg):
    # yyyy-MM-dd HH:mm:ss, + level in 22 columns + component in 7 columns + message (§4)
    return f"{ts}, {level:<22}{comp:<7}{msg}"

def write(name, lines, encoding='utf-8', bom=False, eol='\r\n', final_eol=True):
    text = eol.join(lines) + (eol if final_eol else '')
    data = text.encode(encoding)
    if bom:
        data = {'utf-8': b'\xef\xbb\xbf', 'utf-16-le': b'\xff\xfe', 'utf-16-be': b'\xfe\xff'}[encoding] + data
    with open(os.path.join(HERE, name), 'wb') as f:
        f.write(data)

cbs = [
    srv('2024-03-05 14:04:58', 'Info', 'CBS', 'Session: 31088400_1234567890 initialized by client WindowsUpdateAgent, external staging directory: (null), external registry directory: (null)'),
    srv('2024-03-05 14:04:59', 'Info', 'CBS', 'Failed to internally open package. [HRESULT = 0x800f0805 - CBS_E_INVALID_PACKAGE]'),
    srv('2024-03-05 14:04:59', 'Info', 'CBS', 'Failed to internally open package. [HRESULT = 0x800f0805 - CBS_E_INVALID_PACKAGE]'),
    srv('2024-03-05 14:05:00', 'Info', 'CSI', '00000001@2024/3/5:13:05:00.120 WcpInitialize: wcp.dll version 0.0.0.6 (bfe2a1b3c4d5e6f7)'),
    srv('2024-03-05 14:05:00', 'Error', 'CSI', '00000002 (F) STATUS_OBJECT_NAME_NOT_FOUND #40# from Windows::Rtl::SystemImplementation::DirectSysCall::SysQueryValueKey(...)'),
    srv('2024-03-05 14:05:01', 'Info', 'CBS', r'Repr: CBS store corruption found, trying to repair from C:\Users\jsmith\Downloads\source'),
    srv('2024-03-05 14:05:01', 'Info', 'CBS', 'Exec: Processing complete, session(Corruption Repairing): 31088400_1234567890 [HRESULT = 0x800f081f - CBS_E_SOURCE_MISSING]'),
    srv('2024-03-05 14:05:02', 'Error', 'CSI', '00000003@2024/3/5:13:05:02.458 (F) Hashes for file member [l:10]\'ntdll.dll\' do not match.'),
    ' Expected: {l:32 ml:33 b:0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9}.',
    ' Actual: {l:32 ml:33 b:ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100}.',
    '[gle=0x80004005]',
    srv('2024-03-05 14:05:03', 'Info', 'CBS', 'Failed to add to Windows Error Report. [HRESULT = 0x80070002 - ERROR_FILE_NOT_FOUND]'),
]
write('CBS.log', cbs, bom=True)

dism = [
    srv('2024-03-05 14:05:00', 'Info', 'DISM', 'DISM.EXE: <----- Starting Dism.exe session ----->'),
    srv('2024-03-05 14:05:00', 'Warning', 'DISM', r'DISM Provider Store: PID=4321 TID=8765 Failed to load the provider: C:\Windows\TEMP\ABCD\PEProvider.dll. - CDISMProviderStore::Internal_GetProvider(hr:0x8007007e)'),
    srv('2024-03-05 14:05:02', 'Error', 'DISM', 'DISM Package Manager: PID=4321 TID=8765 Failed finalizing changes. - CDISMPackageManager::Internal_Finalize(hr:0x800f081f)'),
    srv('2024-03-05 14:05:02', 'Error', 'DISM', 'DISM Package Manager: PID=4321 TID=8765 The source files could not be found; their location must be specified using the /source option to restore the feature. - GetCbsErrorMsg'),
    srv('2024-03-05 14:05:03', 'Info', 'DISM', 'DISM.EXE: Image session has been closed. Reboot required=no.'),
    srv('2024-03-05 14:05:03', 'Info', 'DISM', 'DISM.EXE: <----- Ending Dism.exe session ----->'),
]
write('dism.log', dism, bom=True)

wu = [
    '2024/03/05 14:02:10.1234567 1234  5678  Agent           * START * Finding updates CallerId = UpdateOrchestrator  Id = 12',
    '2024/03/05 14:02:10.2234567 1234  5678  Agent           Online = Yes; AllowCachedResults = No; Ignore download priority = No',
    '2024/03/05 14:02:11.3234567 1234  5678  SLS             Get response for service 855E8A7C-ECB4-4CA3-B045-1DFA50104289 - forceExpire[False] asyncRefreshOnExpiry[True]',
    '2024/03/05 14:02:12.0000001 1234  5678  DataStore       *FAILED* [80248007] GetUpdate',
    '2024/03/05 14:02:13.7654321 1234  5678  ProtocolTalker  *FAILED* [8024402C] Method failed [CUpdateServiceProxy::Send:120]',
    '2024/03/05 14:02:13.8654321 1234  5678  ProtocolTalker  ServerChecksum 0x1A2B3C4D seq 00000042 [0x080489] hash 8024402C deadbeef',
    '2024/03/05 14:02:13.9000000 1234  5678  Agent           * END * Finding updates CallerId = UpdateOrchestrator, Exit code = 0x8024402C',
    '2024/03/05 14:03:00.0000000 1234  5678  Agent           * START * Downloading updates CallerId = UpdateOrchestrator  Id = 13',
    '2024/03/05 14:03:05.0000000 1234  5678  DownloadManager Download job completed, hr = 0x00000000',
    '2024/03/05 14:03:06.0000000 1234  5678  Agent           * END * Downloading updates CallerId = UpdateOrchestrator, Exit code = 0x00000000',
    '2024/03/05 14:03:07.0000000 12345 5678  Misc            ',
]
write('WindowsUpdate.log', wu)

legacy = [
    '2014-06-10\t09:15:00:120\t 880\ta3c\tAgent\t*************',
    '2014-06-10\t09:15:00:121\t 880\ta3c\tAgent\t** START **  Agent: Finding updates [CallerId = AutomaticUpdates]',
    '2014-06-10\t09:15:02:346\t 880\ta3c\tPT\tWARNING: Sync of Updates: 0x8024402c',
    '2014-06-10\t09:15:02:347\t 880\ta3c\tPT\tWARNING: SyncUpdates failure, error = 0x8024402C, soap client error = 5, soap error code = 0',
    '2014-06-10\t09:15:02:400\t 880\ta3c\tAgent\t  * WARNING: Exit code = 0x8024402C',
    '2014-06-10\t09:15:02:401\t 880\ta3c\tAgent\t** END **  Agent: Finding updates [CallerId = AutomaticUpdates]',
]
write('WindowsUpdate-legacy.log', legacy, encoding='latin-1', eol='\r\n')

wpp = [
    'DownloadManager [0]12F4.1FE8::09/29/2017-13:45:08.530 [agent]DO job {A1B2C3D4-1111-2222-3333-444455556666} hit a transient error, updateId = 11111111-2222-3333-4444-555555555555.201 <NULL>, error = 0x80D0000A',
    '[2]0F3C.1A20::03/05/2024-14:02:13.766 [agent]Example message, error = 0x80244022',
]
write('trace.txt', wpp, eol='\n')

def mb(ts, level, msgid, comp, msg):
    field = f"{level:<11}[{msgid}] " if msgid else f"{level:<22}"
    return f"{ts}, {field:<22}{comp:<7}{msg}"

setup = [
    mb('2024-03-05 15:00:00', 'Info', None, 'MOUPG', 'SetupHost: Setup phase change: [SetupPhaseUnknown] -> [SetupPhaseInstall]'),
    mb('2024-03-05 15:00:01', 'Info', None, '', 'Onesettings: Reading onesetting for tracing settings completed, Error: 0x1'),
    mb('2024-03-05 15:00:02', 'Info', '0x080489', 'MIG', r'Gather started for C:\Users\jsmith\AppData'),
    mb('2024-03-05 15:00:03', 'Warning', None, 'CONX', '0x80070002 Failed to get ImagePath for service (beep)'),
    mb('2024-03-05 15:00:04', 'Error', None, 'MIG', r'Error 1392 while gathering object C:\Users\jsmith\Documents\broken.dat. Shell application requested abort![gle=0x00000570]'),
    mb('2024-03-05 15:00:05', 'Error', None, 'SP', 'Operation failed: Add [1] package C:\\$WINDOWS.~BT\\DU\\x.cab. Error: 0x8007042B[gle=0x000000b7]'),
    mb('2024-03-05 15:00:06', 'Info', None, 'MOUPG', 'SetupHost: Setup phase change: [SetupPhaseInstall] -> [SetupPhaseError]'),
    mb('2024-03-05 15:00:07', 'Info', None, 'MOUPG', 'SetupNotify: Specifying extended data [0x2000D] for error [0x8007042B].'),
    mb('2024-03-05 15:00:07', 'Info', None, 'MOUPG', 'SetupHost: Reporting error event -> [0x8007042B, 0x2000D]'),
]
write('setupact.log', setup, bom=True)

zero = '{00000000-0000-0000-0000-000000000000}'
rep = [
    '\t'.join(['{11111111-2222-3333-4444-555555555555}', '2024-03-05 14:02:13:766+0100', '1', '148 [AGENT_DETECTION_FAILED]', '101', zero, '0', '8024402c', 'UpdateOrchestrator', 'Failure', 'Software Synchronization', 'Windows Update Client failed to detect with error 0x8024402c.']),
    '\t'.join(['{21111111-2222-3333-4444-555555555555}', '2024-03-05 15:10:00:010+0100', '1', '182 [AGENT_INSTALLING_FAILED]', '101', '{8FB23541-BD3F-4E49-A693-4FB12C81F2B3}', '201', '80242014', 'AutomaticUpdatesWuApp', 'Failure', 'Content Install', 'Installation Failure: Windows failed to install the following update with error 0x80242014: Example Update (KB5000000).']),
    '\t'.join(['{31111111-2222-3333-4444-555555555555}', '2024-03-05 15:20:00:010+0100', '1', '201 [AGENT_INSTALLING_PENDING]', '101', '{8FB23541-BD3F-4E49-A693-4FB12C81F2B3}', '201', '240005', 'AutomaticUpdatesWuApp', 'Success', 'Content Install', 'Installation Successful: Windows successfully installed the following update: Example Update (KB5000000)']),
]
write('ReportingEvents.log', rep, encoding='utf-16-le', bom=True)

xml = ('<Events><Event xmlns=\'http://schemas.microsoft.com/win/2004/08/events/event\'><System><Provider Name=\'Microsoft-Windows-WindowsUpdateClient\' Guid=\'{945a8954-c147-4acd-923f-40c45405a658}\'/>'
       '<EventID>20</EventID><Version>1</Version><Level>2</Level><Task>1</Task><Opcode>13</Opcode><Keywords>0x8000000000000028</Keywords>'
       '<TimeCreated SystemTime=\'2024-03-05T14:20:01.1234567Z\'/><EventRecordID>4242</EventRecordID><Channel>System</Channel><Computer>DESKTOP-AB12CDE</Computer></System>'
       '<EventData><Data Name=\'errorCode\'>0x80073d02</Data><Data Name=\'updateTitle\'>9NBLGGH4NNS1-Microsoft.DesktopAppInstaller</Data><Data Name=\'updateGuid\'>{11111111-2222-3333-4444-555555555555}</Data><Data Name=\'updateRevisionNumber\'>1</Data><Data Name=\'serviceGuid\'>{855e8a7c-ecb4-4ca3-b045-1dfa50104289}</Data></EventData></Event>'
       '<Event xmlns=\'http://schemas.microsoft.com/win/2004/08/events/event\'><System><Provider Name=\'Microsoft-Windows-WindowsUpdateClient\'/><EventID>19</EventID>'
       '<TimeCreated SystemTime=\'2024-03-05T14:30:01.1234567Z\'/><Computer>DESKTOP-AB12CDE</Computer></System><EventData><Data Name=\'updateTitle\'>Example Update</Data></EventData></Event></Events>')
write('events.xml', [xml], eol='\n')

with open(os.path.join(HERE, 'empty.log'), 'wb') as f:
    pass
with open(os.path.join(HERE, 'binary.log'), 'wb') as f:
    f.write(bytes(range(256)) * 32)
with open(os.path.join(HERE, 'logs.cab'), 'wb') as f:
    f.write(b'MSCF\x00\x00\x00\x00' + b'\x00' * 64)
