/**
 * A symbolic name read as words: `FVE_E_LOCKED_VOLUME` → area "BitLocker drive encryption",
 * words "locked volume". What the plain meaning of a code falls back to when nobody wrote one.
 */

export type NameWords = {
  /** Who reports codes with this prefix, in words ("BitLocker drive encryption"), if known. */
  area?: string;
  /** The rest of the name as lower-case words, acronyms kept ("not enough DNS servers"). */
  words: string;
};

/**
 * Name prefixes (after any `ERROR_`/`STATUS_`/`E_`) and who reports them. The areas come from
 * the headers the tables were taken from (winerror.h, ntstatus.h: each block of codes is
 * headed by its facility or component); the words are ours.
 */
const AREAS: Readonly<Record<string, string>> = {
  ACPI: 'power management firmware (ACPI)',
  APPX: 'app package installation (AppX)',
  BG: 'BITS, the background transfer service',
  BTH: 'Bluetooth',
  BLUETOOTH: 'Bluetooth',
  CBS: 'Windows servicing (CBS)',
  CERT: 'certificate checking',
  CERTSRV: 'certificate services',
  CLOUD: 'cloud files (online-only files)',
  CLUSTER: 'failover clustering',
  CO: 'COM, the component model programs talk through',
  COMADMIN: 'COM+ administration',
  CRYPT: 'cryptography',
  CTX: 'Remote Desktop Services',
  DISP: 'COM automation',
  DNS: 'DNS, the name look-up of the network',
  DO: 'Delivery Optimization, the update download service',
  DS: 'Active Directory',
  DXGI: 'DirectX graphics (DXGI)',
  DWRITE: 'DirectWrite text rendering',
  EVT: 'the event log',
  FLT: 'file system filter drivers',
  FRS: 'the File Replication Service',
  FVE: 'BitLocker drive encryption',
  FWP: 'the Windows Filtering Platform (firewall engine)',
  GRAPHICS: 'the graphics system',
  HCN: 'container networking',
  HCS: 'the container and virtual machine host',
  HV: 'Hyper-V',
  IPSEC: 'IPsec network security',
  INET: 'Internet URL handling',
  LOG: 'the common log file system',
  MBN: 'mobile broadband',
  MENROLL: 'device enrolment (MDM)',
  MK: 'COM monikers',
  MOSETUP: 'Windows setup',
  MRM: 'app resources (MRM)',
  NAP: 'Network Access Protection',
  NDIS: 'network drivers (NDIS)',
  NTE: 'cryptography',
  OLE: 'OLE, how documents embed each other',
  PEER: 'peer-to-peer networking',
  PEERDIST: 'BranchCache',
  PLA: 'performance logs and alerts',
  PSFX: 'servicing while it builds files from update deltas (PSFX)',
  QUIC: 'the QUIC network protocol',
  RPC: 'RPC, how programs call each other',
  SCARD: 'smart cards',
  SCHED: 'Task Scheduler',
  SEC: 'Windows security (authentication)',
  SECUREBOOT: 'Secure Boot',
  SPACES: 'Storage Spaces',
  SPAPI: 'SetupAPI, which installs devices and drivers',
  SQLITE: 'the SQLite database engine',
  STATEREPOSITORY: 'the app state repository',
  STG: 'structured storage (compound files)',
  SXS: 'side-by-side assemblies (WinSxS)',
  SYNCENGINE: 'the sync engine',
  TBS: 'TPM base services',
  TBSIMP: 'TPM base services',
  TPM: 'the TPM security chip',
  TPMAPI: 'the TPM security chip',
  TRUST: 'signature and trust checking',
  UTC: 'diagnostic data collection',
  VHD: 'virtual hard disks',
  VID: 'Hyper-V',
  VOLMGR: 'the volume manager',
  WINCODEC: 'the Windows imaging component',
  WINHTTP: 'the WinHTTP web client',
  WININET: 'the WinINet web client',
  WPN: 'push notifications',
  WS: 'Windows web services',
  WSA: 'Windows Sockets (network)',
  WU: 'Windows Update',
  XACT: 'distributed transactions',
};

