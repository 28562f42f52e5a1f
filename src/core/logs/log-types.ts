import type { LogFormat } from './log-format.js';

/** A code found in a log line, with where and when. */
export type Finding = {
  code: string;
  value: number;
  name?: string | undefined;
  /** How the log wrote it: `[HRESULT = ..]`, `*FAILED* [..]`, the ReportingEvents result column… */
  context: string;
  extend?: number | undefined;
  time?: string | undefined;
  component?: string | undefined;
  level?: string | undefined;
  file: string;
  line: number;
  text: string;
  before: string[];
  after: string[];
  /** Why this is known-harmless; absent when it is not noise. */
  noise?: string | undefined;
};

export type RunKind =
  'scan' | 'download' | 'install' | 'servicing session' | 'setup attempt' | 'operation';

export type Run = {
  kind: RunKind;
  label: string;
  file: string;
  startLine: number;
  startTime?: string | undefined;
  endLine?: number | undefined;
  endTime?: string | undefined;
  /** The first failure (not noise) inside the run. */
  firstFailure?: Finding | undefined;
  /** `failed`, `succeeded`, or `no end in the log` (cut, or still running). */
  result: 'failed' | 'succeeded' | 'unknown' | 'no end in the log';
  resultCode?: string | undefined;
};

export type CodeGroup = {
  code: string;
  name?: string | undefined;
  count: number;
  noiseCount: number;
  firstTime?: string | undefined;
  lastTime?: string | undefined;
  first: Finding;
  last: Finding;
};

/** What reading one file told, with everything odd about its bytes said in words. */
export type FileAnalysis = {
  file: string;
  format: LogFormat;
  encoding: string;
  bytes: number;
  lines: number;
  /** Plain-words remarks: invalid UTF-8 replaced, odd byte count, long lines, cut mid-line… */
  notices: string[];
  groups: CodeGroup[];
  findings: Finding[];
  findingsDropped: number;
  runs: Run[];
  runsDropped: number;
  setupResult?:
    | { value: number; extend?: number | undefined; line: number; time?: string | undefined }
    | undefined;
  /** Rule text patterns seen: pattern → first line and the first capture (`subject`). */
  signals: Map<
    string,
    {
      line: number;
      text: string;
      subject?: string | undefined;
      count: number;
      lastSubject?: string | undefined;
    }
  >;
};

/** A file that could not be read as a log, and why. */
export type RefusedFile = { file: string; reason: string };
