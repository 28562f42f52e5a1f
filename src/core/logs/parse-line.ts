import {
  type LogFormat,
  SERVICING_LINE,
  splitServicing,
  WPP_LINE,
  WU_LEGACY_LINE,
  WU_LINE,
} from './log-format.js';

/**
 * One physical line read in its format. `time` is normalised to `yyyy-MM-dd HH:mm:ss[.fff]`
 * (plus `Z` or an offset where the log says which zone) so times sort as strings; a line with
 * no time of its own (`record: false`) continues the record above it.
 */
export type ParsedLine = {
  record: boolean;
  time?: string | undefined;
  level?: string | undefined;
  component?: string | undefined;
  message: string;
  /** ReportingEvents.log only: the result column (hex without 0x) and Success/Failure. */
  reportingResult?: { hex: string; outcome: string; event: string; category: string };
};

type LineParser = (line: string) => ParsedLine;

const continuation = (line: string): ParsedLine => ({ record: false, message: line });

/** A Get-WindowsUpdateLog stamp as a time: 7 fractional digits; milliseconds order a timeline. */
export const windowsUpdateTime = (stamp: string): string => stamp.replace(/\//g, '-').slice(0, 23);

const parseWindowsUpdate: LineParser = (line) => {
  const m = WU_LINE.exec(line);
  if (!m) return continuation(line);
  return {
    record: true,
    time: windowsUpdateTime(m[1] ?? ''),
    component: m[4],
    message: m[5] ?? '',
  };
};

const parseLegacy: LineParser = (line) => {
  const m = WU_LEGACY_LINE.exec(line);
  if (!m) return continuation(line);
  const clock = m[2] ?? '';
  const time = `${m[1]} ${clock.slice(0, 8)}.${clock.slice(9)}`;
  return { record: true, time, component: m[5], message: m[6] ?? '' };
};

const parseWpp: LineParser = (line) => {
  const m = WPP_LINE.exec(line);
  if (!m) return continuation(line);
  const t = m[5] ?? ''; // MM/dd/yyyy-HH:mm:ss.fff
  const time = `${t.slice(6, 10)}-${t.slice(0, 2)}-${t.slice(3, 5)} ${t.slice(11)}`;
  return { record: true, time, component: m[1] ?? m[6], message: m[7] ?? '' };
};

const parseServicing: LineParser = (line) => {
  const m = SERVICING_LINE.exec(line);
  if (!m) return continuation(line);
  const { level, component, message } = splitServicing(m[2] ?? '');
  return { record: true, time: m[1], level, component, message };
};

const parseReportingEvents: LineParser = (line) => {
  const f = line.split('\t');
  if (f.length < 10 || !(f[0] ?? '').startsWith('{')) return continuation(line);
  const t = f[1] ?? ''; // yyyy-MM-dd HH:mm:ss:fff±hhmm
  const time = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}:\d{3}/.test(t)
    ? `${t.slice(0, 19)}.${t.slice(20, 23)}${t.slice(23)}`
    : t;
  return {
    record: true,
    time,
    component: (f[8] ?? '').trim() || undefined,
    message: (f[11] ?? f[10] ?? '').trim(),
    reportingResult: {
      hex: (f[7] ?? '').trim(),
      outcome: (f[9] ?? '').trim(),
      event: (f[3] ?? '').trim(),
      category: (f[10] ?? '').trim(),
    },
  };
};

const XML_TIME = /SystemTime=['"](\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?)\d*(Z?)['"]/;
const XML_EVENT_ID = /<EventID[^>]*>(\d+)<\/EventID>/;

const parseEventXml: LineParser = (line) => {
  const id = XML_EVENT_ID.exec(line);
  if (!id) return continuation(line);
  const t = XML_TIME.exec(line);
  const data = [...line.matchAll(/<Data Name=['"](\w+)['"]>([^<]*)<\/Data>/g)]
    .map((d) => `${d[1]}=${d[2]}`)
    .join(' ');
  return {
    record: true,
    time: t ? `${t[1]} ${t[2]}${t[3]}` : undefined,
    component: `Event ${id[1]}`,
    message: data,
  };
};

const parseText: LineParser = (line) => {
  const t = /^(\d{4}[-/]\d{2}[-/]\d{2})[ T](\d{2}:\d{2}:\d{2})/.exec(line);
  return t
    ? { record: true, time: `${(t[1] ?? '').replace(/\//g, '-')} ${t[2]}`, message: line }
    : { record: true, message: line };
};

export const LINE_PARSERS: Record<LogFormat, LineParser> = {
  'windows-update': parseWindowsUpdate,
  'windows-update-legacy': parseLegacy,
  wpp: parseWpp,
  cbs: parseServicing,
  dism: parseServicing,
  panther: parseServicing,
  'reporting-events': parseReportingEvents,
  'event-xml': parseEventXml,
  text: parseText,
};

/** Reads one line; never throws (a parser bug must not stop a 1 GiB read). */
export function parseLine(format: LogFormat, line: string): ParsedLine {
  try {
    return LINE_PARSERS[format](line);
  } catch {
    return continuation(line);
  }
}