/** Parts that only say "error", "success", "internal failure" (`SCARD_F_`) and the like; dropped. */
const MARKERS = new Set(['ERROR', 'ERR', 'STATUS', 'E', 'S', 'F', 'W', 'I', 'X', 'NT']);

/** Abbreviations and run-together words in names, spelled out. */
const SPELLED: Readonly<Record<string, string>> = {
  ACCESSDENIED: 'access denied',
  ADDR: 'address',
  ALLOC: 'allocation',
  ATTR: 'attribute',
  AUTH: 'authentication',
  CANT: 'cannot',
  CONFIG: 'configuration',
  DEV: 'device',
  DIR: 'directory',
  DOESNT: 'does not',
  EXCED: 'exceeded',
  INFO: 'information',
  INIT: 'initialization',
  INVALIDARG: 'invalid argument',
  MAX: 'maximum',
  MEM: 'memory',
  MIN: 'minimum',
  NOACCESS: 'no access',
  NOINTERFACE: 'no such interface',
  NOTIMPL: 'not implemented',
  OUTOFMEMORY: 'out of memory',
  PARAM: 'parameter',
  PARAMS: 'parameters',
  PROC: 'procedure',
  REQ: 'request',
  SVC: 'service',
  WONT: 'will not',
};

/** Words that keep their capitals although they have vowels. */
const ACRONYMS = new Set([
  'ACL',
  'ACPI',
  'API',
  'BIOS',
  'COM',
  'CPU',
  'DHCP',
  'DLL',
  'DNS',
  'EFI',
  'EFS',
  'GUID',
  'HTTP',
  'HTTPS',
  'ID',
  'IKE',
  'IO',
  'IP',
  'LDAP',
  'LUN',
  'MSI',
  'NTFS',
  'OEM',
  'OLE',
  'OS',
  'PIN',
  'RAM',
  'RPC',
  'SID',
  'SMB',
  'SOAP',
  'SQL',
  'SSL',
  'TCP',
  'TLS',
  'TPM',
  'UDP',
  'UEFI',
  'UI',
  'UPN',
  'URI',
  'URL',
  'USB',
  'UTF',
  'VHD',
  'WIM',
  'WMI',
  'XML',
  'IPSEC',
  'OU',
  'QUIC',
]);

const HAS_VOWEL = /[AEIOUY]/;
const NUMBER = /^\d+$/;

/** One part of a name as a word: spelled out, an acronym kept, else lower case. */
function wordOf(part: string): string {
  const spelled = SPELLED[part];
  if (spelled !== undefined) return spelled;
  if (NUMBER.test(part) || ACRONYMS.has(part)) return part;
  // Letters without a vowel are an abbreviation (TPM, SXS, HV): keep them as written.
  if (!HAS_VOWEL.test(part)) return part;
  return part.toLowerCase();
}

/** The name split at `_`, its area taken off the front and the rest turned into words. */
export function nameWords(name: string): NameWords {
  const parts = name.split('_').filter((part) => part !== '');
  let at = 0;
  if (parts.length > 1 && MARKERS.has(parts[at] ?? '')) at++;
  const head = parts[at];
  const area = head === undefined ? undefined : AREAS[head];
  if (area !== undefined && parts.length - at > 1) {
    at++;
    // `TPM_20_E_…`: the version belongs to the area, not to the words.
    if (head === 'TPM' && parts[at] === '20') at++;
    while (parts.length - at > 1 && MARKERS.has(parts[at] ?? '')) at++;
  } else if (parts.length - at > 2 && MARKERS.has(parts[at + 1] ?? '')) {
    // `UI_E_…`, `D2DERR_…`: a prefix we have no words for; its marker still says nothing.
    parts.splice(at + 1, 1);
  }
  // A marker left in the middle (`STATUS_AAD_CLOUDAP_E_INVALID_TENANT`) says nothing either.
  const rest = parts.slice(at).filter((part, i) => i === 0 || !MARKERS.has(part));
  const words = rest.map(wordOf).join(' ');
  return area === undefined || parts.length - at === 0 ? { words } : { area, words };
}
