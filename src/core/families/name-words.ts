import { RUN_TOGETHER_WORDS } from './run-together-words.js';

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
  D2DERR: 'Direct2D graphics',
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
  INTERNET: 'the WinINet web client',
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
  ACCT: 'account',
  ADDR: 'address',
  ALGO: 'algorithm',
  ALLOC: 'allocation',
  ARG: 'argument',
  ASN1: 'ASN.1',
  ATT: 'attribute',
  ATTR: 'attribute',
  ATTS: 'attributes',
  AUTH: 'authentication',
  AVAIL: 'available',
  BUF: 'buffer',
  CA: 'certificate authority',
  CAB: 'cabinet file',
  CANT: 'cannot',
  CDROM: 'CD-ROM',
  CERT: 'certificate',
  CHAR: 'character',
  CLOUDAP: 'CloudAP',
  CLUSTERLOG: 'cluster log',
  COMM: 'communication',
  CONFIG: 'configuration',
  CONN: 'connection',
  CONV: 'conversion',
  CRED: 'credential',
  CTX: 'context',
  DEF: 'definition',
  DEL: 'delete',
  DESC: 'description',
  DEST: 'destination',
  DEV: 'device',
  DIR: 'directory',
  DIV: 'division',
  DNE: 'did not execute',
  DOESNT: 'does not',
  DOM: 'domain',
  DRV: 'driver',
  DUP: 'duplicate',
  EA: 'extended attribute',
  ELT: 'element',
  ENUM: 'enumeration',
  EOF: 'end of file',
  ERR: 'error',
  EXCED: 'exceeded',
  EXCL: 'exclusive',
  EXEC: 'execute',
  EXT: 'extension',
  EXTN: 'extension',
  INCL: 'include',
  INFO: 'information',
  INIT: 'initialization',
  INUSE: 'in use',
  INVALIDARG: 'invalid argument',
  IOERROR: 'I/O error',
  IPV4: 'IPv4',
  IPV6: 'IPv6',
  LANG: 'language',
  LEN: 'length',
  LIB: 'library',
  LUIDS: 'LUIDs',
  MAX: 'maximum',
  MAXSIZE: 'maximum size',
  MEM: 'memory',
  MGR: 'manager',
  MIN: 'minimum',
  MISC: 'miscellaneous',
  MOD: 'modify',
  MSG: 'message',
  NEG: 'negative',
  NOACCESS: 'no access',
  NOINTERFACE: 'no such interface',
  NOTAVAIL: 'not available',
  NOTIMPL: 'not implemented',
  NUM: 'number',
  OBJ: 'object',
  OBJS: 'objects',
  OUTOFMEMORY: 'out of memory',
  PARAM: 'parameter',
  PARAMS: 'parameters',
  PAREN: 'parenthesis',
  PKG: 'package',
  POSS: 'possible',
  PREV: 'previous',
  PRIV: 'privilege',
  PROC: 'procedure',
  PROGID: 'ProgID',
  PROP: 'property',
  PROV: 'provider',
  PWD: 'password',
  REDIR: 'redirect',
  REF: 'reference',
  REG: 'registry',
  REPL: 'replication',
  REQ: 'request',
  REQD: 'required',
  RESMON: 'resource monitor',
  RESP: 'response',
  SCHED: 'scheduler',
  SEC: 'security',
  SEM: 'semaphore',
  SESS: 'session',
  SINGLEPHASE: 'single-phase',
  SRV: 'server',
  STD: 'standard',
  SVC: 'service',
  SYS: 'system',
  TCPIP: 'TCP/IP',
  TEMP: 'temporary',
  THREADINGMODEL: 'threading model',
  TMP: 'temporary',
  UTF8: 'UTF-8',
  VAL: 'value',
  VERS: 'version',
  VIRT: 'virtual',
  WONT: 'will not',
};

/**
 * Words of up to three letters that are English and read as such; any other part that short
 * is an abbreviation and is kept in capitals ("invalid OID"), not shown as a fragment ("oid").
 */
const SHORT_WORDS = new Set(
  (
    'A AN THE OF TO IN ON AT BY FOR FROM AS IS BE ARE WAS HAS HAD DID CAN MAY NOT NO NOR OR AND ' +
    'BUT IF SO UP OUT OFF ALL ANY ONE TWO NEW OLD BAD BIG LOW TOO NOW YET VIA PER NON SUB OWN ' +
    'KEY SET USE RUN RAN GET GOT PUT ADD END TRY FIX CUT HIT FIT MIX DO GO OK IT ITS US WHO HOW ' +
    'SAY LET ASK DUE DAY WAY TOP MID GAP CAP ROW RAW BOX BUS BAN DRY MAP TAG JOB LOG APP WEB NET WIN'
  ).split(' '),
);

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
  // Letters without a vowel are an abbreviation (TPM, SXS, HV): keep them as written; so is
  // a short part that is not an English word (OID, PDU).
  if (!HAS_VOWEL.test(part) || (part.length <= 3 && !SHORT_WORDS.has(part))) return part;
  return part.toLowerCase();
}

/** Words joined where a name spells one word in two parts: `NON_SECURE` → "non-secure". */
function joinPrefixes(words: string[]): string {
  const out: string[] = [];
  for (const word of words) {
    const last = out.at(-1);
    if (last === 'non' || last === 'sub')
      out[out.length - 1] = `${last}${last === 'non' ? '-' : ''}${word}`;
    else out.push(word);
  }
  return out.join(' ');
}

/** `POSTREBOOTUNEXPECTEDSTATE` → its words; any other part as it is. */
export function splitRunTogether(part: string): string[] {
  return RUN_TOGETHER_WORDS[part]?.split(' ') ?? [part];
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
  const words = joinPrefixes(rest.flatMap(splitRunTogether).map(wordOf));
  return area === undefined || parts.length - at === 0 ? { words } : { area, words };
}
