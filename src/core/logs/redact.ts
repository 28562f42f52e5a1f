/**
 * Personal data out of everything shown (issue 11, Privacy): user names in paths, machine and
 * domain names, SIDs, IPv4/IPv6 and MAC addresses, e-mail addresses, WSUS server names. A
 * placeholder says what was there (`<user>`, `<server>`), so the line still reads; public
 * Microsoft endpoints, well-known SIDs, loopback addresses and code names stay.
 */

/** Folders under `Users` that belong to no person. */
const SHARED_PROFILES = /^(Public|Default|Default User|All Users|defaultuser0)$/i;
/** Hosts of Microsoft's public services: not personal, and useful to see. */
const PUBLIC_HOST =
  /(^|\.)(microsoft\.com|windowsupdate\.com|windows\.com|windows\.net|msft\.net|live\.com|office\.com|bing\.com|akamaized\.net|delivery\.mp\.microsoft\.com)$/i;
const TLD =
  '(?:local|lan|corp|internal|intranet|home|arpa|com|net|org|edu|gov|mil|int|biz|info|io|de|fr|uk|nl|be|ch|at|it|es|se|no|dk|fi|pl|cz|jp|cn|au|ca|us|ru|br|in)';

type Step = [RegExp, string | ((...m: string[]) => string)];

const STEPS: Step[] = [
  // e-mail before hosts: the domain part would otherwise be read as a host.
  [/[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g, '<email>'],
  // user profile folders, with either slash and with or without a drive.
  [
    /((?:[A-Za-z]:)?[\\/](?:Users|Documents and Settings)[\\/])([^\\/\r\n"'<>|:*?]+)/gi,
    (all, head, name) => (SHARED_PROFILES.test(name ?? '') ? all : `${head}<user>`),
  ],
  // URLs: keep the scheme and the path, hide the host (a WSUS server, a proxy, a share).
  [
    /\b(https?:\/\/)([^/\s:'"<>\]]+)/gi,
    (all, scheme, host) => (PUBLIC_HOST.test(host ?? '') ? all : `${scheme}<server>`),
  ],
  // UNC paths: \\SERVER\share (but not \\?\ or \\.\ device paths).
  [/\\\\([A-Za-z0-9_-][A-Za-z0-9_.-]*)(?=\\)/g, '\\\\<server>'],
  // WSUS / update server named without a URL.
  [
    /\b(WSUS server|WUServer|WUStatusServer|Server URL|ServiceUrl|UpdateServiceUrl)(\s*[=:]\s*|\s+)(?!<)(?!https?:)[A-Za-z0-9_.-]+/gi,
    (_all, key, sep) => `${key}${sep}<server>`,
  ],
  // Machine names in their contexts.
  [/(<Computer>)[^<]*(<\/Computer>)/g, '$1<machine>$2'],
  [
    /\b(Computer ?Name|Machine ?Name|Host ?Name|Device ?Name|Computer)(\s*[=:]\s*)(?!<)[A-Za-z0-9_.-]+/gi,
    (_all, key, sep) => `${key}${sep}<machine>`,
  ],
  // DOMAIN\user after a word that says it is an account.
  [
    /\b(user|username|account|caller|owner|by)\b(\s*[=:]\s*|\s+)(?!NT AUTHORITY)[A-Za-z0-9_.-]+\\[A-Za-z0-9_.$-]+/gi,
    (_all, key, sep) => `${key}${sep}<domain>\\<user>`,
  ],
  // SIDs of domain and cloud accounts; well-known SIDs (S-1-5-18 …) are not personal.
  [/\bS-1-(?:5-21|12-1)(?:-\d+){3,5}\b/g, '<sid>'],
  // MAC addresses (one separator throughout).
  [/\b[0-9A-Fa-f]{2}([:-])[0-9A-Fa-f]{2}(?:\1[0-9A-Fa-f]{2}){4}\b/g, '<mac>'],
  // IPv6, full or compressed, with at least one digit (so `Add::Feed` stays a method name).
  [
    /(?<![\w:.])(?=[0-9A-Fa-f:]*\d)(?:(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}|(?:[0-9A-Fa-f]{1,4}:){0,6}(?:[0-9A-Fa-f]{1,4})?::(?:[0-9A-Fa-f]{1,4}:){0,6}[0-9A-Fa-f]{0,4})(?![\w:./-])/g,
    (all) => (all === '::1' || all === '::' ? all : '<ipv6>'),
  ],
  // IPv4 (not a version number: no fifth part, and each part ≤ 255).
  [
    /(?<![\d.])(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}(?![\d.]*\d)(?!\.\d)/g,
    (all) => (all === '127.0.0.1' || all === '0.0.0.0' ? all : '<ip>'),
  ],
  // Fully qualified host and domain names.
  [
    new RegExp(
      String.raw`\b(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+${TLD}\b(?![.\w-])`,
      'gi',
    ),
    (all) => (PUBLIC_HOST.test(all) ? all : '<host>'),
  ],
];

export function redact(text: string): string {
  let out = text;
  for (const [pattern, replacement] of STEPS) {
    pattern.lastIndex = 0;
    out = out.replace(pattern, replacement as (substring: string, ...args: string[]) => string);
  }
  return out;
}
