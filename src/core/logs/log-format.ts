/** The log layouts Error Atlas reads (LOG-FORMATS.md §1–§8), and their auto-detection. */
export type LogFormat =
  | 'windows-update' // Get-WindowsUpdateLog, Windows 10/11 (§1)
  | 'windows-update-legacy' // %windir%\WindowsUpdate.log, Windows 7/8.1 (§2)
  | 'wpp' // raw WPP/tracefmt lines (§3)
  | 'cbs' // CBS.log, CbsPersist_*.log (§4)
  | 'dism' // DISM.log (§5)
  | 'panther' // setupact.log, setuperr.log (§6)
  | 'reporting-events' // ReportingEvents.log (§7)
  | 'event-xml' // WindowsUpdateClient events exported as XML (§8)
  | 'text'; // anything else: codes by context only

export const FORMAT_NAMES: Record<LogFormat, string> = {
  'windows-update': 'WindowsUpdate.log (Get-WindowsUpdateLog)',
  'windows-update-legacy': 'WindowsUpdate.log (Windows 7/8.1 layout)',
  wpp: 'WPP trace text',
  cbs: 'CBS.log',
  dism: 'DISM.log',
  panther: 'Panther setupact.log / setuperr.log',
  'reporting-events': 'ReportingEvents.log',
  'event-xml': 'Windows Update client events (XML)',
  text: 'plain text',
};

export const WU_LINE = /^(\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}\.\d{7}) (\d+) +(\d+) +(\S+) *(.*)$/;
export const WU_LEGACY_LINE =
  /^(\d{4}-\d{2}-\d{2})[\t ]+(\d{2}:\d{2}:\d{2}:\d{3})[\t ]+ *(\d+)[\t ]+([0-9a-fA-F]+)[\t ]+(\S+)[\t ]+(.*)$/;
export const WPP_LINE =
  /^(?:(\S+) )?\[(\d+)\]([0-9A-Fa-f]{4})\.([0-9A-Fa-f]{4})::(\d{2}\/\d{2}\/\d{4}-\d{2}:\d{2}:\d{2}\.\d{3})(?: [0-9a-fA-F]{8})? \[([^\]]*)\] ?(.*)$/;
/** CBS, DISM and Panther share `yyyy-MM-dd HH:mm:ss, ` + a 22-column level + a 7-column component. */
export const SERVICING_LINE = /^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}), (.*)$/;
const RECORD_GUID = /^\{[0-9A-Fa-f-]{36}\}\t/;

const PANTHER_COMPONENTS = new Set(['MOUPG', 'CONX', 'SP', 'PANTHR', 'IBSLIB', 'MIG', 'SETUPPLAT']);

/** Picks the layout from the file name and the first lines (up to a few dozen). */
export function detectFormat(fileName: string, firstLines: readonly string[]): LogFormat {
  const name = fileName.toLowerCase().replace(/^.*[\\/]/, '');
  let servicing = 0;
  let dism = 0;
  let panther = 0;
  for (const line of firstLines) {
    if (line.includes('<Event ') && line.includes('xmlns')) return 'event-xml';
    if (RECORD_GUID.test(line) && line.split('\t').length >= 10) return 'reporting-events';
    if (WU_LINE.test(line)) return 'windows-update';
    if (WU_LEGACY_LINE.test(line)) return 'windows-update-legacy';
    if (WPP_LINE.test(line)) return 'wpp';
    const servicingMatch = SERVICING_LINE.exec(line);
    if (servicingMatch) {
      servicing++;
      const component = componentOf(servicingMatch[2] ?? '');
      if (component === 'DISM') dism++;
      if (PANTHER_COMPONENTS.has(component)) panther++;
    }
  }
  if (servicing > 0) {
    if (/^setup(act|err)/.test(name) || panther > 0) return 'panther';
    if (/^dism/.test(name) || dism * 2 > servicing) return 'dism';
    return 'cbs';
  }
  if (name.startsWith('reportingevents')) return 'reporting-events';
  return 'text';
}

/** The component column of a CBS/DISM/Panther line, after the date (`Info    CBS    …`). */
export function componentOf(afterDate: string): string {
  return splitServicing(afterDate).component;
}

const LEVELS = /^(Fatal Error|Info|Warning|Error|Perf|Verbose|Debug)\b/;
const MESSAGE_ID = /^\[0x[0-9a-fA-F]{6}\] ?/;

/**
 * The 22-column level field (which may hold a message id such as `[0x080489]`, never an error
 * code), then the 7-column component, then the message. Lines that do not keep the columns are
 * read by words instead, so a hand-edited line still parses.
 */
export function splitServicing(afterDate: string): {
  level: string;
  component: string;
  message: string;
} {
  const level = LEVELS.exec(afterDate)?.[1] ?? '';
  if (afterDate.length >= 29 && afterDate.charCodeAt(21) === 32) {
    const component = afterDate.slice(22, 29).trim();
    if (component === '' || /^[A-Za-z]+$/.test(component))
      return { level, component, message: afterDate.slice(29) };
  }
  let rest = afterDate.slice(level.length).trimStart();
  rest = rest.replace(MESSAGE_ID, '');
  const word = /^([A-Z]{2,8})\s+(.*)$/.exec(rest);
  return word
    ? { level, component: word[1] ?? '', message: word[2] ?? '' }
    : { level, component: '', message: rest };
}
