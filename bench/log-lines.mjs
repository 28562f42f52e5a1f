// The lines of bench/logs.mjs's generated logs (line i of a CBS.log and of a WindowsUpdate.log
// as Get-WindowsUpdateLog writes it): codes in context, floods of known noise, message ids,
// hashes and checksums that are not codes. Shared with the equality test of the fast path
// (src/adapters/logs/buffer-ascii-text.test.ts), so what is timed is what is proven equal.
const pad = (s, n) => s + ' '.repeat(Math.max(1, n - s.length));

export const cbsLine = (i) => {
  const t = `2024-03-05 14:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`;
  switch (i % 10) {
    case 0:
      return `${t}, ${pad('Info', 22)}${pad('CBS', 7)}Failed to internally open package. [HRESULT = 0x800f0805 - CBS_E_INVALID_PACKAGE]`;
    case 1:
      return `${t}, ${pad('Info', 22)}${pad('CSI', 7)}${(i >>> 0).toString(16).padStart(8, '0')}@2024/3/5:13:05:02.458 Hashes b:0a1b2c3d4e5f60718293a4b5c6d7e8f9 for component`;
    case 2:
      return `${t}, ${pad('Error', 22)}${pad('CSI', 7)}0000${(i % 9999).toString().padStart(4, '0')} (F) STATUS_OBJECT_NAME_NOT_FOUND #40# from Windows::Rtl::SystemImplementation::DirectSysCall::SysQueryValueKey`;
    case 3:
      return i % 1000 === 3
        ? `${t}, ${pad('Info', 22)}${pad('CBS', 7)}Exec: Processing complete, session(Corruption Repairing): 1_2 [HRESULT = 0x800f081f - CBS_E_SOURCE_MISSING]`
        : `${t}, ${pad('Info', 22)}${pad('CBS', 7)}Appl: detect Parent, Package: Package_for_KB5000000~31bf3856ad364e35~amd64~~19041.1.1.1, Parent: Microsoft-Windows-Foundation-Package`;
    default:
      return `${t}, ${pad('Info', 22)}${pad('CBS', 7)}Exec: Staging Package: Package_${i}~31bf3856ad364e35~amd64~~10.0.19041.${i % 5000}, status: 0x0, hr = 0x00000000`;
  }
};
export const wuLine = (i) => {
  const t = `2024/03/05 14:02:${String(i % 60).padStart(2, '0')}.${String(i % 10_000_000).padStart(7, '0')}`;
  const head = `${t} 1234  5678  `;
  switch (i % 8) {
    case 0:
      return `${head}${pad('DataStore', 15)}*FAILED* [80248007] GetUpdate`;
    case 1:
      return `${head}${pad('ProtocolTalker', 15)}ServerChecksum 0x1A2B3C4D seq ${(i >>> 0).toString(16).padStart(8, '0')} [0x080489] hash deadbeef`;
    case 2:
      return i % 500 === 2
        ? `${head}${pad('ProtocolTalker', 15)}*FAILED* [8024402C] Method failed [CUpdateServiceProxy::Send:120]`
        : `${head}${pad('Agent', 15)}Added update {11111111-2222-3333-4444-555555555555}.201 to search result`;
    default:
      return `${head}${pad('SLS', 15)}Get response for service 855E8A7C-ECB4-4CA3-B045-1DFA50104289 - forceExpire[False] asyncRefreshOnExpiry[True]`;
  }
};
