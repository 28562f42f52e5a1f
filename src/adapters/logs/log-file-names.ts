/**
 * Which files of a folder or an archive are read as logs. A file named on the command line is
 * always read (the analyser refuses binaries itself); inside a folder or a zip only names that
 * look like logs are, so a folder copied from `C:\Windows\Logs` with its dumps and databases
 * reads the logs and skips the rest.
 */
export type NameKind = 'log' | 'cab' | 'zip' | 'etl' | 'evtx' | 'other';

/** `.log`, `.txt`, `.xml` (exported events), `.csv`, and rotations such as `dism.log.bak`. */
const LOG_NAME = /\.(log|txt|xml|csv)(\.(bak|old|\d{1,3}))?$/i;

export function kindOfName(name: string): NameKind {
  if (/\.cab$/i.test(name)) return 'cab';
  if (/\.zip$/i.test(name)) return 'zip';
  if (/\.etl$/i.test(name)) return 'etl';
  if (/\.evtx$/i.test(name)) return 'evtx';
  return LOG_NAME.test(name) ? 'log' : 'other';
}

/** The reasons a named file is not read, each with what to do instead. */
export const NOT_READ = {
  // `expand source.cab -F:files destination` is the documented syntax (MS Learn, "Expand").
  cab: 'a .cab archive (such as a rotated CbsPersist_*.cab) is not read here: expand it first (on Windows), e.g. `expand CbsPersist_20240305140500.cab -F:* <folder>`, then pass the .log inside',
  zipInZip:
    'a .zip inside the .zip is not opened (one level only): unzip the outer archive and pass the inner .zip or its folder',
  etl: 'an .etl file is a binary ETW trace: run Get-WindowsUpdateLog on a Windows 10/11 machine and pass the WindowsUpdate.log it writes',
  evtx: 'an .evtx file is a binary event log: export the events as XML (Event Viewer "Save as XML", or wevtutil with /f:xml) and pass the .xml',
} as const;
