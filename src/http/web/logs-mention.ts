/** The logs an article can ask for, as they are written in its text. */
const LOG_NAMES = [
  'WindowsUpdate.log',
  'CBS.log',
  'DISM.log',
  'setupact.log',
  'setuperr.log',
  'ReportingEvents.log',
] as const;

/**
 * The logs an article's text names (case-insensitively, whole names only), in the order
 * above: an article that asks for a log links to the analyser.
 */
export function logsNamedIn(text: string): string[] {
  return LOG_NAMES.filter((name) =>
    new RegExp(`(^|[^A-Za-z0-9_])${name.replace('.', '\\.')}(?![A-Za-z0-9_])`, 'i').test(text),
  );
}
