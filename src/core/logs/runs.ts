import type { LogFormat } from './log-format.js';
import type { Run, RunKind } from './log-types.js';

/**
 * Where a run (a scan, a download, an install, a servicing session, a setup attempt) starts and
 * ends in each layout. WindowsUpdate: `* START *` / `* END *` banners (§1, §2). DISM: the
 * `Starting Dism.exe session` / `Ending Dism.exe session` lines. CBS: a `Session: … initialized
 * by client` line opens a servicing session (an inference from observed logs, see DECISIONS.md).
 */
export type RunEvent =
  | { type: 'start'; kind: RunKind; label: string }
  | { type: 'end'; kind?: RunKind; succeeded?: boolean };

const kindOf = (text: string): RunKind =>
  /find|search|detect/i.test(text)
    ? 'scan'
    : /download/i.test(text)
      ? 'download'
      : /install/i.test(text)
        ? 'install'
        : 'operation';

const WU_START = /\*+\s*START\s*\*+\s*(?:[A-Za-z]+:\s*)?(.*?)\s*(?:\[?CallerId.*)?$/i;
const WU_END = /\*+\s*END\s*\*+\s*(?:[A-Za-z]+:\s*)?(.*?)\s*(?:\[?CallerId.*)?$/i;

export function runEvent(format: LogFormat, message: string): RunEvent | undefined {
  switch (format) {
    case 'windows-update':
    case 'windows-update-legacy': {
      if (!message.includes('START') && !message.includes('END')) return undefined;
      const start = WU_START.exec(message);
      if (start && /\*\s*START\s*\*/.test(message)) {
        const label = (start[1] ?? '').trim() || 'operation';
        return { type: 'start', kind: kindOf(label), label };
      }
      const end = WU_END.exec(message);
      if (end && /\*\s*END\s*\*/.test(message)) return { type: 'end', kind: kindOf(end[1] ?? '') };
      return undefined;
    }
    case 'dism':
      if (message.includes('Starting Dism.exe session'))
        return { type: 'start', kind: 'servicing session', label: 'DISM session' };
      if (message.includes('Ending Dism.exe session')) return { type: 'end' };
      return undefined;
    case 'cbs': {
      const session = /Session: (\S+) initialized by client (\S+?),?(?:\s|$)/.exec(message);
      if (session)
        return {
          type: 'start',
          kind: 'servicing session',
          label: `servicing session ${session[1]} (${session[2]})`,
        };
      return undefined;
    }
    default:
      return undefined;
  }
}

/** A run not closed by the end of the file. */
export const unfinished = (run: Run): Run =>
  run.endLine === undefined
    ? { ...run, result: run.firstFailure ? 'failed' : 'no end in the log' }
    : run;

/** Where a one-line run happened. */
type RunAt = { file: string; line: number; time: string | undefined };

const oneLine = (kind: RunKind, label: string, at: RunAt, succeeded: boolean): Run => ({
  kind,
  label,
  file: at.file,
  startLine: at.line,
  startTime: at.time,
  endLine: at.line,
  endTime: at.time,
  result: succeeded ? 'succeeded' : 'failed',
});

/** A ReportingEvents record as a run (each record is one); none for a STARTED record. */
export function reportingEventRun(
  rr: { event: string; category: string; outcome: string },
  at: RunAt,
): Run | undefined {
  const kind = /download/i.test(rr.category)
    ? 'download'
    : /install/i.test(rr.category)
      ? 'install'
      : 'scan';
  if (/STARTED/.test(rr.event)) return undefined;
  return oneLine(kind, ` ${rr.event} (${rr.category})`.slice(1), at, rr.outcome !== 'Failure');
}

/** WindowsUpdateClient event ids (§8): 19/20 install, 25/26 scan, 31/41 download. */
const XML_EVENT_RUNS: Record<number, [RunKind, boolean]> = {
  19: ['install', true],
  20: ['install', false],
  25: ['scan', false],
  26: ['scan', true],
  31: ['download', false],
  41: ['download', true],
};

/** An exported event (`Event <id>`) as a run, when its id is one of a run's. */
export function xmlEventRun(component: string, at: RunAt): Run | undefined {
  const id = Number(component.replace('Event ', ''));
  const entry = XML_EVENT_RUNS[id];
  return entry && oneLine(entry[0], `event ${id}`, at, entry[1]);
}
